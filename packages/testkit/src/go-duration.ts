// `keep_alive` as Ollama's api.Duration decodes it: a number of seconds or a Go duration string
// (time.ParseDuration), negative meaning "keep forever"; other JSON types are rejected.
import { GoDecodeError } from './go-decode.js';
import { goQuote, type JsonNode } from './go-json.js';

const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Parses a Go duration string (`"5m"`, `"1h30m"`, `"-1s"`) into nanoseconds, or returns Go's error text. */
export function parseGoDuration(text: string): number | string {
  const invalid = `time: invalid duration ${goQuote(text)}`;
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2];
    if (whole === '' && (fraction === undefined || fraction === '')) return invalid;
    s = s.slice(number?.[0].length ?? 0);
    const unit = /^[^\d.]*/.exec(s)?.[0] ?? '';
    if (unit === '') return `time: missing unit in duration ${goQuote(text)}`;
    const scale = UNIT_NS[unit];
    if (scale === undefined) return `time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}`;
    s = s.slice(unit.length);
    total += Number(`${whole || '0'}.${fraction ?? ''}0`) * scale;
  }
  return negative ? -total : total;
}

/** Go's reflect name for the dynamic type of a decoded `interface{}` value, as `%s` prints it. */
function goDynamicType(node: JsonNode): string {
  switch (node.kind) {
    case 'bool':
      return 'bool';
    case 'array':
      return '[]interface {}';
    case 'object':
      return 'map[string]interface {}';
    case 'number':
      return 'float64';
    case 'string':
      return 'string';
    case 'null':
      return '%!s(<nil>)';
  }
}

/**
 * Decodes a `keep_alive` value to nanoseconds (`Infinity` = keep forever, `undefined` = not given), throwing
 * Go's message for bad input.
 */
export function decodeKeepAlive(node: JsonNode): number | undefined {
  if (node.kind === 'null') return undefined;
  if (node.kind === 'number') return node.value < 0 ? Number.POSITIVE_INFINITY : node.value * 1e9;
  if (node.kind === 'string') {
    const parsed = parseGoDuration(node.value);
    if (typeof parsed === 'string') throw new GoDecodeError(parsed);
    return parsed < 0 ? Number.POSITIVE_INFINITY : parsed;
  }
  throw new GoDecodeError(`Unsupported type: '${goDynamicType(node)}'`);
}
