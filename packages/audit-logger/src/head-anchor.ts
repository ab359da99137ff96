import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSealed, type SealedFile, seal, syncDirectory, writeSealed } from './sealed-file.js';

/** The head anchor's file name inside the log directory. */
export const HEAD_FILE = 'head.json';

/**
 * The newest record a writer knows to be on disk (fsynced, unless `fsync: never`), kept apart from
 * the segments so that records cut from the end of the log show. `head_hash` is the digest (HMAC
 * with the log's key) of the canonical JSON of all the other fields.
 */
export interface AuditHeadAnchor {
  version: 1;
  seq: number;
  hash: string;
  /** The segment holding record `seq`; null before the first record or when it came from the checkpoint. */
  segment: string | null;
  updated_at: string;
  head_hash: string;
}

const headFile: SealedFile<AuditHeadAnchor> = {
  name: HEAD_FILE,
  code: 'head',
  hashField: 'head_hash',
  isShape: isHeadShape,
  describe: 'version 1, seq, hash, segment or head_hash',
  keyedHint: ' (or it was written with another HMAC key)',
};

/** Signs a head anchor's fields. */
export function sealHeadAnchor(
  fields: Omit<AuditHeadAnchor, 'head_hash'>,
  hmacKey?: Uint8Array,
): AuditHeadAnchor {
  return seal(headFile, fields, hmacKey);
}

/**
 * Reads and checks `head.json`. Resolves undefined when there is none; throws a `head` error
 * when it is unreadable or its hash does not match.
 */
export function readHeadAnchor(dir: string, hmacKey?: Uint8Array): Promise<AuditHeadAnchor | undefined> {
  return readSealed(dir, headFile, hmacKey);
}

function isHeadShape(value: unknown): value is AuditHeadAnchor {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    v.version === 1 &&
    typeof v.seq === 'number' &&
    Number.isSafeInteger(v.seq) &&
    v.seq >= 0 &&
    typeof v.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(v.hash) &&
    (v.segment === null || typeof v.segment === 'string') &&
    typeof v.head_hash === 'string'
  );
}

/**
 * Replaces `head.json` atomically (see {@link writeSealed}): with `sync` a crash leaves the old
 * head or the new one, never a torn file.
 */
export function writeHeadAnchor(
  dir: string,
  anchor: AuditHeadAnchor,
  options: { sync: boolean },
): Promise<void> {
  return writeSealed(dir, headFile, anchor, options);
}

/**
 * Copies an unreadable or forged `head.json` to `head.json.invalid-<seq>` (`-2`, `-3` if taken),
 * so the evidence survives the writer replacing it. Returns the copy's name.
 */
export async function keepInvalidHead(dir: string, seq: number): Promise<string> {
  const existing = new Set(await readdir(dir));
  const base = `${HEAD_FILE}.invalid-${seq}`;
  let name = base;
  for (let n = 2; existing.has(name); n++) name = `${base}-${n}`;
  const bytes = await readFile(join(dir, HEAD_FILE));
  await writeFile(join(dir, name), bytes, { flag: 'wx', flush: true });
  await syncDirectory(dir);
  return name;
}
