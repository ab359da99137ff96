import { AuditLogError } from './errors.js';

/**
 * Serialises a JSON value canonically: object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings as `JSON.stringify` writes them. For JSON data this is RFC 8785 (JCS), so
 * a verifier in another language can rebuild the exact bytes that were hashed.
 *
 * Object properties whose value is `undefined` are omitted (as `JSON.stringify` does); a `Date`
 * becomes its ISO string. Anything else that is not JSON (functions, symbols, bigints, `NaN`,
 * `Infinity`, class instances, cycles, `undefined` in arrays) throws an `invalid_record` error
 * naming the path.
 */
export function canonicalJson(value: unknown): string {
  return write(value, [], new Set());
}

// The path of the value being written, as keys and indexes; turned into `$.a[0].b` only for an
// error, so a record that serialises (every one, in practice) builds no path strings (#14).
type Path = (string | number)[];

function write(value: unknown, path: Path, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw invalid(path, `${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw invalid(path, `a ${typeof value} is not JSON`);
  }
  if (value === null) return 'null';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalid(path, 'an invalid Date is not JSON');
    return JSON.stringify(value.toISOString());
  }
  if (seen.has(value)) throw invalid(path, 'the value refers to itself (a cycle)');
  seen.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      path.push(i);
      if (item === undefined) throw invalid(path, 'undefined is not JSON inside an array');
      out += write(item, path, seen);
      path.pop();
    }
    out += ']';
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw invalid(path, `a ${value.constructor?.name ?? 'non-plain'} object is not JSON; pass plain data`);
    }
    const record = value as Record<string, unknown>;
    out = '{';
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined) continue;
      if (!first) out += ',';
      first = false;
      path.push(key);
      out += `${JSON.stringify(key)}:${write(item, path, seen)}`;
      path.pop();
    }
    out += '}';
  }
  seen.delete(value);
  return out;
}

function invalid(path: Path, message: string): AuditLogError {
  const at = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
  return new AuditLogError('invalid_record', `audit record $${at}: ${message}`);
}
