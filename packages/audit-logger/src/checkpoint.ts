import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from './canonical-json.js';
import { digestHex } from './chain.js';
import { AuditLogError } from './errors.js';

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

/** Signs a checkpoint's fields. */
export function sealCheckpoint(
  fields: Omit<AuditCheckpoint, 'checkpoint_hash'>,
  hmacKey?: Uint8Array,
): AuditCheckpoint {
  return { ...fields, checkpoint_hash: digestHex(canonicalJson(fields), hmacKey) };
}

/**
 * Reads and checks `checkpoint.json`. Resolves undefined when there is none; throws a
 * `checkpoint` error when it is unreadable or its hash does not match.
 */
export async function readCheckpoint(
  dir: string,
  hmacKey?: Uint8Array,
): Promise<AuditCheckpoint | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, CHECKPOINT_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AuditLogError('checkpoint', `cannot read ${CHECKPOINT_FILE}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AuditLogError('checkpoint', `${CHECKPOINT_FILE} is not JSON: ${(error as Error).message}`);
  }
  if (!isCheckpointShape(value)) {
    throw new AuditLogError(
      'checkpoint',
      `${CHECKPOINT_FILE} lacks version 1, seq, hash, removed or checkpoint_hash`,
    );
  }
  const { checkpoint_hash, ...fields } = value;
  let expected: string;
  try {
    expected = digestHex(canonicalJson(fields), hmacKey);
  } catch {
    expected = '';
  }
  if (expected !== checkpoint_hash) {
    const hint = hmacKey === undefined ? ' (if the log uses an HMAC key, verify with it)' : '';
    throw new AuditLogError(
      'checkpoint',
      `${CHECKPOINT_FILE} does not match its checkpoint_hash: it was edited${hint}`,
    );
  }
  return value;
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
export async function writeCheckpoint(dir: string, checkpoint: AuditCheckpoint): Promise<void> {
  const target = join(dir, CHECKPOINT_FILE);
  const temp = `${target}.tmp`;
  await writeFile(temp, `${JSON.stringify(checkpoint, null, 2)}\n`, { flush: true });
  await rename(temp, target);
  await syncDirectory(dir);
}

/** fsyncs a directory so a created, renamed or removed entry survives a crash (best effort off Linux). */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows, a few network file systems) cannot fsync a directory.
  } finally {
    await handle?.close();
  }
}
