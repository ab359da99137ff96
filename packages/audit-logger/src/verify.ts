import { join } from 'node:path';
import type { AuditBreakReason, ChainHead, ChainStart, TornTailNote } from './chain.js';
import { ChainVerifier, GENESIS_HASH, parseRecordLine } from './chain.js';
import type { AuditCheckpoint } from './checkpoint.js';
import { CHECKPOINT_FILE, readCheckpoint } from './checkpoint.js';
import { AuditLogError } from './errors.js';
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
 * checkpoint.json (or the genesis hash). Streams the files; stops at the first break.
 */
export async function verifyAuditLog(dir: string, options: VerifyOptions = {}): Promise<AuditVerifyResult> {
  const hmacKey = toHmacKey(options.hmacKey);
  const segments = await listSegments(dir);
  const result: AuditVerifyResult = {
    ok: true,
    records: 0,
    segments: 0,
    head: { seq: 0, hash: GENESIS_HASH },
    recoveries: [],
    tornFiles: await listTornFiles(dir),
    pendingRemoval: [],
  };

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
      result.records += 1;
      result.head = verifier.head;
      const note = check.record.recovered_torn_tail;
      if (note !== undefined) result.recoveries.push({ ...note, seq: check.record.seq });
    }
  } finally {
    await lines.return(undefined);
  }
  return checkExpectedHead(result, options.expectedHead, active.at(-1) ?? '');
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
