import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StoredAuditRecord } from './chain.js';
import { parseRecordLine, utcDate } from './chain.js';
import { listSegments, readLines, readLinesBackward, segmentDate } from './segments.js';

/** Options for `readAuditRecords`. */
export interface ReadAuditOptions {
  /** Only records with `ts` at or after this instant. */
  from?: Date;
  /** Only records with `ts` before this instant. */
  to?: Date;
  filter?: (record: StoredAuditRecord) => boolean;
}

/**
 * Yields the records of a file audit log in order, streaming, skipping segments outside the
 * range by their date. It does not verify (use `verifyAuditLog`) and skips lines that are not records.
 */
export async function* readAuditRecords(
  dir: string,
  options: ReadAuditOptions = {},
): AsyncGenerator<StoredAuditRecord> {
  const fromMs = options.from?.getTime();
  const toMs = options.to?.getTime();
  const fromDate = fromMs === undefined ? undefined : utcDate(fromMs);
  const toDate = toMs === undefined ? undefined : utcDate(toMs);
  for (const segment of await listSegments(dir)) {
    const date = segmentDate(segment) ?? '';
    if (fromDate !== undefined && date < fromDate) continue;
    if (toDate !== undefined && date > toDate) return;
    for await (const line of readLines(join(dir, segment))) {
      if (!line.terminated) continue;
      const parsed = parseRecordLine(line.bytes.toString('utf8'));
      if (!parsed.ok) continue;
      const { record } = parsed;
      const ts = Date.parse(record.ts);
      if (fromMs !== undefined && ts < fromMs) continue;
      // The writer keeps ts non-decreasing, so nothing later can be in range.
      if (toMs !== undefined && ts >= toMs) return;
      if (options.filter !== undefined && !options.filter(record)) continue;
      yield record;
    }
  }
}

/** Options for `tailAuditLog`. */
export interface TailAuditOptions {
  /** How many existing records to yield first (the last ones); default 10. */
  lines?: number;
  /** Keep yielding records as they are appended, until `signal` aborts; default false. */
  follow?: boolean;
  signal?: AbortSignal;
  /** How often to look for new records while following; default 250 ms. */
  pollIntervalMs?: number;
}

/**
 * `tail [-f] -n lines` for an audit log: yields the last `lines` records, then (with `follow`)
 * new records as the writer appends them, across segment changes, until `signal` aborts (the
 * iterator then ends without throwing). Polls; a partly written line waits for its newline.
 */
export async function* tailAuditLog(
  dir: string,
  options: TailAuditOptions = {},
): AsyncGenerator<StoredAuditRecord> {
  const { lines = 10, follow = false, signal, pollIntervalMs = 250 } = options;
  const segments = await listSegments(dir);
  let current = segments.at(-1);
  let offset = 0;
  if (current !== undefined) {
    const end = (await stat(join(dir, current))).size;
    offset = end;
    for await (const line of readLinesBackward(join(dir, current), { end })) {
      // A line still being written is left for the follow loop.
      if (!line.terminated) offset = line.start;
      break;
    }
    const backlog: StoredAuditRecord[] = [];
    for (let i = segments.length - 1; i >= 0 && backlog.length < lines; i--) {
      const segment = segments[i]!;
      const range = segment === current ? { end: offset } : {};
      for await (const line of readLinesBackward(join(dir, segment), range)) {
        const parsed = line.terminated ? parseRecordLine(line.bytes.toString('utf8')) : undefined;
        if (parsed?.ok === true) backlog.unshift(parsed.record);
        if (backlog.length >= lines) break;
      }
    }
    yield* backlog;
  }
  if (!follow) return;

  while (signal?.aborted !== true) {
    let progressed = false;
    if (current === undefined) {
      current = (await listSegments(dir))[0];
      offset = 0;
      progressed = current !== undefined;
    } else {
      const read = await readFrom(join(dir, current), offset);
      offset = read.offset;
      for (const record of read.records) {
        progressed = true;
        yield record;
      }
      const newer = (await listSegments(dir)).find((s) => s > current!);
      if (newer !== undefined) {
        // The writer finishes a segment before it creates the next, but we may have read the old
        // one just before its last batch landed: read it once more, then move on.
        const rest = await readFrom(join(dir, current), offset);
        yield* rest.records;
        current = newer;
        offset = 0;
        progressed = true;
      }
    }
    if (!progressed) {
      try {
        await sleep(pollIntervalMs, undefined, signal === undefined ? {} : { signal });
      } catch {
        return;
      }
    }
  }
}

async function readFrom(
  path: string,
  offset: number,
): Promise<{ records: StoredAuditRecord[]; offset: number }> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return { records: [], offset };
  }
  // Shrunk: a restart moved a torn tail aside (we never passed an unterminated line) or it was replaced.
  if (size < offset) return { records: [], offset: size };
  if (size === offset) return { records: [], offset };
  const records: StoredAuditRecord[] = [];
  let next = offset;
  for await (const line of readLines(path, offset)) {
    if (!line.terminated) break;
    next = line.start + line.bytes.length + 1;
    const parsed = parseRecordLine(line.bytes.toString('utf8'));
    if (parsed.ok) records.push(parsed.record);
  }
  return { records, offset: next };
}
