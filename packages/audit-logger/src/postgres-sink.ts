import type { Pool } from 'pg';
import type { ChainHead } from './chain.js';
import { ChainBuilder, ChainVerifier, GENESIS_HASH, parseRecordLine } from './chain.js';
import { AuditLogError } from './errors.js';
import type { HmacKeyInput } from './hmac-key.js';
import { toHmacKey } from './hmac-key.js';
import type { AuditLogWriter } from './segment-writer.js';
import type { AuditBreak, AuditVerifyResult, VerifyOptions } from './verify.js';
import { checkExpectedHead } from './verify.js';
import type { AuditWriterStats, QueueEntry } from './write-queue.js';
import { WriteQueue } from './write-queue.js';

/** The table the sink uses unless told otherwise. */
export const DEFAULT_AUDIT_TABLE = 'keeptrusts_audit';

/** What the sink needs of a `pg.Pool`. */
export type PostgresPool = Pick<Pool, 'query' | 'connect'>;

/** Options for `createPostgresAuditLog`. */
export interface PostgresAuditLogOptions {
  pool: PostgresPool;
  /** This gateway instance's chain; must be unique among instances running at once. */
  instanceId: string;
  /** Default `keeptrusts_audit`; lower-case letters, digits and `_`, optionally `schema.table`. */
  table?: string;
  hmacKey?: HmacKeyInput;
  now?: () => Date;
  onFailure?: (error: Error) => void;
  onRecover?: () => void;
  /** Default 100 000. */
  maxPendingRecords?: number;
  /** Default 64 MiB. */
  maxPendingBytes?: number;
  /** Rows per INSERT transaction; default 500. */
  batchSize?: number;
  /** Default 1000 ms. */
  retryIntervalMs?: number;
}

interface RowEntry extends QueueEntry {
  readonly ts: string;
  readonly prev: string;
  readonly hash: string;
  readonly record: string;
}

/**
 * Creates the audit table if missing (`CREATE TABLE IF NOT EXISTS`), resumes this instance's
 * chain from its last row and returns a writer that inserts batches in one transaction each.
 */
export async function createPostgresAuditLog(options: PostgresAuditLogOptions): Promise<AuditLogWriter> {
  const table = quoteTable(options.table ?? DEFAULT_AUDIT_TABLE);
  if (options.instanceId.length === 0) throw new AuditLogError('config', 'instanceId must not be empty');
  await ensureAuditTable(options.pool, options.table);
  // seq is read as text (a bigint may exceed 2^53 in theory) under another name, so ORDER BY
  // sorts the bigint column and not the text alias.
  const { rows } = await options.pool.query<{ seq_text: string; hash: string; ts: Date }>(
    `SELECT seq::text AS seq_text, hash, ts FROM ${table} WHERE instance_id = $1 ORDER BY seq DESC LIMIT 1`,
    [options.instanceId],
  );
  const last = rows[0];
  const head: ChainHead =
    last === undefined ? { seq: 0, hash: GENESIS_HASH } : { seq: Number(last.seq_text), hash: last.hash };
  return new PostgresWriter(options, table, head, last?.ts.getTime() ?? 0);
}

/** Creates the audit table and its index if they do not exist. Safe to run from several instances at once. */
export async function ensureAuditTable(pool: PostgresPool, tableName = DEFAULT_AUDIT_TABLE): Promise<void> {
  const table = quoteTable(tableName);
  try {
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${table} (
        instance_id text NOT NULL,
        seq bigint NOT NULL CHECK (seq > 0),
        ts timestamptz NOT NULL,
        prev text NOT NULL,
        hash text NOT NULL,
        record text NOT NULL,
        PRIMARY KEY (instance_id, seq)
      )`,
    );
  } catch (error) {
    // Two instances creating the table at once: one wins, the other sees a duplicate type or table.
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P07') throw error;
  }
}

class PostgresWriter implements AuditLogWriter {
  readonly #pool: PostgresPool;
  readonly #table: string;
  readonly #instanceId: string;
  readonly #chain: ChainBuilder;
  readonly #queue: WriteQueue<RowEntry>;
  readonly #now: () => Date;
  readonly #batchSize: number;
  #closing: Promise<void> | undefined;

  constructor(options: PostgresAuditLogOptions, table: string, head: ChainHead, lastTsMs: number) {
    this.#pool = options.pool;
    this.#table = table;
    this.#instanceId = options.instanceId;
    this.#chain = new ChainBuilder(head, lastTsMs, toHmacKey(options.hmacKey));
    this.#now = options.now ?? (() => new Date());
    this.#batchSize = options.batchSize ?? 500;
    this.#queue = new WriteQueue<RowEntry>(head.seq, (entries, start) => this.#insert(entries, start), {
      maxPendingRecords: options.maxPendingRecords ?? 100_000,
      maxPendingBytes: options.maxPendingBytes ?? 64 * 1024 * 1024,
      retryIntervalMs: options.retryIntervalMs ?? 1000,
      onFailure: options.onFailure,
      onRecover: options.onRecover,
    });
  }

  get lastError(): Error | undefined {
    return this.#queue.lastError;
  }

  healthy(): boolean {
    return !this.#queue.failed;
  }

  stats(): AuditWriterStats {
    return this.#queue.stats();
  }

  append(record: object): number {
    if (this.#closing !== undefined) throw new AuditLogError('closed', 'the audit log is closed');
    this.#queue.reserve();
    const prev = this.#chain.head.hash;
    const chained = this.#chain.next(record, this.#now().getTime());
    this.#queue.push({
      seq: chained.seq,
      size: chained.line.length * 2 + 200,
      ts: new Date(chained.tsMs).toISOString(),
      prev,
      hash: chained.hash,
      record: chained.line,
    });
    return chained.seq;
  }

  flush(): Promise<void> {
    return this.#queue.flush();
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        await this.#queue.flush();
      } catch (error) {
        const { pendingRecords } = this.#queue.stats();
        throw new AuditLogError(
          'write_failed',
          `audit log closed with ${pendingRecords} records not inserted: ${(error as Error).message}`,
          { cause: error },
        );
      } finally {
        this.#queue.stop();
      }
    })();
    return this.#closing;
  }

  async #insert(entries: readonly RowEntry[], start: number): Promise<number> {
    const batch = entries.slice(start, start + this.#batchSize);
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${this.#table} (instance_id, seq, ts, prev, hash, record)
         SELECT $1, * FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[])`,
        [
          this.#instanceId,
          batch.map((e) => e.seq),
          batch.map((e) => e.ts),
          batch.map((e) => e.prev),
          batch.map((e) => e.hash),
          batch.map((e) => e.record),
        ],
      );
      await client.query('COMMIT');
      return batch.length;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError as Error;
      });
      if ((error as { code?: string }).code === '23505') return this.#alreadyInserted(batch, error);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * A duplicate key on retry means an earlier COMMIT did land before its connection dropped; if
   * the rows hold exactly our hashes they are ours. Different hashes mean another writer uses
   * this instance id.
   */
  async #alreadyInserted(batch: readonly RowEntry[], error: unknown): Promise<number> {
    const { rows } = await this.#pool.query<{ seq_text: string; hash: string }>(
      `SELECT seq::text AS seq_text, hash FROM ${this.#table} WHERE instance_id = $1 AND seq = ANY($2::bigint[])`,
      [this.#instanceId, batch.map((e) => e.seq)],
    );
    const stored = new Map(rows.map((r) => [Number(r.seq_text), r.hash]));
    if (batch.every((e) => stored.get(e.seq) === e.hash)) return batch.length;
    throw new AuditLogError(
      'write_failed',
      `audit rows for instance "${this.#instanceId}" already exist with other hashes: another gateway ` +
        'writes with the same instance id; give each running instance its own',
      { cause: error },
    );
  }
}

/** Options for `verifyPostgresAudit`. */
export interface PostgresVerifyOptions extends VerifyOptions {
  /** Verify one instance's chain; default all instances in the table. */
  instanceId?: string;
  table?: string;
}

/** Verification of a PostgreSQL audit table; `segments` counts instances, `heads` gives each one's head. */
export interface PostgresVerifyResult extends AuditVerifyResult {
  heads: Record<string, ChainHead>;
}

const PAGE = 1000;

/**
 * Verifies the chains in a PostgreSQL audit table, one per instance, paging through rows in seq
 * order. The `record` column (the canonical line) is what is hashed; the seq, prev and hash
 * columns must agree with it.
 */
export async function verifyPostgresAudit(
  pool: PostgresPool,
  options: PostgresVerifyOptions = {},
): Promise<PostgresVerifyResult> {
  const table = quoteTable(options.table ?? DEFAULT_AUDIT_TABLE);
  const hmacKey = toHmacKey(options.hmacKey);
  const instances =
    options.instanceId !== undefined
      ? [options.instanceId]
      : (
          await pool.query<{ id: string }>(`SELECT DISTINCT instance_id AS id FROM ${table} ORDER BY 1`)
        ).rows.map((r) => r.id);
  let result: PostgresVerifyResult = {
    ok: true,
    records: 0,
    segments: instances.length,
    head: { seq: 0, hash: GENESIS_HASH },
    recoveries: [],
    tornFiles: [],
    pendingRemoval: [],
    warnings: [],
    heads: {},
  };
  for (const instance of instances) {
    const verifier = new ChainVerifier({ from: 'genesis', seq: 0, hash: GENESIS_HASH }, hmacKey);
    let line = 0;
    let after = 0;
    for (;;) {
      const { rows } = await pool.query<{ seq_text: string; prev: string; hash: string; record: string }>(
        `SELECT seq::text AS seq_text, prev, hash, record FROM ${table}
         WHERE instance_id = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE}`,
        [instance, after],
      );
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        line += 1;
        const at = { segment: instance, line, expectedSeq: verifier.expectedSeq };
        const check = verifier.check(row.record);
        if (!check.ok) {
          let { reason, message } = check;
          const next = rows[i + 1];
          const parsed = next === undefined ? undefined : parseRecordLine(next.record);
          if (
            reason === 'seq_gap' &&
            check.seq !== null &&
            parsed?.ok === true &&
            parsed.record.seq < check.seq
          ) {
            reason = 'seq_order';
            message = `record ${check.seq} comes before record ${parsed.record.seq}: records were reordered`;
          }
          return fail(result, { ...at, reason, seq: check.seq, message });
        }
        const { record } = check;
        if (Number(row.seq_text) !== record.seq || row.prev !== record.prev || row.hash !== record.hash) {
          return fail(result, {
            ...at,
            reason: 'hash_mismatch',
            seq: record.seq,
            message: `row seq ${row.seq_text}: its seq, prev or hash column differs from the stored record`,
          });
        }
        result.records += 1;
      }
      result.heads[instance] = verifier.head;
      result.head = verifier.head;
      if (rows.length < PAGE) break;
      after = Number(rows.at(-1)!.seq_text);
    }
  }
  if (options.instanceId !== undefined) {
    result = { ...result, ...checkExpectedHead(result, options.expectedHead, options.instanceId) };
  }
  return result;
}

function fail(result: PostgresVerifyResult, firstBreak: AuditBreak): PostgresVerifyResult {
  return { ...result, ok: false, firstBreak };
}

function quoteTable(name: string): string {
  if (!/^([a-z_][a-z0-9_]{0,62}\.)?[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new AuditLogError(
      'config',
      `audit table name "${name}" must be lower-case letters, digits and _ (optionally schema.table)`,
    );
  }
  return name
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
}
