import { createHash } from 'node:crypto';
import { mkdir, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChainHead, StoredAuditRecord, TornTailNote } from './chain.js';
import { GENESIS_HASH, parseRecordLine } from './chain.js';
import { readCheckpoint, syncDirectory } from './checkpoint.js';
import { listSegments, readLinesBackward, segmentDate } from './segments.js';

/** Where a writer resumes a log directory. */
export interface RecoveredHead {
  head: ChainHead;
  /** The ts floor for the next record (the last record's ts, or the newest segment's date). */
  lastTsMs: number;
  /** Set when the newest segment ended in a torn line that was moved aside. */
  tornTail?: TornTailNote;
}

/**
 * Finds the chain head of a log directory so a restarted writer continues the chain. If the newest
 * non-empty segment ends in bytes that are not a whole record (a write cut short by a crash), those
 * bytes are moved to `<segment>.torn-<seq>` (seq = last whole record) and the segment is truncated
 * to its last whole record; the returned note goes into the next record.
 */
export async function recoverChainHead(dir: string, hmacKey?: Uint8Array): Promise<RecoveredHead> {
  await mkdir(dir, { recursive: true });
  const segments = await listSegments(dir);
  const newest = segments.at(-1);
  const newestDate = newest === undefined ? undefined : segmentDate(newest);
  const floorMs = newestDate === undefined ? 0 : Date.parse(`${newestDate}T00:00:00.000Z`);

  // Only the newest non-empty segment is appended to, so only it can be torn by a crash; garbage
  // at the end of an older segment stays where it is for verify to report.
  let torn: { segment: string; start: number } | undefined;
  let found: StoredAuditRecord | undefined;
  for (let i = segments.length - 1; i >= 0 && found === undefined; i--) {
    const segment = segments[i]!;
    let sawBytes = false;
    let wholeEnd = 0;
    for await (const line of readLinesBackward(join(dir, segment))) {
      sawBytes = true;
      const parsed = line.terminated ? parseRecordLine(line.bytes.toString('utf8')) : undefined;
      if (parsed?.ok === true) {
        found = parsed.record;
        wholeEnd = line.start + line.bytes.length + 1;
        break;
      }
    }
    if (sawBytes && torn === undefined) torn = { segment, start: wholeEnd };
  }

  let head: ChainHead;
  let lastTsMs: number;
  if (found !== undefined) {
    head = { seq: found.seq, hash: found.hash };
    lastTsMs = Date.parse(found.ts);
  } else {
    const checkpoint = await readCheckpoint(dir, hmacKey);
    head =
      checkpoint === undefined
        ? { seq: 0, hash: GENESIS_HASH }
        : { seq: checkpoint.seq, hash: checkpoint.hash };
    lastTsMs = checkpoint?.ts == null ? 0 : Date.parse(checkpoint.ts);
  }
  const result: RecoveredHead = { head, lastTsMs: Math.max(lastTsMs, floorMs) };
  if (torn !== undefined) {
    const note = await moveTornTail(dir, torn.segment, torn.start, head.seq);
    if (note !== undefined) result.tornTail = note;
  }
  return result;
}

async function moveTornTail(
  dir: string,
  segment: string,
  start: number,
  afterSeq: number,
): Promise<TornTailNote | undefined> {
  const path = join(dir, segment);
  const handle = await open(path, 'r+');
  try {
    const { size } = await handle.stat();
    if (start >= size) return undefined;
    const bytes = Buffer.alloc(size - start);
    await handle.read(bytes, 0, bytes.length, start);
    const file = await writeNewFile(dir, `${segment}.torn-${afterSeq}`, bytes);
    await syncDirectory(dir);
    // The torn bytes are safe in their own file before the segment loses them.
    await handle.truncate(start);
    await handle.sync();
    return { segment, file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  } finally {
    await handle.close();
  }
}

async function writeNewFile(dir: string, base: string, bytes: Buffer): Promise<string> {
  const existing = new Set(await readdir(dir));
  let name = base;
  for (let n = 2; existing.has(name); n++) name = `${base}-${n}`;
  const handle = await open(join(dir, name), 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return name;
}
