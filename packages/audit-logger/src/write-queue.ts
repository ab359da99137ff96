import { AuditLogError } from './errors.js';

/** A chained record waiting to be written. */
export interface QueueEntry {
  readonly seq: number;
  /** Bytes it holds in memory (for the byte bound). */
  readonly size: number;
}

/** Thrown by a batch writer when some entries reached storage before the failure (e.g. fsync failed after write). */
export class PartialBatchError extends Error {
  readonly written: number;

  constructor(written: number, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'PartialBatchError';
    this.written = written;
  }
}

/** Writes entries from `start` on (one batch, its own choice of size); resolves how many it wrote (≥ 1). */
export type BatchWriter<E extends QueueEntry> = (entries: readonly E[], start: number) => Promise<number>;

/** Limits and callbacks shared by every writer. */
export interface WriteQueueOptions {
  /** Records held in memory, written or not, before `append` throws `overflow`. */
  maxPendingRecords: number;
  /** Bytes held in memory before `append` throws `overflow` (may be exceeded by one record). */
  maxPendingBytes: number;
  /** How long a failed writer waits before retrying on its own; `flush()` retries at once. */
  retryIntervalMs: number;
  /**
   * How long a write waits for more records to join its batch; 0 (the default) writes on the next
   * turn of the event loop. `flush()` always writes at once.
   */
  batchDelayMs?: number | undefined;
  onFailure?: ((error: Error) => void) | undefined;
  onRecover?: (() => void) | undefined;
}

/** What a writer reports about itself. */
export interface AuditWriterStats {
  /** Last seq handed out by `append`. */
  appendedSeq: number;
  /** Last seq written (and fsynced under `fsync: always`). */
  writtenSeq: number;
  pendingRecords: number;
  pendingBytes: number;
  /** Appends refused with `overflow` since the writer opened. */
  rejectedRecords: number;
}

interface Waiter {
  target: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The ordered, bounded, retrying queue behind both writers. Entries are written strictly in order
 * by one drain loop; a failure keeps them (and later ones) in memory and flips the queue to failed
 * until a retry succeeds.
 */
export class WriteQueue<E extends QueueEntry> {
  #entries: E[] = [];
  #head = 0;
  #bytes = 0;
  #appendedSeq: number;
  #writtenSeq: number;
  #rejected = 0;
  #waiters: Waiter[] = [];
  #draining = false;
  #scheduled = false;
  #batchTimer: NodeJS.Timeout | undefined;
  #failed = false;
  #lastError: Error | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  readonly #write: BatchWriter<E>;
  readonly #options: WriteQueueOptions;

  constructor(startSeq: number, write: BatchWriter<E>, options: WriteQueueOptions) {
    this.#appendedSeq = startSeq;
    this.#writtenSeq = startSeq;
    this.#write = write;
    this.#options = options;
  }

  get failed(): boolean {
    return this.#failed;
  }

  get lastError(): Error | undefined {
    return this.#lastError;
  }

  get pendingRecords(): number {
    return this.#entries.length - this.#head;
  }

  stats(): AuditWriterStats {
    return {
      appendedSeq: this.#appendedSeq,
      writtenSeq: this.#writtenSeq,
      pendingRecords: this.pendingRecords,
      pendingBytes: this.#bytes,
      rejectedRecords: this.#rejected,
    };
  }

  /** Throws `overflow` when the bounds are reached; call before chaining so no seq is spent. */
  reserve(): void {
    if (
      this.pendingRecords >= this.#options.maxPendingRecords ||
      this.#bytes >= this.#options.maxPendingBytes
    ) {
      this.#rejected += 1;
      const why = this.#failed
        ? `the sink is failing (${this.#lastError?.message})`
        : 'the sink is slower than traffic';
      throw new AuditLogError(
        'overflow',
        `audit record refused: ${this.pendingRecords} records (${this.#bytes} bytes) are waiting to be written and ${why}`,
      );
    }
  }

  /** Queues a chained entry and schedules a write (unless failed: then the retry timer or `flush()` writes it). */
  push(entry: E): void {
    this.#entries.push(entry);
    this.#bytes += entry.size;
    this.#appendedSeq = entry.seq;
    if (!this.#failed) this.#schedule(this.#options.batchDelayMs ?? 0);
  }

  /** Resolves when everything pushed so far is written; rejects if that write fails. A failed queue retries now. */
  flush(): Promise<void> {
    const target = this.#appendedSeq;
    if (this.#writtenSeq >= target) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => {
      this.#waiters.push({ target, resolve, reject });
    });
    this.#schedule();
    return done;
  }

  /** Marks the queue failed for an error outside a batch (a periodic fsync), keeping entries as they are. */
  reportFailure(error: Error): void {
    this.#fail(error);
  }

  /**
   * Ends a failure reported with `reportFailure` once its cause works again. A failed batch ends
   * its own failure when a retry succeeds, so this does nothing while records wait to be written.
   */
  reportRecovery(): void {
    if (!this.#failed || this.pendingRecords > 0) return;
    this.#failed = false;
    this.#callback(() => this.#options.onRecover?.());
  }

  /** Stops the retry timer (the caller has flushed or given up). */
  stop(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    if (this.#batchTimer !== undefined) {
      clearTimeout(this.#batchTimer);
      this.#batchTimer = undefined;
      this.#scheduled = false;
    }
  }

  #schedule(delayMs = 0): void {
    if (this.#draining) return;
    if (this.#scheduled) {
      // A flush does not wait for a batch to fill.
      if (delayMs > 0 || this.#batchTimer === undefined) return;
      clearTimeout(this.#batchTimer);
      this.#batchTimer = undefined;
    }
    this.#scheduled = true;
    const run = () => {
      this.#scheduled = false;
      this.#batchTimer = undefined;
      void this.#drain();
    };
    if (delayMs > 0) this.#batchTimer = setTimeout(run, delayMs);
    else setImmediate(run);
  }

  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    try {
      while (this.pendingRecords > 0) {
        let written: number;
        let error: unknown;
        try {
          written = await this.#write(this.#entries, this.#head);
        } catch (caught) {
          error = caught;
          written = caught instanceof PartialBatchError ? caught.written : 0;
        }
        // Entries of a partly failed batch are on disk (not to be written again) but not durable,
        // so their flush waiters are rejected by #fail rather than resolved here.
        this.#advance(written, error === undefined);
        if (error !== undefined) {
          const cause = error instanceof PartialBatchError ? error.cause : error;
          this.#fail(cause instanceof Error ? cause : new Error(String(cause)));
          return;
        }
        if (this.#failed) {
          this.#failed = false;
          this.#callback(() => this.#options.onRecover?.());
        }
      }
    } finally {
      this.#draining = false;
    }
    // Entries pushed while the last batch was in flight.
    if (this.pendingRecords > 0 && !this.#failed) this.#schedule();
  }

  #advance(count: number, resolveWaiters: boolean): void {
    if (count <= 0) return;
    for (let i = 0; i < count; i++) {
      const entry = this.#entries[this.#head]!;
      this.#bytes -= entry.size;
      this.#writtenSeq = entry.seq;
      this.#head += 1;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#head = 0;
    }
    while (resolveWaiters && this.#waiters.length > 0 && this.#waiters[0]!.target <= this.#writtenSeq) {
      this.#waiters.shift()!.resolve();
    }
  }

  #fail(error: Error): void {
    const wasFailed = this.#failed;
    this.#failed = true;
    this.#lastError = error;
    const failure = new AuditLogError(
      'write_failed',
      `audit log write failed, ${this.pendingRecords} records kept in memory for retry: ${error.message}`,
      { cause: error },
    );
    for (const waiter of this.#waiters.splice(0)) waiter.reject(failure);
    if (!wasFailed) this.#callback(() => this.#options.onFailure?.(error));
    if (this.#retryTimer === undefined && this.#options.retryIntervalMs > 0) {
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = undefined;
        this.#schedule();
      }, this.#options.retryIntervalMs);
      this.#retryTimer.unref();
    }
  }

  #callback(fn: () => void): void {
    try {
      fn();
    } catch {
      // A throwing callback must not wedge the writer.
    }
  }
}
