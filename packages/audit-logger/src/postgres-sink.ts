import type { Pool } from 'pg';
import { canonicalJson } from './canonical-json.js';
import type { ChainHead } from './chain.js';
import { ChainBuilder, digestHex, GENESIS_HASH } from './chain.js';
import { AuditLogError } from './errors.js';
import type { HmacKeyInput } from './hmac-key.js';
import { toHmacKey } from './hmac-key.js';
import { type AuditTables, auditTables, DEFAULT_AUDIT_TABLE, ensureAuditTable } from './postgres-schema.js';
import { PostgresSpool, type SpooledRow, type SpoolStats } from './postgres-spool.js';
import type { AuditLogWriter } from './segment-writer.js';
import type { AuditWriterStats, QueueEntry } from './write-queue.js';
import { WriteQueue } from './write-queue.js';

/** What the sink needs of a `pg.Pool`. */
export type PostgresPool = Pick<Pool, 'query' | 'connect'>;

/** When an appended record counts as stored: after its COMMIT, or once a periodic batch commits. */
export type PostgresDurability = 'sync' | 'batched';

/** Options for `createPostgresAuditLog`. */
export interface PostgresAuditLogOptions {
  pool: PostgresPool;
  /** This gateway instance's chain; must be unique among instances running at once. */
  instanceId: string;
  /** Default `keeptrusts_audit`; lower-case letters, digits and `_`, optionally `schema.table`. */
  table?: string;
  hmacKey?: HmacKeyInput;
  /**
   * `sync` (default): each batch is inserted as soon as the previous one committed, and `flush()`
   * resolves after COMMIT. `batched`: records wait up to `flushIntervalMs` to join a batch.
   */
  durability?: PostgresDurability;
  /** How long a record waits for its batch under `batched`; default 200 ms. */
  flushIntervalMs?: number;
  /**
   * Where rows go while PostgreSQL cannot be reached (a JSON-lines file, fsynced before a record
   * counts as stored), replayed in order when it answers again. Without it a failing database
   * keeps records in memory (bounded) and the writer turns unhealthy.
   */
  spoolFile?: string;
  now?: () => Date;
  onFailure?: (error: Error) => void;
  onRecover?: () => void;
  /** Told when spooling starts (the database failed) and when a replay emptied the spool. */
  onSpool?: (event: SpoolEvent) => void;
  /** Default 100 000. */
  maxPendingRecords?: number;
  /** Default 64 MiB. */
  maxPendingBytes?: number;
  /** Rows per INSERT transaction; default 500. */
  batchSize?: number;
  /** How often a failed insert, or a spool replay, is tried again; default 1000 ms. */
  retryIntervalMs?: number;
}

/** A change in the spool's state, for the operator's log. */
export type SpoolEvent =
  | { type: 'spooling'; file: string; error: Error }
  | { type: 'replayed'; file: string; records: number; oldestAgeMs: number }
  | { type: 'left'; file: string; records: number };

/** A PostgreSQL writer: the common writer, plus its spool. */
export interface PostgresAuditLog extends AuditLogWriter {
  readonly instanceId: string;
  /** Rows waiting in the spool file (zeros when there is none). */
  spoolStats(): SpoolStats;
}

interface RowEntry extends QueueEntry, SpooledRow {}

/**
 * Creates the audit tables if missing, resumes this instance's chain from its last row (or from
 * the spool a previous process left, replaying it) and returns a writer that inserts batches in
 * one transaction each, updating the instance's row in the heads table in the same transaction.
 */
export async function createPostgresAuditLog(options: PostgresAuditLogOptions): Promise<PostgresAuditLog> {
  const tableName = options.table ?? DEFAULT_AUDIT_TABLE;
  const tables = auditTables(tableName);
  if (options.instanceId.length === 0) throw new AuditLogError('config', 'instanceId must not be empty');
  await ensureAuditTable(options.pool, tableName);
  // seq is read as text (a bigint may exceed 2^53 in theory) under another name, so ORDER BY
  // sorts the bigint column and not the text alias.
  const { rows } = await options.pool.query<{ seq_text: string; hash: string; ts: Date }>(
    `SELECT seq::text AS seq_text, hash, ts FROM ${tables.records} WHERE instance_id = $1 ORDER BY seq DESC LIMIT 1`,
    [options.instanceId],
  );
  const last = rows[0];
  let head: ChainHead =
    last === undefined ? { seq: 0, hash: GENESIS_HASH } : { seq: Number(last.seq_text), hash: last.hash };
  let lastTsMs = last?.ts.getTime() ?? 0;
  let spool: PostgresSpool | undefined;
  if (options.spoolFile !== undefined) {
    spool = new PostgresSpool(options.spoolFile);
    await spool.open();
    const spooled = spool.last;
    // Records a previous process spooled and never replayed continue the chain.
    if (spooled !== undefined && spooled.seq > head.seq) {
      head = { seq: spooled.seq, hash: spooled.hash };
      lastTsMs = Math.max(lastTsMs, Date.parse(spooled.ts));
    }
  }
  const writer = new PostgresWriter(options, tables, head, lastTsMs, spool);
  await writer.replayNow();
  return writer;
}

class PostgresWriter implements PostgresAuditLog {
  readonly instanceId: string;
  readonly #pool: PostgresPool;
  readonly #tables: AuditTables;
  readonly #chain: ChainBuilder;
  readonly #queue: WriteQueue<RowEntry>;
  readonly #now: () => Date;
  readonly #batchSize: number;
  readonly #hmacKey: Uint8Array | undefined;
  readonly #spool: PostgresSpool | undefined;
  readonly #retryIntervalMs: number;
  readonly #onSpool: ((event: SpoolEvent) => void) | undefined;
  #nextReplayAt = 0;
  #replayTimer: NodeJS.Timeout | undefined;
  // Inserts, spool writes and replays run one at a time, so the chain reaches the table in order.
  #serial: Promise<unknown> = Promise.resolve();
  #closing: Promise<void> | undefined;

  constructor(
    options: PostgresAuditLogOptions,
    tables: AuditTables,
    head: ChainHead,
    lastTsMs: number,
    spool: PostgresSpool | undefined,
  ) {
    this.instanceId = options.instanceId;
    this.#pool = options.pool;
    this.#tables = tables;
    this.#hmacKey = toHmacKey(options.hmacKey);
    this.#chain = new ChainBuilder(head, lastTsMs, this.#hmacKey);
    this.#now = options.now ?? (() => new Date());
    this.#batchSize = options.batchSize ?? 500;
    this.#spool = spool;
    this.#retryIntervalMs = options.retryIntervalMs ?? 1000;
    this.#onSpool = options.onSpool;
    this.#queue = new WriteQueue<RowEntry>(head.seq, (entries, start) => this.#write(entries, start), {
      maxPendingRecords: options.maxPendingRecords ?? 100_000,
      maxPendingBytes: options.maxPendingBytes ?? 64 * 1024 * 1024,
      retryIntervalMs: this.#retryIntervalMs,
      batchDelayMs: options.durability === 'batched' ? (options.flushIntervalMs ?? 200) : 0,
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

  spoolStats(): SpoolStats {
    return this.#spool?.stats() ?? { records: 0, bytes: 0, oldestTsMs: undefined };
  }

  append(record: object): number {
    if (this.#closing !== undefined) throw new AuditLogError('closed', 'the audit log is closed');
    this.#queue.reserve();
    const prev = this.#chain.head.hash;
    // The instance is part of what is hashed, so a row moved to another chain shows.
    const chained = this.#chain.next({ ...record, instance_id: this.instanceId }, this.#now().getTime());
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
        clearInterval(this.#replayTimer);
        this.#replayTimer = undefined;
      }
      const spool = this.#spool;
      if (spool === undefined) return;
      await this.replayNow();
      if (spool.active) this.#tell({ type: 'left', file: spool.file, records: spool.stats().records });
      await spool.close();
    })();
    return this.#closing;
  }

  /** Replays the spool now, if it holds anything; a failure leaves it for the next try. */
  replayNow(): Promise<void> {
    return this.#exclusive(async () => {
      if (this.#spool?.active) await this.#replay().catch(() => undefined);
    });
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#serial.then(work, work);
    this.#serial = run.catch(() => undefined);
    return run;
  }

  /** The queue's batch writer: into the table, or into the spool while it holds anything. */
  #write(entries: readonly RowEntry[], start: number): Promise<number> {
    return this.#exclusive(async () => {
      const batch = entries.slice(start, start + this.#batchSize);
      const spool = this.#spool;
      if (spool?.active) {
        if (Date.now() >= this.#nextReplayAt) await this.#replay().catch(() => undefined);
        // Still spooling: newer rows go after the older ones, never around them into the table.
        if (spool.active) {
          await spool.append(batch.map(row));
          return batch.length;
        }
      }
      try {
        await this.#insert(batch);
      } catch (error) {
        if (spool === undefined || isForkedChain(error)) throw error;
        await spool.append(batch.map(row));
        this.#nextReplayAt = Date.now() + this.#retryIntervalMs;
        this.#startReplayTimer();
        this.#tell({ type: 'spooling', file: spool.file, error: error as Error });
      }
      return batch.length;
    });
  }

  /** Inserts the spool's rows in order; on success removes the spool. Throws when the database still fails. */
  async #replay(): Promise<void> {
    const spool = this.#spool!;
    const oldest = spool.stats().oldestTsMs;
    try {
      const records = await spool.replay(this.#batchSize, (rows) => this.#insert(rows));
      await spool.clear();
      clearInterval(this.#replayTimer);
      this.#replayTimer = undefined;
      this.#tell({
        type: 'replayed',
        file: spool.file,
        records,
        oldestAgeMs: oldest === undefined ? 0 : Date.now() - oldest,
      });
    } catch (error) {
      this.#nextReplayAt = Date.now() + this.#retryIntervalMs;
      throw error;
    }
  }

  // Without traffic nothing would call #write: the timer replays the spool on its own.
  #startReplayTimer(): void {
    if (this.#replayTimer !== undefined) return;
    this.#replayTimer = setInterval(() => {
      if (this.#spool?.active && Date.now() >= this.#nextReplayAt) void this.replayNow();
    }, this.#retryIntervalMs);
    this.#replayTimer.unref();
  }

  #tell(event: SpoolEvent): void {
    try {
      this.#onSpool?.(event);
    } catch {
      // A throwing callback must not wedge the writer.
    }
  }

  async #insert(batch: readonly SpooledRow[]): Promise<void> {
    const newest = batch.at(-1)!;
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    // A server that goes away mid-query errors the checked-out client too; unheard, that would end
    // the process. The failing query rejects as well, which is what is acted on.
    const onError = (error: Error) => {
      broken ??= error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${this.#tables.records} (instance_id, seq, ts, prev, hash, record)
         SELECT $1, * FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[])`,
        [
          this.instanceId,
          batch.map((e) => e.seq),
          batch.map((e) => e.ts),
          batch.map((e) => e.prev),
          batch.map((e) => e.hash),
          batch.map((e) => e.record),
        ],
      );
      // The head moves in the transaction that adds the rows: the table never holds rows past
      // its head, and a head past the last row means rows were deleted.
      await client.query(
        `INSERT INTO ${this.#tables.heads} AS h (instance_id, seq, hash, updated_at, head_hash)
         VALUES ($1, $2, $3, now(), $4)
         ON CONFLICT (instance_id) DO UPDATE
           SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, updated_at = now(), head_hash = EXCLUDED.head_hash
           WHERE h.seq < EXCLUDED.seq`,
        [this.instanceId, newest.seq, newest.hash, headHash(this.instanceId, newest, this.#hmacKey)],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError as Error;
      });
      if ((error as { code?: string }).code === '23505') return this.#alreadyInserted(batch, error);
      // A failed connection must not go back to the pool.
      broken ??= error as Error;
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  /**
   * A duplicate key on retry means an earlier COMMIT did land before its connection dropped (or a
   * spool replay that stopped part-way is resumed); if the rows hold exactly our hashes they are
   * ours. Different hashes mean another writer uses this instance id.
   */
  async #alreadyInserted(batch: readonly SpooledRow[], error: unknown): Promise<void> {
    const { rows } = await this.#pool.query<{ seq_text: string; hash: string }>(
      `SELECT seq::text AS seq_text, hash FROM ${this.#tables.records} WHERE instance_id = $1 AND seq = ANY($2::bigint[])`,
      [this.instanceId, batch.map((e) => e.seq)],
    );
    const stored = new Map(rows.map((r) => [Number(r.seq_text), r.hash]));
    const mine = batch.filter((e) => stored.has(e.seq));
    if (mine.length === 0) throw error;
    if (mine.some((e) => stored.get(e.seq) !== e.hash)) {
      throw new AuditLogError(
        'write_failed',
        `audit rows for instance "${this.instanceId}" already exist with other hashes: another gateway ` +
          'writes with the same instance id; give each running instance its own',
        { cause: error },
      );
    }
    // Some rows were in, the rest not (a replay cut short): insert the rest.
    const rest = batch.filter((e) => !stored.has(e.seq));
    if (rest.length > 0) await this.#insert(rest);
  }
}

function row(entry: RowEntry): SpooledRow {
  return { seq: entry.seq, ts: entry.ts, prev: entry.prev, hash: entry.hash, record: entry.record };
}

function isForkedChain(error: unknown): boolean {
  return error instanceof AuditLogError && error.code === 'write_failed';
}

/** The seal of an instance's head row: SHA-256 (HMAC with the key) of `{instance_id, seq, hash}`. */
export function headHash(
  instanceId: string,
  head: { seq: number; hash: string },
  hmacKey?: Uint8Array,
): string {
  return digestHex(canonicalJson({ instance_id: instanceId, seq: head.seq, hash: head.hash }), hmacKey);
}
