import { createHash } from 'node:crypto';
import { mkdir, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChainHead, HeadRecoveryNote, StoredAuditRecord, TornTailNote } from './chain.js';
import { GENESIS_HASH, parseRecordLine } from './chain.js';
import { readCheckpoint } from './checkpoint.js';
import { AuditLogError } from './errors.js';
import type { AuditHeadAnchor } from './head-anchor.js';
import { keepInvalidHead, readHeadAnchor } from './head-anchor.js';
import { syncDirectory } from './sealed-file.js';
import { listSegments, readLinesBackward, segmentDate } from './segments.js';

/** Where a writer resumes a log directory. */
export interface RecoveredHead {
  head: ChainHead;
  /** The segment holding the last record; null when the head came from the checkpoint or genesis. */
  segment: string | null;
  /** Whether the last record says its writer kept head.json. */
  anchored: boolean;
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
  let foundIn: string | null = null;
  for (let i = segments.length - 1; i >= 0 && found === undefined; i--) {
    const segment = segments[i]!;
    let sawBytes = false;
    let wholeEnd = 0;
    for await (const line of readLinesBackward(join(dir, segment))) {
      sawBytes = true;
      const parsed = line.terminated ? parseRecordLine(line.bytes.toString('utf8')) : undefined;
      if (parsed?.ok === true) {
        found = parsed.record;
        foundIn = segment;
        wholeEnd = line.start + line.bytes.length + 1;
        break;
      }
    }
    if (sawBytes && torn === undefined) torn = { segment, start: wholeEnd };
  }

  let head: ChainHead;
  let lastTsMs: number;
  let anchored: boolean;
  if (found !== undefined) {
    head = { seq: found.seq, hash: found.hash };
    lastTsMs = Date.parse(found.ts);
    anchored = found.head_anchored === true;
  } else {
    const checkpoint = await readCheckpoint(dir, hmacKey);
    head =
      checkpoint === undefined
        ? { seq: 0, hash: GENESIS_HASH }
        : { seq: checkpoint.seq, hash: checkpoint.hash };
    lastTsMs = checkpoint?.ts == null ? 0 : Date.parse(checkpoint.ts);
    anchored = checkpoint?.head_anchored === true;
  }
  const result: RecoveredHead = {
    head,
    segment: foundIn,
    anchored,
    lastTsMs: Math.max(lastTsMs, floorMs),
  };
  if (torn !== undefined) {
    const note = await moveTornTail(dir, torn.segment, torn.start, head.seq);
    if (note !== undefined) result.tornTail = note;
  }
  return result;
}

/**
 * Compares head.json with where the log ends, as a writer opening it found it. Returns the note
 * the next record must carry when they disagree: head.json names a later record (the newest
 * records are missing), is missing although the last record says its writer kept one, or is
 * unreadable, forged or names a record the log holds with another hash (a copy is kept).
 * Undefined when they agree, or when a log without head.json was written by an older version.
 */
export async function reconcileHeadAnchor(
  dir: string,
  recovered: RecoveredHead,
  hmacKey?: Uint8Array,
): Promise<HeadRecoveryNote | undefined> {
  let anchor: AuditHeadAnchor | undefined;
  try {
    anchor = await readHeadAnchor(dir, hmacKey);
  } catch (error) {
    if (!(error instanceof AuditLogError)) throw error;
    const file = await keepInvalidHead(dir, recovered.head.seq);
    return { problem: 'head_mismatch', head_seq: null, head_hash: null, file };
  }
  if (anchor === undefined) {
    return recovered.anchored ? { problem: 'head_missing', head_seq: null, head_hash: null } : undefined;
  }
  const claim = { head_seq: anchor.seq, head_hash: anchor.hash };
  const { head } = recovered;
  if (anchor.seq > head.seq) return { problem: 'records_missing', ...claim };
  // Records past the head are ones written after its last update (a crash); the head's own record
  // must still be the one it names.
  const hash = anchor.seq === head.seq ? head.hash : await findRecordHash(dir, anchor.seq);
  if (hash !== undefined && hash !== anchor.hash) return { problem: 'head_mismatch', ...claim };
  return undefined;
}

/** The hash of the record with `seq`, reading segments backwards; undefined when it is not there. */
async function findRecordHash(dir: string, seq: number): Promise<string | undefined> {
  const segments = await listSegments(dir);
  for (let i = segments.length - 1; i >= 0; i--) {
    for await (const line of readLinesBackward(join(dir, segments[i]!))) {
      const parsed = line.terminated ? parseRecordLine(line.bytes.toString('utf8')) : undefined;
      if (parsed?.ok !== true) continue;
      if (parsed.record.seq === seq) return parsed.record.hash;
      if (parsed.record.seq < seq) return undefined;
    }
  }
  return undefined;
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
