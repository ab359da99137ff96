import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { type AuditRecord, defineAuditSink } from '@keeptrusts/core';
import type pg from 'pg';
import { auditLoggerConfigSchema, resolveOnFailure } from './config.js';
import { resolveHmacKey } from './hmac-key.js';
import { loadPg } from './postgres-driver.js';
import { createPostgresAuditLog } from './postgres-sink.js';
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
    if (config.sink === 'postgres') {
      const name = config.postgres_url_env!;
      const url = context.env(name);
      if (url === undefined || url === '') {
        throw new Error(
          `the audit sink needs a PostgreSQL URL in the environment variable ${name}, which is not set`,
        );
      }
      const { Pool } = await loadPg();
      pool = new Pool({ connectionString: url, max: 4 });
      writer = await createPostgresAuditLog({
        pool,
        instanceId: config.instance_id ?? hostname(),
        ...(hmacKey === undefined ? {} : { hmacKey }),
        ...(now === undefined ? {} : { now }),
      });
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
        // Under fsync: always the answer waits for its record; the queue batches concurrent waits.
        if (config.fsync === 'always') return writer.flush();
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
        return { pendingRecords, rejectedRecords };
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
