import type { Dirent } from 'node:fs';
import { createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';

const SEGMENT_NAME = /^audit-(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** The file name of the segment holding records of a UTC date: `audit-YYYY-MM-DD.jsonl`. */
export function segmentName(date: string): string {
  return `audit-${date}.jsonl`;
}

/** The UTC date of a segment file name, or undefined when the name is not a segment's. */
export function segmentDate(name: string): string | undefined {
  return SEGMENT_NAME.exec(name)?.[1];
}

/** Segment files in a directory, oldest first; an absent directory has none. */
export async function listSegments(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && SEGMENT_NAME.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Files holding bytes moved out of torn segments (`<segment>.torn-<seq>`), sorted. */
export async function listTornFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((n) => /^audit-\d{4}-\d{2}-\d{2}\.jsonl\.torn-\d+(-\d+)?$/.test(n)).sort();
}

/** One line of a segment file, without its newline. */
export interface SegmentLine {
  bytes: Buffer;
  /** 1-based line number in the file. */
  line: number;
  /** Byte offset of the line's first byte. */
  start: number;
  /** Whether a newline follows; false only for a last line cut short. */
  terminated: boolean;
}

/**
 * Streams a file's lines. Splits on `\n` only (a stray `\r` stays inside its line, where the
 * canonical check catches it) and reports whether the last line was terminated.
 */
export async function* readLines(path: string, startOffset = 0): AsyncGenerator<SegmentLine> {
  const stream = createReadStream(path, { start: startOffset, highWaterMark: 64 * 1024 });
  let pending: Buffer[] = [];
  let pendingStart = startOffset;
  let offset = startOffset;
  let line = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
        const piece = chunk.subarray(from, nl);
        const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
        pending = [];
        line += 1;
        yield { bytes, line, start: pendingStart, terminated: true };
        from = nl + 1;
        pendingStart = offset + from;
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
      offset += chunk.length;
    }
  } finally {
    stream.destroy();
  }
  if (pending.length > 0) {
    line += 1;
    yield { bytes: Buffer.concat(pending), line, start: pendingStart, terminated: false };
  }
}

/** A line read from the end of a file; `start` is its byte offset. */
export interface TailLine {
  bytes: Buffer;
  start: number;
  terminated: boolean;
}

/**
 * Reads a file's lines from the last to the first, a chunk at a time, so finding the last record
 * of a big segment costs a few reads, not the whole file. `end` reads the file as if it stopped there.
 */
export async function* readLinesBackward(
  path: string,
  options: { end?: number; chunkSize?: number } = {},
): AsyncGenerator<TailLine> {
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const handle = await open(path, 'r');
  try {
    const size = Math.min((await handle.stat()).size, options.end ?? Number.POSITIVE_INFINITY);
    if (size === 0) return;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    let terminated = last[0] === 0x0a;
    // buf holds the bytes [pos, end) not yet yielded; end excludes the final newline.
    let pos = terminated ? size - 1 : size;
    let buf = Buffer.alloc(0);
    for (;;) {
      const nl = buf.lastIndexOf(0x0a);
      if (nl !== -1) {
        yield { bytes: buf.subarray(nl + 1), start: pos + nl + 1, terminated };
        buf = buf.subarray(0, nl);
        terminated = true;
        continue;
      }
      if (pos === 0) {
        yield { bytes: buf, start: 0, terminated };
        return;
      }
      const readFrom = Math.max(0, pos - chunkSize);
      const chunk = Buffer.alloc(pos - readFrom);
      await handle.read(chunk, 0, chunk.length, readFrom);
      buf = Buffer.concat([chunk, buf]);
      pos = readFrom;
    }
  } finally {
    await handle.close();
  }
}
