import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { type AuditRecord, defineAuditSink } from '@keeptrusts/core';
import type pg from 'pg';
import { type AuditLoggerConfig, auditLoggerConfigSchema, resolveOnFailure } from './config.js';
import { resolveHmacKey } from './hmac-key.js';
import { loadPg } from './postgres-driver.js';
import { createPostgresAuditLog, type PostgresDurability } from './postgres-sink.js';
import type { SpoolStats } from './postgres-spool.js';
import { startRetentionSchedule } from './retention.js';
import type { AuditLogWriter, FileAuditLog } from './segment-writer.js';
import { createFileAuditLog } from './segment-writer.js';

const hour = 60 * 60 * 1000;

/**
 * The `audit-logger` sink, named in `policies.chain` and configured under `policy.audit-logger`:
 * one hash-chained record per request, written off the request path.
 */
export const auditLogger = defineAuditSink({
  type: 'audit-logger',
  configSchema: auditLoggerConfigSchema,
  async create(config, context) {
    const hmacKey = resolveHmacKey(config.hmac_key_env, context.env);
    const now = context.now;
    let writer: AuditLogWriter;
    let stopRetention: (() => Promise<void>) | undefined;
    let pool: pg.Pool | undefined;
    // Whether the answer waits for its record: fsync: always, or postgres durability: sync.
    let durable = config.fsync === 'always';
    let spoolStats: (() => SpoolStats) | undefined;
    if (config.sink === 'postgres') {
      const settings = postgresSettings(config);
      const url = settings.url ?? context.env(settings.urlEnv!);
      if (url === undefined || url === '') {
        throw new Error(
          `the audit sink needs a PostgreSQL URL in the environment variable ${settings.urlEnv}, which is not set`,
        );
      }
      const { Pool } = await loadPg();
      // An unreachable database fails fast (and spools) rather than holding requests.
      pool = new Pool({
        connectionString: url,
        max: settings.poolSize,
        connectionTimeoutMillis: 2000,
        query_timeout: 10_000,
      });
      // A server that goes away errors idle connections; without a listener that would end the process.
      pool.on('error', () => undefined);
      const instanceId = config.instance_id ?? context.instanceId ?? `${hostname()}-${process.pid}`;
      const spoolFile = join(resolve(context.baseDir, settings.spoolDir), `${fileSafe(instanceId)}.jsonl`);
      const opening = createPostgresAuditLog({
        pool,
        instanceId,
        table: settings.table,
        durability: settings.durability,
        flushIntervalMs: settings.flushIntervalMs,
        maxPendingRecords: settings.maxPendingRecords,
        spoolFile,
        onSpool: (event) => {
          if (event.type === 'spooling') {
            context.warn?.(
              `audit sink: PostgreSQL cannot be reached (${event.error.message}); spooling records to ` +
                `${event.file} and replaying them in order when it answers`,
            );
          } else if (event.type === 'replayed') {
            // A warning too: the records were late, and the operator should know for how long.
            context.warn?.(
              `audit sink: PostgreSQL answers again; replayed ${event.records} spooled records ` +
                `(the oldest waited ${Math.round(event.oldestAgeMs / 100) / 10} s) and removed ${event.file}`,
            );
          } else {
            context.warn?.(
              `audit sink: ${event.records} records stay in ${event.file}: PostgreSQL did not answer before ` +
                `the gateway stopped; the next start with instance id ${instanceId} replays them`,
            );
          }
        },
        ...(hmacKey === undefined ? {} : { hmacKey }),
        ...(now === undefined ? {} : { now }),
      });
      const opened = pool;
      const log = await opening.catch(async (error: unknown) => {
        await opened.end().catch(() => undefined);
        throw new Error(
          `the audit sink cannot open its PostgreSQL table at ${redactUrl(url)}: ${(error as Error).message}` +
            ' (it must be reachable when the gateway starts, to continue the chain of this instance)',
          { cause: error },
        );
      });
      spoolStats = () => log.spoolStats();
      durable = settings.durability === 'sync';
      writer = log;
    } else {
      const dir = resolve(context.baseDir, config.path);
      const log = await createFileAuditLog({
        dir,
        fsync: config.fsync,
        fsyncIntervalMs: config.fsync_interval_ms,
        ...(hmacKey === undefined ? {} : { hmacKey }),
        ...(now === undefined ? {} : { now }),
      });
      for (const message of startupNotes(log)) context.warn?.(message);
      writer = log;
      if (config.retention_days !== undefined) {
        stopRetention = startRetentionSchedule({
          dir,
          retentionDays: config.retention_days,
          intervalMs: hour,
          ...(hmacKey === undefined ? {} : { hmacKey }),
          ...(now === undefined ? {} : { now }),
        });
      }
    }
    return {
      failClosed: resolveOnFailure(config) === 'fail_closed',
      wantsContent: config.log_content,
      append(record: AuditRecord) {
        // Without log_all_access only requests that were served are recorded.
        if (!config.log_all_access && record.status >= 400) return;
        const { prompt: _p, answer: _a, reasoning: _r, tool_calls: _t, ...metadata } = record;
        writer.append(config.log_content ? record : metadata);
        // Under fsync: always (file) or durability: sync (postgres) the answer waits for its record;
        // the queue batches concurrent waits.
        if (durable) return writer.flush();
      },
      flush: () => writer.flush(),
      async close() {
        await stopRetention?.();
        await writer.close();
        await pool?.end();
      },
      healthy: () => writer.healthy(),
      stats() {
        const { pendingRecords, rejectedRecords } = writer.stats();
        const spool = spoolStats?.();
        if (spool === undefined) return { pendingRecords, rejectedRecords };
        const oldestAgeSeconds =
          spool.oldestTsMs === undefined ? 0 : Math.max(0, (Date.now() - spool.oldestTsMs) / 1000);
        return {
          pendingRecords,
          rejectedRecords,
          spool: { records: spool.records, bytes: spool.bytes, oldestAgeSeconds },
        };
      },
    };
  },
});

/** What a file log's writer found and handled when it opened the directory, for the operator's log. */
function startupNotes(log: FileAuditLog): string[] {
  const notes: string[] = [];
  const taken = log.lockTakenOverFrom;
  if (taken !== undefined) {
    notes.push(
      `audit log ${log.dir}: took over the LOCK left by pid ${taken.pid} on ${taken.host} ` +
        `(since ${taken.started_at}), which is no longer running`,
    );
  }
  const torn = log.recoveredTornTail;
  if (torn !== undefined) {
    notes.push(
      `audit log ${log.dir}: moved a torn last line (${torn.bytes} bytes) of ${torn.segment} to ${torn.file}; ` +
        'the next record notes it',
    );
  }
  const head = log.headRecovery;
  if (head !== undefined) {
    const end = log.stats().appendedSeq;
    const what =
      head.problem === 'records_missing'
        ? `head.json says seq ${head.head_seq} but the log ends at seq ${end}: the newest records are missing`
        : head.problem === 'head_missing'
          ? 'head.json is missing, though the last record says the log keeps one'
          : `head.json does not match the log${head.file === undefined ? '' : ` (a copy is kept as ${head.file})`}`;
    notes.push(`audit log ${log.dir}: ${what}; the next record notes it, and kt audit verify reports it`);
  }
  return notes;
}

/** The PostgreSQL settings of `sink: postgres`, defaults applied; the URL is given directly or by variable. */
export interface PostgresSinkSettings {
  url: string | undefined;
  urlEnv: string | undefined;
  table: string;
  durability: PostgresDurability;
  flushIntervalMs: number;
  maxPendingRecords: number;
  spoolDir: string;
  poolSize: number;
}

/** Reads `postgres` (and the older `postgres_url_env`) of a parsed config with `sink: postgres`. */
export function postgresSettings(config: AuditLoggerConfig): PostgresSinkSettings {
  const p = config.postgres;
  return {
    url: p?.url,
    urlEnv: p?.url_env ?? config.postgres_url_env,
    table: p?.table ?? 'keeptrusts_audit',
    durability: p?.durability ?? 'sync',
    flushIntervalMs: p?.flush_interval_ms ?? 200,
    maxPendingRecords: p?.max_pending_records ?? 100_000,
    spoolDir: p?.spool_dir ?? './audit-spool',
    poolSize: p?.pool_size ?? 4,
  };
}

// An instance id as a file name: anything but letters, digits, dot, dash and underscore becomes _.
function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}

// The URL for a message: host, port and database, never the password.
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
