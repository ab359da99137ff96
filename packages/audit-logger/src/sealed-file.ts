import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from './canonical-json.js';
import { digestHex } from './chain.js';
import { AuditLogError, type AuditLogErrorCode } from './errors.js';

/**
 * The small JSON files beside the segments that carry their own hash (`head.json`,
 * `checkpoint.json`): one reads, checks and writes them all the same way.
 */
export interface SealedFile<T> {
  /** File name in the log directory. */
  name: string;
  /** The error code its problems are reported under. */
  code: AuditLogErrorCode;
  /** The field holding the hash of the others. */
  hashField: keyof T & string;
  /** Whether a parsed value has the file's shape; `describe` names what it needs when not. */
  isShape(value: unknown): value is T;
  describe: string;
  /** Said after "it was edited" when an HMAC key was used and the hash still differs. */
  keyedHint: string;
}

/** The file's fields with their hash, keyed with the HMAC key when there is one. */
export function seal<T>(
  file: SealedFile<T>,
  fields: Omit<T, SealedFile<T>['hashField']>,
  hmacKey?: Uint8Array,
): T {
  return { ...fields, [file.hashField]: digestHex(canonicalJson(fields), hmacKey) } as T;
}

/** Reads and checks the file: undefined when it is absent; throws its error code when unreadable or edited. */
export async function readSealed<T>(
  dir: string,
  file: SealedFile<T>,
  hmacKey?: Uint8Array,
): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, file.name), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AuditLogError(file.code, `cannot read ${file.name}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AuditLogError(file.code, `${file.name} is not JSON: ${(error as Error).message}`);
  }
  if (!file.isShape(value)) throw new AuditLogError(file.code, `${file.name} lacks ${file.describe}`);
  const { [file.hashField]: stored, ...fields } = value as Record<string, unknown>;
  let expected: string;
  try {
    expected = digestHex(canonicalJson(fields), hmacKey);
  } catch {
    expected = '';
  }
  if (expected !== stored) {
    const hint = hmacKey === undefined ? ' (if the log uses an HMAC key, verify with it)' : file.keyedHint;
    throw new AuditLogError(
      file.code,
      `${file.name} does not match its ${file.hashField}: it was edited${hint}`,
    );
  }
  return value;
}

/**
 * Replaces the file atomically: write a temp file, rename it over the old one. With `sync`, the
 * temp file is fsynced before the rename and the directory after it, so a crash leaves the old
 * file or the new one, never a torn one.
 */
export async function writeSealed<T>(
  dir: string,
  file: SealedFile<T>,
  value: T,
  options: { sync: boolean },
): Promise<void> {
  const target = join(dir, file.name);
  const temp = `${target}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { flush: options.sync });
  await rename(temp, target);
  if (options.sync) await syncDirectory(dir);
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
