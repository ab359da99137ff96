import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

/** One chained row, as inserted into PostgreSQL or kept in the spool. */
export interface SpooledRow {
  readonly seq: number;
  readonly ts: string;
  readonly prev: string;
  readonly hash: string;
  readonly record: string;
}

/** What the spool holds now. */
export interface SpoolStats {
  records: number;
  bytes: number;
  /** The `ts` (ms since the epoch) of the oldest record waiting; undefined when empty. */
  oldestTsMs: number | undefined;
}

/**
 * A local append-only file of rows PostgreSQL did not take, in chain order: written and fsynced
 * before a record counts as stored, replayed in order once the database answers, then removed.
 * One spool per instance id; a torn last line (a crash mid-write) was never acknowledged and is dropped.
 */
export class PostgresSpool {
  readonly file: string;
  #handle: FileHandle | undefined;
  #records = 0;
  #bytes = 0;
  #oldestTsMs: number | undefined;
  #last: SpooledRow | undefined;
  /** Records at the front already replayed (inserted) while the rest still wait. */
  #replayed = 0;

  constructor(file: string) {
    this.file = file;
  }

  /** Reads what a previous process left (counting it, keeping its last row) and cuts a torn last line. */
  async open(): Promise<void> {
    const size = await stat(this.file).then(
      (s) => s.size,
      () => -1,
    );
    if (size <= 0) return;
    let whole = 0;
    for await (const { row, end } of this.#lines()) {
      whole = end;
      this.#count(row);
    }
    if (whole > size) {
      // The last row is whole but its newline never reached the file: add it, or the next row
      // would be glued to it.
      const handle = await open(this.file, 'a');
      try {
        await handle.write('\n');
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    this.#bytes = whole;
    if (whole < size) {
      const handle = await open(this.file, 'r+');
      try {
        await handle.truncate(whole);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  }

  get active(): boolean {
    return this.#records > this.#replayed;
  }

  /** The newest row in the spool, to continue the chain after a restart. */
  get last(): SpooledRow | undefined {
    return this.#last;
  }

  stats(): SpoolStats {
    return { records: this.#records - this.#replayed, bytes: this.#bytes, oldestTsMs: this.#oldestTsMs };
  }

  /** Appends rows and fsyncs them; resolves once they survive a crash. */
  async append(rows: readonly SpooledRow[]): Promise<void> {
    if (this.#handle === undefined) {
      await mkdir(dirname(this.file), { recursive: true });
      this.#handle = await open(this.file, 'a');
    }
    const text = rows.map((r) => `${JSON.stringify(r)}\n`).join('');
    await this.#handle.write(text);
    await this.#handle.datasync();
    for (const row of rows) this.#count(row);
    this.#bytes += Buffer.byteLength(text);
  }

  /**
   * Hands the rows not yet replayed to `insert`, `batchSize` at a time, in order. A batch that
   * fails stops the replay (the error propagates); the next replay starts at that batch.
   */
  async replay(batchSize: number, insert: (rows: readonly SpooledRow[]) => Promise<void>): Promise<number> {
    let index = 0;
    let batch: SpooledRow[] = [];
    let done = 0;
    const send = async () => {
      await insert(batch);
      this.#replayed += batch.length;
      done += batch.length;
      this.#oldestTsMs = undefined;
      batch = [];
    };
    for await (const { row } of this.#lines()) {
      if (index++ < this.#replayed) continue;
      this.#oldestTsMs ??= Date.parse(row.ts);
      batch.push(row);
      if (batch.length >= batchSize) await send();
    }
    if (batch.length > 0) await send();
    return done;
  }

  /** Removes the spool once every row in it is in the database. */
  async clear(): Promise<void> {
    await this.#handle?.close();
    this.#handle = undefined;
    await rm(this.file, { force: true });
    this.#records = 0;
    this.#replayed = 0;
    this.#bytes = 0;
    this.#oldestTsMs = undefined;
  }

  async close(): Promise<void> {
    await this.#handle?.close();
    this.#handle = undefined;
  }

  #count(row: SpooledRow): void {
    this.#records += 1;
    this.#last = row;
    if (this.#records - this.#replayed === 1) this.#oldestTsMs = Date.parse(row.ts);
  }

  async *#lines(): AsyncGenerator<{ row: SpooledRow; end: number }> {
    const input = createReadStream(this.file, { encoding: 'utf8' });
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    let end = 0;
    try {
      for await (const line of lines) {
        // readline also yields a last line without its newline: a torn write, never acknowledged.
        const next = end + Buffer.byteLength(line) + 1;
        let row: SpooledRow;
        try {
          row = JSON.parse(line) as SpooledRow;
        } catch {
          return;
        }
        if (typeof row?.seq !== 'number' || typeof row.record !== 'string') return;
        end = next;
        yield { row, end };
      }
    } finally {
      lines.close();
      input.destroy();
    }
  }
}
