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
  const parts: string[] = [];
  write(value, '$', parts, new Set());
  return parts.join('');
}

function write(value: unknown, path: string, out: string[], seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw invalid(path, `${value} is not a JSON number`);
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw invalid(path, `a ${typeof value} is not JSON`);
  }
  if (value === null) {
    out.push('null');
    return;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalid(path, 'an invalid Date is not JSON');
    out.push(JSON.stringify(value.toISOString()));
    return;
  }
  if (seen.has(value)) throw invalid(path, 'the value refers to itself (a cycle)');
  seen.add(value);
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      const item: unknown = value[i];
      if (item === undefined) throw invalid(`${path}[${i}]`, 'undefined is not JSON inside an array');
      write(item, `${path}[${i}]`, out, seen);
    }
    out.push(']');
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw invalid(path, `a ${value.constructor?.name ?? 'non-plain'} object is not JSON; pass plain data`);
    }
    const record = value as Record<string, unknown>;
    out.push('{');
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined) continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(key), ':');
      write(item, `${path}.${key}`, out, seen);
    }
    out.push('}');
  }
  seen.delete(value);
}

function invalid(path: string, message: string): AuditLogError {
  return new AuditLogError('invalid_record', `audit record ${path}: ${message}`);
}
