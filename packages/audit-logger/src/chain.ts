import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { AuditLogError } from './errors.js';

/** The `prev` of record 1 in a log that has never been through retention: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Fields the chain owns; a payload that sets one is rejected. */
export const RESERVED_FIELDS: readonly string[] = [
  'seq',
  'prev',
  'hash',
  'ts',
  'recovered_torn_tail',
  'head_anchored',
  'head_recovery',
];

/** A note, carried by the first record written after a restart, about bytes moved out of a torn segment. */
export interface TornTailNote {
  /** The segment that ended in a torn line, e.g. `audit-2025-03-01.jsonl`. */
  segment: string;
  /** Where the torn bytes were moved, e.g. `audit-2025-03-01.jsonl.torn-41` (41 = last whole record). */
  file: string;
  bytes: number;
  /** Hex SHA-256 of the moved bytes. */
  sha256: string;
}

/**
 * A note, carried by the first record written after a restart, that the log did not match its
 * head.json when the writer opened it: newest records missing, head.json missing, or a head.json
 * that is unreadable, forged or names another record. Verify reports the record carrying it.
 */
export interface HeadRecoveryNote {
  problem: 'records_missing' | 'head_missing' | 'head_mismatch';
  /** What head.json claimed; null when it was missing or unreadable. */
  head_seq: number | null;
  head_hash: string | null;
  /** Where a copy of an unreadable or forged head.json was kept, e.g. `head.json.invalid-41`. */
  file?: string;
}

/** One record as stored: the payload's fields plus the chain fields (core's AuditRecord is the payload). */
export interface StoredAuditRecord {
  seq: number;
  prev: string;
  hash: string;
  /** When the writer accepted the record (ISO 8601 UTC, never earlier than the previous record's). */
  ts: string;
  recovered_torn_tail?: TornTailNote;
  /** Set by a writer that keeps head.json, so a log whose head.json is gone shows it lost one. */
  head_anchored?: true;
  head_recovery?: HeadRecoveryNote;
  [field: string]: unknown;
}

/** Chain-owned fields a writer adds to a record besides seq, prev, ts and hash. */
export interface ChainNotes {
  recovered_torn_tail?: TornTailNote | undefined;
  head_anchored?: true | undefined;
  head_recovery?: HeadRecoveryNote | undefined;
}

/** Where a chain stands: the last record's seq and hash (seq 0 and the genesis hash before any). */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** A record after chaining, ready to be written. */
export interface ChainedRecord {
  seq: number;
  hash: string;
  tsMs: number;
  /** The canonical JSON line, without the trailing newline. */
  line: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Hex SHA-256 (or HMAC-SHA256 when a key is given) of a string's UTF-8 bytes. */
export function digestHex(text: string, hmacKey?: Uint8Array): string {
  const h = hmacKey === undefined ? createHash('sha256') : createHmac('sha256', hmacKey);
  return h.update(text, 'utf8').digest('hex');
}

/** The `hash` a record must carry: the digest of its canonical JSON without the `hash` field. */
export function computeRecordHash(record: Readonly<Record<string, unknown>>, hmacKey?: Uint8Array): string {
  const { hash: _ignored, ...rest } = record;
  return digestHex(canonicalJson(rest), hmacKey);
}

/** The UTC calendar date (`YYYY-MM-DD`) of a millisecond timestamp. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Assigns seq, prev, ts and hash to payloads in call order. Synchronous, so a writer can chain at
 * enqueue time and the order in the log is the order of `append` calls.
 */
export class ChainBuilder {
  #seq: number;
  #hash: string;
  #lastTsMs: number;
  readonly #hmacKey: Uint8Array | undefined;

  constructor(head: ChainHead, lastTsMs: number, hmacKey?: Uint8Array) {
    this.#seq = head.seq;
    this.#hash = head.hash;
    this.#lastTsMs = lastTsMs;
    this.#hmacKey = hmacKey;
  }

  get head(): ChainHead {
    return { seq: this.#seq, hash: this.#hash };
  }

  /** Chains one payload, adding `notes`. Throws `invalid_record` (and changes nothing) when it is not plain JSON. */
  next(payload: object, nowMs: number, notes?: ChainNotes): ChainedRecord {
    assertPayload(payload);
    // A clock that steps back must not reorder segments: ts never goes below the previous record's.
    const tsMs = Math.max(nowMs, this.#lastTsMs);
    const record: Record<string, unknown> = {
      ...payload,
      seq: this.#seq + 1,
      prev: this.#hash,
      ts: new Date(tsMs).toISOString(),
    };
    for (const [key, value] of Object.entries(notes ?? {})) {
      if (value !== undefined) record[key] = value;
    }
    // Serialise each top-level entry once and splice `hash` into its sorted place, instead of
    // serialising the whole record twice.
    const entries: [string, string][] = [];
    for (const key of Object.keys(record).sort()) {
      const value = record[key];
      if (value === undefined) continue;
      entries.push([key, `${JSON.stringify(key)}:${canonicalJsonAt(value, key)}`]);
    }
    const hash = digestHex(`{${entries.map((e) => e[1]).join(',')}}`, this.#hmacKey);
    const at = entries.findIndex(([key]) => key > 'hash');
    entries.splice(at === -1 ? entries.length : at, 0, ['hash', `"hash":"${hash}"`]);
    const line = `{${entries.map((e) => e[1]).join(',')}}`;
    this.#seq += 1;
    this.#hash = hash;
    this.#lastTsMs = tsMs;
    return { seq: this.#seq, hash, tsMs, line };
  }
}

function canonicalJsonAt(value: unknown, key: string): string {
  try {
    return canonicalJson(value);
  } catch (error) {
    if (error instanceof AuditLogError) {
      throw new AuditLogError(
        'invalid_record',
        error.message.replace('audit record $', `audit record $.${key}`),
      );
    }
    throw error;
  }
}

function assertPayload(payload: object): void {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new AuditLogError('invalid_record', 'an audit record must be a plain object');
  }
  const proto: unknown = Object.getPrototypeOf(payload);
  if (proto !== Object.prototype && proto !== null) {
    throw new AuditLogError('invalid_record', 'an audit record must be a plain object, not a class instance');
  }
  for (const key of RESERVED_FIELDS) {
    if (Object.hasOwn(payload, key)) {
      throw new AuditLogError(
        'invalid_record',
        `audit record field "${key}" is reserved for the hash chain (reserved: ${RESERVED_FIELDS.join(', ')})`,
      );
    }
  }
}

/** Why a log does not verify. */
export type AuditBreakReason =
  /** The last line of a segment has no trailing newline (a write was cut short). */
  | 'torn_line'
  /** A line is empty or not JSON. */
  | 'unparsable'
  /** A line is JSON but lacks a valid seq, prev, hash or ts. */
  | 'malformed_record'
  /** A line parses but its bytes are not the canonical serialisation (edited by hand). */
  | 'non_canonical'
  /** A seq is higher than the next expected one: records or a segment are missing. */
  | 'seq_gap'
  /** A seq is lower than expected or comes back later: records were reordered or duplicated. */
  | 'seq_order'
  /** A record's prev is not the previous record's hash. */
  | 'prev_mismatch'
  /** A record's hash does not match its content (edited, or the wrong HMAC key). */
  | 'hash_mismatch'
  /** checkpoint.json is unreadable or forged, or the first remaining record does not follow it. */
  | 'checkpoint_mismatch'
  /** The log ends before the head it should reach (head.json's, or the one the caller expected). */
  | 'truncated'
  /** head.json is missing, though the log's records say its writer keeps one. */
  | 'head_missing'
  /** head.json is unreadable or forged, or the record it names carries another hash. */
  | 'head_mismatch'
  /** There is no log: the directory does not exist or holds no segment, head.json or checkpoint.json. */
  | 'no_log';

/** The result of checking one line against the chain. */
export type LineCheck =
  | { ok: true; record: StoredAuditRecord }
  | { ok: false; reason: AuditBreakReason; seq: number | null; message: string };

/** A line parsed as a record, without checking it against any chain. */
export type ParsedLine =
  | { ok: true; record: StoredAuditRecord }
  | { ok: false; reason: 'unparsable' | 'malformed_record'; seq: number | null; message: string };

/** Parses one line into a record shape (seq, prev, hash, ts present and well-formed). */
export function parseRecordLine(text: string): ParsedLine {
  if (text.length === 0) return { ok: false, reason: 'unparsable', seq: null, message: 'empty line' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'unparsable', seq: null, message: `not JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'malformed_record', seq: null, message: 'line is JSON but not an object' };
  }
  const r = value as Record<string, unknown>;
  const seq = typeof r.seq === 'number' && Number.isSafeInteger(r.seq) && r.seq > 0 ? r.seq : null;
  const problems: string[] = [];
  if (seq === null) problems.push('seq is not a positive integer');
  if (typeof r.prev !== 'string' || !HEX64.test(r.prev)) problems.push('prev is not 64 hex digits');
  if (typeof r.hash !== 'string' || !HEX64.test(r.hash)) problems.push('hash is not 64 hex digits');
  if (typeof r.ts !== 'string' || Number.isNaN(Date.parse(r.ts))) problems.push('ts is not a timestamp');
  if (problems.length > 0) {
    return { ok: false, reason: 'malformed_record', seq, message: problems.join('; ') };
  }
  return { ok: true, record: r as StoredAuditRecord };
}

/** Where a chain being verified starts. */
export interface ChainStart extends ChainHead {
  /** `checkpoint` when retention removed the records before `seq + 1`. */
  from: 'genesis' | 'checkpoint';
}

/**
 * Checks lines one after another against the chain: canonical bytes, seq + 1, prev = last hash,
 * hash = digest of the record. Stateful; advances only on lines that pass.
 */
export class ChainVerifier {
  #expectedSeq: number;
  #expectedPrev: string;
  #first = true;
  readonly #start: ChainStart;
  readonly #hmacKey: Uint8Array | undefined;

  constructor(start: ChainStart, hmacKey?: Uint8Array) {
    this.#start = start;
    this.#expectedSeq = start.seq + 1;
    this.#expectedPrev = start.hash;
    this.#hmacKey = hmacKey;
  }

  /** The seq the next line must carry. */
  get expectedSeq(): number {
    return this.#expectedSeq;
  }

  /** The last verified record's seq and hash (or the start). */
  get head(): ChainHead {
    return { seq: this.#expectedSeq - 1, hash: this.#expectedPrev };
  }

  /** Checks one line; `bytes` (the raw line without newline) makes the canonical check byte-exact. */
  check(text: string, bytes?: Uint8Array): LineCheck {
    const parsed = parseRecordLine(text);
    if (!parsed.ok) return parsed;
    const { record } = parsed;
    const { seq } = record;
    let canonical: string | undefined;
    try {
      canonical = canonicalJson(record);
    } catch {
      canonical = undefined;
    }
    const same =
      canonical !== undefined &&
      (bytes === undefined ? canonical === text : Buffer.from(canonical, 'utf8').equals(bytes));
    if (!same) {
      return {
        ok: false,
        reason: 'non_canonical',
        seq,
        message: `record ${seq} is not in canonical form (keys sorted, no whitespace): the line was edited`,
      };
    }
    const expected = this.#expectedSeq;
    if (
      this.#first &&
      this.#start.from === 'checkpoint' &&
      (seq !== expected || record.prev !== this.#start.hash)
    ) {
      return {
        ok: false,
        reason: 'checkpoint_mismatch',
        seq,
        message:
          `the first record after checkpoint.json must have seq ${expected} and prev ${this.#start.hash}; ` +
          `found seq ${seq} and prev ${record.prev}`,
      };
    }
    if (seq > expected) {
      const missing = seq - expected === 1 ? `record ${expected} is` : `records ${expected}..${seq - 1} are`;
      const why =
        this.#first && this.#start.from === 'genesis' && expected === 1
          ? ' (and there is no checkpoint.json)'
          : '';
      return {
        ok: false,
        reason: 'seq_gap',
        seq,
        message: `expected seq ${expected}, found ${seq}: ${missing} missing${why}`,
      };
    }
    if (seq < expected) {
      return {
        ok: false,
        reason: 'seq_order',
        seq,
        message: `expected seq ${expected}, found ${seq}: records are out of order or duplicated`,
      };
    }
    if (record.prev !== this.#expectedPrev) {
      return {
        ok: false,
        reason: 'prev_mismatch',
        seq,
        message: `record ${seq} has prev ${record.prev} but record ${seq - 1} has hash ${this.#expectedPrev}`,
      };
    }
    const hash = computeRecordHash(record, this.#hmacKey);
    if (hash !== record.hash) {
      const hint =
        this.#hmacKey === undefined ? ' (if the log was written with an HMAC key, verify with it)' : '';
      return {
        ok: false,
        reason: 'hash_mismatch',
        seq,
        message: `record ${seq} does not match its hash: its content was changed${hint}`,
      };
    }
    this.#first = false;
    this.#expectedSeq = seq + 1;
    this.#expectedPrev = record.hash;
    return { ok: true, record };
  }
}
