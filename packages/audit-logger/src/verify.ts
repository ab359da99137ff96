import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditBreakReason, ChainHead, ChainStart, HeadRecoveryNote, TornTailNote } from './chain.js';
import { ChainVerifier, GENESIS_HASH, parseRecordLine } from './chain.js';
import type { AuditCheckpoint } from './checkpoint.js';
import { CHECKPOINT_FILE, readCheckpoint } from './checkpoint.js';
import { AuditLogError } from './errors.js';
import type { AuditHeadAnchor } from './head-anchor.js';
import { HEAD_FILE, readHeadAnchor } from './head-anchor.js';
import type { HmacKeyInput } from './hmac-key.js';
import { toHmacKey } from './hmac-key.js';
import type { SegmentLine } from './segments.js';
import { listSegments, listTornFiles, readLines } from './segments.js';

/** Where and why a chain first stops verifying. */
export interface AuditBreak {
  reason: AuditBreakReason;
  /** The seq the offending record carries; null when the line has none (torn, unparsable). */
  seq: number | null;
  /** The seq the chain expected at that position. */
  expectedSeq: number;
  /** Segment file name (file logs) or instance id (PostgreSQL). */
  segment: string;
  /** 1-based line in the segment (file logs) or row in seq order (PostgreSQL); 0 when not about one line. */
  line: number;
  message: string;
}

/** A torn tail a writer recovered from, as noted in the record at `seq`. */
export interface AuditRecovery extends TornTailNote {
  seq: number;
}

/** What verification found. */
export interface AuditVerifyResult {
  ok: boolean;
  /** Records that verified (all of them when ok). */
  records: number;
  /** Segment files (or PostgreSQL instances) read. */
  segments: number;
  /** The last verified record's seq and hash: keep it somewhere else to detect later tail truncation. */
  head: ChainHead;
  firstBreak?: AuditBreak;
  checkpoint?: { seq: number; hash: string; removedSegments: number; removedRecords: number };
  /** Restarts that moved a torn tail aside (bytes kept in `file`). */
  recoveries: AuditRecovery[];
  /** `*.torn-*` files present in the directory. */
  tornFiles: string[];
  /** Segments checkpoint.json lists as removed that still exist (an interrupted retention run); skipped. */
  pendingRemoval: string[];
  /** head.json as found (file logs written by this version); the log must reach it. */
  anchor?: { seq: number; hash: string; segment: string | null };
  /** Things that do not fail verification but limit what it shows (a log that keeps no head.json). */
  warnings: string[];
}

/** Options for `verifyAuditLog` and `verifyPostgresAudit`. */
export interface VerifyOptions {
  /** The key the log was written with, if it was written in HMAC mode. */
  hmacKey?: HmacKeyInput;
  /**
   * A head recorded elsewhere (a previous verify, a monitoring system). Whole records cut from the
   * end of a log leave no trace in the log itself; with this, a log shorter than `seq` is `truncated`.
   */
  expectedHead?: { seq: number; hash?: string };
}

interface Located extends SegmentLine {
  segment: string;
}

/**
 * Verifies a file audit log: every segment in date order, across segment boundaries, from
 * checkpoint.json (or the genesis hash), and then that the log reaches the record head.json
 * names. Streams the files; stops at the first break. A directory that does not exist or holds
 * no log fails with `no_log`.
 */
export async function verifyAuditLog(dir: string, options: VerifyOptions = {}): Promise<AuditVerifyResult> {
  const hmacKey = toHmacKey(options.hmacKey);
  const result: AuditVerifyResult = {
    ok: true,
    records: 0,
    segments: 0,
    head: { seq: 0, hash: GENESIS_HASH },
    recoveries: [],
    tornFiles: [],
    pendingRemoval: [],
    warnings: [],
  };
  const noLog = (message: string) =>
    broken(result, { reason: 'no_log', seq: null, expectedSeq: 1, segment: '', line: 0, message });
  try {
    if (!(await stat(dir)).isDirectory()) return noLog(`${dir} is not a directory`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return noLog(`${dir} does not exist`);
    throw error;
  }

  // head.json first: a writer appends before it moves the head, so a head read before the
  // segments never names a record the read could miss.
  let anchor: AuditHeadAnchor | undefined;
  let anchorError: AuditLogError | undefined;
  try {
    anchor = await readHeadAnchor(dir, hmacKey);
  } catch (error) {
    if (!(error instanceof AuditLogError)) throw error;
    anchorError = error;
  }
  if (anchor !== undefined) result.anchor = { seq: anchor.seq, hash: anchor.hash, segment: anchor.segment };

  let checkpoint: AuditCheckpoint | undefined;
  try {
    checkpoint = await readCheckpoint(dir, hmacKey);
  } catch (error) {
    if (!(error instanceof AuditLogError)) throw error;
    return broken(result, {
      reason: 'checkpoint_mismatch',
      seq: null,
      expectedSeq: 1,
      segment: CHECKPOINT_FILE,
      line: 0,
      message: error.message,
    });
  }
  const segments = await listSegments(dir);
  result.tornFiles = await listTornFiles(dir);
  if (
    segments.length === 0 &&
    checkpoint === undefined &&
    anchor === undefined &&
    anchorError === undefined
  ) {
    return noLog(
      `${dir} holds no audit log: no segments (audit-YYYY-MM-DD.jsonl), ${HEAD_FILE} or ${CHECKPOINT_FILE}`,
    );
  }
  let start: ChainStart = { from: 'genesis', seq: 0, hash: GENESIS_HASH };
  const removed = new Set<string>();
  if (checkpoint !== undefined) {
    start = { from: 'checkpoint', seq: checkpoint.seq, hash: checkpoint.hash };
    for (const r of checkpoint.removed) removed.add(r.segment);
    result.checkpoint = {
      seq: checkpoint.seq,
      hash: checkpoint.hash,
      removedSegments: checkpoint.removed.length,
      removedRecords: checkpoint.removed.reduce((n, r) => n + r.records, 0),
    };
  }
  result.pendingRemoval = segments.filter((s) => removed.has(s));
  const active = segments.filter((s) => !removed.has(s));
  result.segments = active.length;
  result.head = { seq: start.seq, hash: start.hash };

  const verifier = new ChainVerifier(start, hmacKey);
  const lines = readAll(dir, active);
  // Who says this log keeps head.json: a record marked head_anchored, or the checkpoint.
  let anchoredBy = checkpoint?.head_anchored === true ? CHECKPOINT_FILE : undefined;
  let anchorRecordHash: string | undefined;
  try {
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const item = next.value;
      const at = { segment: item.segment, line: item.line, expectedSeq: verifier.expectedSeq };
      if (!item.terminated) {
        const after =
          verifier.head.seq === 0 ? 'before the first record' : `after record ${verifier.head.seq}`;
        return broken(result, {
          ...at,
          reason: 'torn_line',
          seq: null,
          message: `the last line of ${item.segment} has no newline (${item.bytes.length} bytes ${after}): a write was cut short`,
        });
      }
      const check = verifier.check(item.bytes.toString('utf8'), item.bytes);
      if (!check.ok) {
        let { reason, message } = check;
        if (reason === 'seq_gap' && check.seq !== null) {
          // A gap followed by a lower seq is a reordering (two records swapped), not a deletion.
          const following = await lines.next();
          const parsed = following.done ? undefined : parseRecordLine(following.value.bytes.toString('utf8'));
          if (parsed?.ok === true && parsed.record.seq < check.seq) {
            reason = 'seq_order';
            message = `record ${check.seq} comes before record ${parsed.record.seq}: records were reordered`;
          }
        }
        return broken(result, { ...at, reason, seq: check.seq, message });
      }
      const { record } = check;
      result.records += 1;
      result.head = verifier.head;
      const note = record.recovered_torn_tail;
      if (note !== undefined) result.recoveries.push({ ...note, seq: record.seq });
      if (record.head_anchored === true) anchoredBy = `record ${record.seq}`;
      if (record.seq === anchor?.seq) anchorRecordHash = record.hash;
      if (record.head_recovery !== undefined) {
        const { reason, message } = describeHeadRecovery(record.head_recovery, record.seq);
        return broken(result, { ...at, reason, seq: record.seq, message });
      }
    }
  } finally {
    await lines.return(undefined);
  }
  const last = active.at(-1) ?? '';
  const headBreak = checkAnchor(result, {
    anchor,
    anchorError,
    anchoredBy,
    anchorRecordHash,
    start,
    segments,
  });
  if (headBreak !== undefined) return broken(result, { segment: last, line: 0, ...headBreak });
  return checkExpectedHead(result, options.expectedHead, last);
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** The break a record's head recovery note stands for. */
function describeHeadRecovery(
  note: HeadRecoveryNote,
  seq: number,
): { reason: AuditBreakReason; message: string } {
  const when = `when a writer reopened the log before record ${seq}`;
  const notes = `record ${seq} notes it`;
  if (note.problem === 'records_missing' && note.head_seq !== null) {
    const missing = plural(note.head_seq - (seq - 1), 'record was', 'records were');
    return {
      reason: 'truncated',
      message:
        `${when}, the newest ${missing} missing: ${HEAD_FILE} said seq ${note.head_seq}, ` +
        `the log ended at seq ${seq - 1}; ${notes}`,
    };
  }
  if (note.problem === 'head_missing') {
    return {
      reason: 'head_missing',
      message:
        `${when}, ${HEAD_FILE} was missing though record ${seq - 1} said its writer kept one: ` +
        `the newest records may have been deleted with it; ${notes}`,
    };
  }
  const kept = note.file === undefined ? '' : ` (kept as ${note.file})`;
  const claim =
    note.head_seq === null ? 'was unreadable or forged' : `named seq ${note.head_seq} with another hash`;
  return { reason: 'head_mismatch', message: `${when}, ${HEAD_FILE} ${claim}${kept}; ${notes}` };
}

/** Compares a chain that verified to its end with head.json; returns the break, if any. */
function checkAnchor(
  result: AuditVerifyResult,
  found: {
    anchor: AuditHeadAnchor | undefined;
    anchorError: AuditLogError | undefined;
    anchoredBy: string | undefined;
    anchorRecordHash: string | undefined;
    start: ChainStart;
    segments: readonly string[];
  },
): Omit<AuditBreak, 'segment' | 'line'> | undefined {
  const { anchor, anchorError, anchoredBy, start } = found;
  const end = result.head.seq;
  const at = { seq: null, expectedSeq: end + 1 };
  if (anchorError !== undefined) return { ...at, reason: 'head_mismatch', message: anchorError.message };
  if (anchor === undefined) {
    if (anchoredBy !== undefined) {
      return {
        ...at,
        reason: 'head_missing',
        message:
          `${HEAD_FILE} is missing, but ${anchoredBy} says the log's writer keeps one: ` +
          'the newest records may have been deleted along with it',
      };
    }
    if (end > 0) {
      result.warnings.push(
        `no ${HEAD_FILE}: this log was written by a version that keeps none, so records cut from its ` +
          'end would go unnoticed; a gateway of this version writes one when it opens the log',
      );
    }
    return undefined;
  }
  if (anchor.seq > end) {
    const gone =
      anchor.segment !== null && !found.segments.includes(anchor.segment)
        ? ` (${anchor.segment}, which held record ${anchor.seq}, is gone)`
        : '';
    return {
      ...at,
      reason: 'truncated',
      message:
        `the newest ${plural(anchor.seq - end, 'record is', 'records are')} missing: ` +
        `${HEAD_FILE} says seq ${anchor.seq}, the log ends at seq ${end}${gone}`,
    };
  }
  // The head's record: verified above, or the checkpoint's when retention removed it since.
  const hash = anchor.seq === start.seq ? start.hash : found.anchorRecordHash;
  if (hash !== undefined && hash !== anchor.hash) {
    return {
      seq: anchor.seq,
      expectedSeq: anchor.seq,
      reason: 'head_mismatch',
      message: `record ${anchor.seq} has hash ${hash}, but ${HEAD_FILE} names ${anchor.hash}: the end of the log was replaced`,
    };
  }
  return undefined;
}

/** Applies `expectedHead` to a result that verified so far. */
export function checkExpectedHead(
  result: AuditVerifyResult,
  expected: VerifyOptions['expectedHead'],
  segment: string,
): AuditVerifyResult {
  if (expected === undefined || !result.ok) return result;
  const { head } = result;
  if (head.seq < expected.seq) {
    return broken(result, {
      reason: 'truncated',
      seq: null,
      expectedSeq: head.seq + 1,
      segment,
      line: 0,
      message: `the log ends at record ${head.seq} but record ${expected.seq} was expected: records were cut from the end`,
    });
  }
  if (head.seq === expected.seq && expected.hash !== undefined && expected.hash !== head.hash) {
    return broken(result, {
      reason: 'truncated',
      seq: head.seq,
      expectedSeq: head.seq,
      segment,
      line: 0,
      message: `record ${head.seq} has hash ${head.hash}, not the expected ${expected.hash}: the end of the log was replaced`,
    });
  }
  return result;
}

function broken(result: AuditVerifyResult, firstBreak: AuditBreak): AuditVerifyResult {
  return { ...result, ok: false, firstBreak };
}

async function* readAll(dir: string, segments: readonly string[]): AsyncGenerator<Located> {
  for (const segment of segments) {
    for await (const line of readLines(join(dir, segment))) yield { ...line, segment };
  }
}
