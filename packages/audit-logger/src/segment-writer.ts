import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChainNotes, HeadRecoveryNote, TornTailNote } from './chain.js';
import { ChainBuilder, utcDate } from './chain.js';
import type { RecoveredHead } from './chain-head.js';
import { reconcileHeadAnchor, recoverChainHead } from './chain-head.js';
import type { DirectoryLock, LockHolder } from './directory-lock.js';
import { lockAuditDirectory } from './directory-lock.js';
import { AuditLogError } from './errors.js';
import { HEAD_FILE, sealHeadAnchor, writeHeadAnchor } from './head-anchor.js';
import type { HmacKeyInput } from './hmac-key.js';
import { toHmacKey } from './hmac-key.js';
import { segmentName } from './segments.js';
import type { AuditWriterStats, QueueEntry } from './write-queue.js';
import { PartialBatchError, WriteQueue } from './write-queue.js';

/** When written records are fsynced: every batch, every `fsyncIntervalMs`, or when the OS decides. */
export type FsyncMode = 'always' | 'interval' | 'never';

/** The part of an open file the writer uses; `node:fs/promises` handles fit. */
export interface AuditFileHandle {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** How the writer opens files: segments with `a`, the directory with `r` (to fsync it). Injectable for tests. */
export interface AuditFileSystem {
  open(path: string, flags: 'a' | 'r'): Promise<AuditFileHandle>;
}

/** The real file system. */
export const nodeFileSystem: AuditFileSystem = {
  async open(path, flags) {
    const handle = await open(path, flags);
    return {
      write: (buffer, offset, length) => handle.write(buffer, offset, length),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
};

/** A live audit log: `append` chains and queues, writes happen in batches off the caller's path. */
export interface AuditLogWriter {
  /** Chains and queues one record; returns its seq. Synchronous; throws `invalid_record`, `overflow` or `closed`. */
  append(record: object): number;
  /** Resolves when every record appended so far is written (and fsynced under `fsync: always`). */
  flush(): Promise<void>;
  /** Flushes, fsyncs and closes; appends after it throw `closed`. */
  close(): Promise<void>;
  /** False after a failed write until a retry succeeds. */
  healthy(): boolean;
  /** The last write error seen (kept after recovery). */
  readonly lastError: Error | undefined;
  stats(): AuditWriterStats;
}

/** A file audit log writer, plus what startup found. */
export interface FileAuditLog extends AuditLogWriter {
  readonly dir: string;
  /** Set when startup moved a torn tail aside; the next record carries the same note. */
  readonly recoveredTornTail: TornTailNote | undefined;
  /** Set when the log did not match its head.json at startup; the next record carries the same note. */
  readonly headRecovery: HeadRecoveryNote | undefined;
  /** Set when startup took the directory's LOCK over from a writer that is gone. */
  readonly lockTakenOverFrom: LockHolder | undefined;
}

/** Options for `createFileAuditLog`. */
export interface FileAuditLogOptions {
  /** Directory of the daily segments; created if missing. */
  dir: string;
  /** Default `interval`. */
  fsync?: FsyncMode;
  /** Period of the fsync under `interval`, and of head.json updates under `interval` and `never`; default 1000. */
  fsyncIntervalMs?: number;
  /** When set, `hash` is HMAC-SHA256 with this key instead of SHA-256. */
  hmacKey?: HmacKeyInput;
  /** Clock for `ts` and the segment date; default `() => new Date()`. */
  now?: () => Date;
  /** Called once each time the writer goes from healthy to failed. */
  onFailure?: (error: Error) => void;
  /** Called when a retry succeeds after a failure. */
  onRecover?: () => void;
  /** Records kept in memory while unwritten before `append` throws `overflow`; default 100 000. */
  maxPendingRecords?: number;
  /** Bytes kept in memory while unwritten before `append` throws `overflow`; default 64 MiB. */
  maxPendingBytes?: number;
  /** Under `interval` and `never`, how long a write waits for more records to join it; default 5 ms. */
  batchDelayMs?: number;
  /** Largest single write; default 1 MiB. */
  maxBatchBytes?: number;
  /** Delay before a failed writer retries on its own; default 1000 ms (`flush()` retries at once). */
  retryIntervalMs?: number;
  fileSystem?: AuditFileSystem;
}

const DEFAULT_BATCH_DELAY_MS = 5;

interface SegmentEntry extends QueueEntry {
  readonly hash: string;
  readonly segment: string;
  readonly line: Buffer;
}

/** A record's place in the log, as head.json records it. */
interface HeadPosition {
  seq: number;
  hash: string;
  segment: string | null;
}

/** What `createFileAuditLog` found before the writer starts. */
interface WriterStart {
  recovered: RecoveredHead;
  headRecovery: HeadRecoveryNote | undefined;
  lock: DirectoryLock;
}

/**
 * Opens (or creates) a file audit log and resumes its chain. Takes the directory's LOCK first
 * (throws `locked` while another writer holds it), then finds the last record of the newest
 * segment, moving a torn tail aside (see `recoverChainHead`), and compares it with head.json
 * (see `reconcileHeadAnchor`). The lock is held until `close()`.
 */
export async function createFileAuditLog(options: FileAuditLogOptions): Promise<FileAuditLog> {
  const hmacKey = toHmacKey(options.hmacKey);
  await mkdir(options.dir, { recursive: true });
  const lock = await lockAuditDirectory(options.dir);
  try {
    const recovered = await recoverChainHead(options.dir, hmacKey);
    const headRecovery = await reconcileHeadAnchor(options.dir, recovered, hmacKey);
    // A log that agrees with its head starts with a fresh one. One that does not keeps its old
    // head.json until the record noting the disagreement is on disk, so a crash in between still
    // leaves the evidence for the next start.
    if (headRecovery === undefined) {
      const { head, segment } = recovered;
      const anchor = sealHeadAnchor(
        {
          version: 1,
          seq: head.seq,
          hash: head.hash,
          segment,
          updated_at: (options.now?.() ?? new Date()).toISOString(),
        },
        hmacKey,
      );
      await writeHeadAnchor(options.dir, anchor, { sync: (options.fsync ?? 'interval') !== 'never' });
    }
    return new FileWriter(options, hmacKey, { recovered, headRecovery, lock });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

class FileWriter implements FileAuditLog {
  readonly dir: string;
  readonly recoveredTornTail: TornTailNote | undefined;
  readonly headRecovery: HeadRecoveryNote | undefined;
  readonly lockTakenOverFrom: LockHolder | undefined;
  #pendingNote: TornTailNote | undefined;
  #pendingHeadRecovery: HeadRecoveryNote | undefined;
  readonly #lock: DirectoryLock;
  readonly #hmacKey: Uint8Array | undefined;
  readonly #retryIntervalMs: number;
  /** The last record written to a segment, and the last known durable (fsynced, or written under `never`). */
  #onDisk: HeadPosition;
  #durable: HeadPosition;
  /** The seq head.json names; -1 while it names nothing this writer wrote. */
  #headSeq: number;
  /** head.json may not move before this seq is durable: the record carrying a head recovery note. */
  #headHold: number;
  #headRun: Promise<void> | undefined;
  #headError: Error | undefined;
  #headRetry: NodeJS.Timeout | undefined;
  readonly #chain: ChainBuilder;
  readonly #queue: WriteQueue<SegmentEntry>;
  readonly #fs: AuditFileSystem;
  readonly #fsync: FsyncMode;
  readonly #now: () => Date;
  readonly #maxBatchBytes: number;
  #handle: AuditFileHandle | undefined;
  #handleSegment: string | undefined;
  #dirty = false;
  /** Bytes of the head of the queue already on disk, after a write that stopped part-way. */
  #headOffset = 0;
  #io: Promise<void> = Promise.resolve();
  #syncTimer: NodeJS.Timeout | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: FileAuditLogOptions, hmacKey: Uint8Array | undefined, start: WriterStart) {
    const { recovered, headRecovery, lock } = start;
    const { seq, hash } = recovered.head;
    this.dir = options.dir;
    this.recoveredTornTail = recovered.tornTail;
    this.#pendingNote = recovered.tornTail;
    this.headRecovery = headRecovery;
    this.#pendingHeadRecovery = headRecovery;
    this.lockTakenOverFrom = lock.tookOverFrom;
    this.#lock = lock;
    this.#hmacKey = hmacKey;
    this.#retryIntervalMs = options.retryIntervalMs ?? 1000;
    this.#onDisk = { seq, hash, segment: recovered.segment };
    this.#durable = this.#onDisk;
    this.#headSeq = headRecovery === undefined ? seq : -1;
    this.#headHold = headRecovery === undefined ? 0 : Number.POSITIVE_INFINITY;
    this.#chain = new ChainBuilder({ seq, hash }, recovered.lastTsMs, hmacKey);
    this.#fs = options.fileSystem ?? nodeFileSystem;
    this.#fsync = options.fsync ?? 'interval';
    this.#now = options.now ?? (() => new Date());
    this.#maxBatchBytes = options.maxBatchBytes ?? 1024 * 1024;
    this.#queue = new WriteQueue<SegmentEntry>(seq, (entries, start) => this.#writeBatch(entries, start), {
      maxPendingRecords: options.maxPendingRecords ?? 100_000,
      maxPendingBytes: options.maxPendingBytes ?? 64 * 1024 * 1024,
      retryIntervalMs: this.#retryIntervalMs,
      // Without fsync: always a record is durable only at the next fsync anyway, so waiting a few
      // milliseconds for more records costs nothing and saves a write per request under load (#14).
      batchDelayMs: this.#fsync === 'always' ? 0 : (options.batchDelayMs ?? DEFAULT_BATCH_DELAY_MS),
      onFailure: options.onFailure,
      onRecover: options.onRecover,
    });
    if (this.#fsync !== 'always') {
      this.#syncTimer = setInterval(() => void this.#periodicSync(), options.fsyncIntervalMs ?? 1000);
      this.#syncTimer.unref();
    }
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
    const notes: ChainNotes = {
      head_anchored: true,
      recovered_torn_tail: this.#pendingNote,
      head_recovery: this.#pendingHeadRecovery,
    };
    const chained = this.#chain.next(record, this.#now().getTime(), notes);
    this.#pendingNote = undefined;
    if (this.#pendingHeadRecovery !== undefined) {
      this.#pendingHeadRecovery = undefined;
      this.#headHold = chained.seq;
    }
    const line = Buffer.from(`${chained.line}\n`, 'utf8');
    this.#queue.push({
      seq: chained.seq,
      hash: chained.hash,
      size: line.length,
      segment: segmentName(utcDate(chained.tsMs)),
      line,
    });
    return chained.seq;
  }

  async flush(): Promise<void> {
    const target = this.#queue.stats().appendedSeq;
    await this.#queue.flush();
    // Otherwise head.json follows the records at the next tick of the fsync timer.
    if (this.#fsync === 'always') await this.#headCaughtUp(target);
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    clearInterval(this.#syncTimer);
    let failure: unknown;
    try {
      await this.#queue.flush();
    } catch (error) {
      failure = error;
    }
    this.#queue.stop();
    try {
      await this.#withIo(async () => {
        const handle = this.#handle;
        this.#handle = undefined;
        this.#handleSegment = undefined;
        if (handle === undefined) return;
        try {
          if (this.#dirty) {
            if (this.#fsync !== 'never') await handle.sync();
            this.#markDurable();
          }
        } finally {
          await handle.close();
        }
      });
    } catch (error) {
      failure ??= error;
    }
    try {
      await this.#headCaughtUp(this.#onDisk.seq);
    } catch (error) {
      failure ??= error;
    }
    clearTimeout(this.#headRetry);
    await this.#lock.release();
    if (failure !== undefined) {
      const { pendingRecords } = this.#queue.stats();
      throw new AuditLogError(
        'write_failed',
        `audit log closed with ${pendingRecords} records not written: ${(failure as Error).message}`,
        { cause: failure },
      );
    }
  }

  #withIo<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#io.then(fn);
    this.#io = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The timer's tick: fsync what was written (under `interval`), then let head.json follow it. */
  #periodicSync(): Promise<void> {
    return this.#withIo(async () => {
      const handle = this.#handle;
      if (!this.#dirty || handle === undefined) return;
      this.#dirty = false;
      if (this.#fsync === 'interval') {
        try {
          await handle.sync();
        } catch (error) {
          this.#queue.reportFailure(error as Error);
          return;
        }
      }
      this.#markDurable();
    });
  }

  /** Everything written so far is durable: head.json may follow it. */
  #markDurable(): void {
    this.#durable = this.#onDisk;
    void this.#updateHead();
  }

  /** The seq head.json may name now. */
  #headTarget(): number {
    return this.#durable.seq >= this.#headHold ? this.#durable.seq : this.#headSeq;
  }

  /** Starts writing head.json up to the durable record, unless a write is under way (it catches up). */
  #updateHead(): Promise<void> {
    if (this.#headRun === undefined && this.#headTarget() > this.#headSeq) this.#headRun = this.#runHead();
    return this.#headRun ?? Promise.resolve();
  }

  async #runHead(): Promise<void> {
    try {
      while (this.#headTarget() > this.#headSeq) {
        const target = this.#durable;
        const anchor = sealHeadAnchor(
          {
            version: 1,
            seq: target.seq,
            hash: target.hash,
            segment: target.segment,
            updated_at: this.#now().toISOString(),
          },
          this.#hmacKey,
        );
        try {
          await writeHeadAnchor(this.dir, anchor, { sync: this.#fsync !== 'never' });
        } catch (error) {
          // Records are still written; until head.json is again, the writer reports unhealthy.
          this.#headError = error as Error;
          this.#queue.reportFailure(this.#headError);
          if (this.#closing === undefined && this.#retryIntervalMs > 0) {
            clearTimeout(this.#headRetry);
            this.#headRetry = setTimeout(() => void this.#updateHead(), this.#retryIntervalMs);
            this.#headRetry.unref();
          }
          return;
        }
        this.#headSeq = target.seq;
        if (this.#headError !== undefined) {
          this.#headError = undefined;
          this.#queue.reportRecovery();
        }
      }
    } finally {
      this.#headRun = undefined;
    }
  }

  /** Resolves once head.json names `seq` (or the newest durable record before it); throws if it cannot be written. */
  async #headCaughtUp(seq: number): Promise<void> {
    while (this.#headSeq < Math.min(seq, this.#headTarget())) {
      await this.#updateHead();
      if (this.#headRun === undefined && this.#headError !== undefined) {
        throw new AuditLogError(
          'write_failed',
          `audit records were written but ${HEAD_FILE} could not be updated: ${this.#headError.message}`,
          { cause: this.#headError },
        );
      }
    }
  }

  #writeBatch(entries: readonly SegmentEntry[], start: number): Promise<number> {
    return this.#withIo(async () => {
      const segment = entries[start]!.segment;
      let end = start;
      let bytes = 0;
      while (end < entries.length) {
        const entry = entries[end]!;
        if (entry.segment !== segment || (end > start && bytes + entry.size > this.#maxBatchBytes)) break;
        bytes += entry.size;
        end += 1;
      }
      const buffer = Buffer.allocUnsafe(bytes);
      let at = 0;
      for (let i = start; i < end; i++) at += entries[i]!.line.copy(buffer, at);

      let handle: AuditFileHandle;
      try {
        handle = await this.#openSegment(segment);
        while (this.#headOffset < buffer.length) {
          const { bytesWritten } = await handle.write(
            buffer,
            this.#headOffset,
            buffer.length - this.#headOffset,
          );
          if (bytesWritten <= 0) throw new Error(`write to ${segment} made no progress`);
          this.#headOffset += bytesWritten;
        }
      } catch (error) {
        // Reopen on retry: the handle may be the thing that broke. Bytes already written are
        // counted in #headOffset, so the retry continues the line instead of repeating it.
        await this.#dropHandle();
        throw error;
      }
      this.#headOffset = 0;
      const count = end - start;
      const last = entries[end - 1]!;
      this.#onDisk = { seq: last.seq, hash: last.hash, segment };
      if (this.#fsync === 'always') {
        try {
          await handle.sync();
        } catch (error) {
          await this.#dropHandle();
          throw new PartialBatchError(count, error);
        }
        this.#markDurable();
      } else {
        this.#dirty = true;
      }
      return count;
    });
  }

  async #openSegment(segment: string): Promise<AuditFileHandle> {
    if (this.#handle !== undefined && this.#handleSegment === segment) return this.#handle;
    if (this.#handle !== undefined) {
      const old = this.#handle;
      this.#handle = undefined;
      this.#handleSegment = undefined;
      try {
        if (this.#dirty) {
          if (this.#fsync !== 'never') await old.sync();
          this.#markDurable();
        }
      } finally {
        this.#dirty = false;
        await old.close().catch(() => undefined);
      }
    }
    const handle = await this.#fs.open(join(this.dir, segment), 'a');
    this.#handle = handle;
    this.#handleSegment = segment;
    if (this.#fsync !== 'never') await this.#syncDir();
    return handle;
  }

  async #syncDir(): Promise<void> {
    // A new segment's directory entry must survive a crash too; some platforms cannot fsync a directory.
    try {
      const dir = await this.#fs.open(this.dir, 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    } catch {
      // best effort
    }
  }

  async #dropHandle(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    this.#handleSegment = undefined;
    this.#dirty = false;
    await handle?.close().catch(() => undefined);
  }
}
