import { readSealed, type SealedFile, seal, writeSealed } from './sealed-file.js';

/** The checkpoint's file name inside the log directory. */
export const CHECKPOINT_FILE = 'checkpoint.json';

/** What retention removed from one segment. */
export interface RemovedSegment {
  segment: string;
  records: number;
  /** null when the segment held no records. */
  first_seq: number | null;
  last_seq: number | null;
}

/**
 * Where the remaining chain starts after retention: the last removed record's seq and hash, and
 * what was removed. `checkpoint_hash` is the digest (HMAC with the log's key) of the canonical JSON
 * of all the other fields.
 */
export interface AuditCheckpoint {
  version: 1;
  seq: number;
  hash: string;
  /** ts of the last removed record, so a restarted writer keeps ts monotonic; null if none. */
  ts: string | null;
  removed: RemovedSegment[];
  /** Set when the last removed record was written by a writer that keeps head.json. */
  head_anchored?: true;
  updated_at: string;
  checkpoint_hash: string;
}

const checkpointFile: SealedFile<AuditCheckpoint> = {
  name: CHECKPOINT_FILE,
  code: 'checkpoint',
  hashField: 'checkpoint_hash',
  isShape: isCheckpointShape,
  describe: 'version 1, seq, hash, removed or checkpoint_hash',
  keyedHint: '',
};

/** Signs a checkpoint's fields. */
export function sealCheckpoint(
  fields: Omit<AuditCheckpoint, 'checkpoint_hash'>,
  hmacKey?: Uint8Array,
): AuditCheckpoint {
  return seal(checkpointFile, fields, hmacKey);
}

/**
 * Reads and checks `checkpoint.json`. Resolves undefined when there is none; throws a
 * `checkpoint` error when it is unreadable or its hash does not match.
 */
export function readCheckpoint(dir: string, hmacKey?: Uint8Array): Promise<AuditCheckpoint | undefined> {
  return readSealed(dir, checkpointFile, hmacKey);
}

function isCheckpointShape(value: unknown): value is AuditCheckpoint {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    v.version === 1 &&
    typeof v.seq === 'number' &&
    Number.isSafeInteger(v.seq) &&
    v.seq >= 0 &&
    typeof v.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(v.hash) &&
    (v.ts === null || typeof v.ts === 'string') &&
    Array.isArray(v.removed) &&
    typeof v.checkpoint_hash === 'string'
  );
}

/** Replaces `checkpoint.json` atomically: write a temp file, fsync it, rename, fsync the directory. */
export function writeCheckpoint(dir: string, checkpoint: AuditCheckpoint): Promise<void> {
  return writeSealed(dir, checkpointFile, checkpoint, { sync: true });
}
