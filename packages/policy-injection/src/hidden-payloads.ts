// Finds encoded runs (base64, hex, \x and \u escapes, percent-encoding, HTML numeric entities,
// Morse code) and
// returns those that decode to readable text, so that the detector can scan them as well. Every
// pattern starts at a fixed character class and has bounded repetition between anchors, and the
// decoded text is never longer than its source, so the whole pass is linear.

// A base64 (or URL-safe base64) run, which also covers unbroken hex runs: the matches of
// /\b[A-Za-z0-9+/_-]{16,}={0,2}/g, found by `base64Runs` in one pass over the character codes
// (five times faster than the regex, which tries every word start).
const MIN_BASE64 = 16;
const EQUALS = 0x3d;
const HEX_DIGITS = /^(?:[0-9a-fA-F]{2})+$/;
const HEX_SPACED = /\b[0-9a-fA-F]{2}(?:[ :,][0-9a-fA-F]{2}){7,}\b/g;
const ESCAPED = /(?:\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}){6,}/g;
// Anchored at the first escape; the rest of the word around the run is added in `percentRuns`.
const PERCENT = /%[0-9a-fA-F]{2}(?:[^\s%]{0,24}%[0-9a-fA-F]{2}){2,}/g;
const ENTITIES = /(?:&#(?:x[0-9a-fA-F]{1,6}|[0-9]{1,7});?){4,}/g;
// Letters separated by one space, words by " / " or several spaces.
const MORSE = /(?<![.-])(?:[.-]{1,6}(?: {1,3}| ?\/ ?)){7,}[.-]{1,6}(?![.-])/g;
// biome-ignore format: a lookup table reads best packed
const MORSE_CODE: Readonly<Record<string, string>> = {
  '.-': 'a', '-...': 'b', '-.-.': 'c', '-..': 'd', '.': 'e', '..-.': 'f', '--.': 'g', '....': 'h', '..': 'i',
  '.---': 'j', '-.-': 'k', '.-..': 'l', '--': 'm', '-.': 'n', '---': 'o', '.--.': 'p', '--.-': 'q', '.-.': 'r',
  '...': 's', '-': 't', '..-': 'u', '...-': 'v', '.--': 'w', '-..-': 'x', '-.--': 'y', '--..': 'z',
  '-----': '0', '.----': '1', '..---': '2', '...--': '3', '....-': '4', '.....': '5', '-....': '6',
  '--...': '7', '---..': '8', '----.': '9', '.-.-.-': '.', '--..--': ',', '..--..': '?',
};

// Per ASCII code: BASE64_CHAR for [A-Za-z0-9+/_-], plus WORD_CHAR for a regex word character.
const BASE64_CHAR = 1;
const WORD_CHAR = 2;
const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/\w/.test(ch)) CHAR_CLASS[c] = BASE64_CHAR | WORD_CHAR;
  else if ('+/-'.includes(ch)) CHAR_CLASS[c] = BASE64_CHAR;
}

function isBase64Char(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c]! & BASE64_CHAR) !== 0;
}

function isWordChar(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c]! & WORD_CHAR) !== 0;
}

/**
 * Every match of `/\b[A-Za-z0-9+/_-]{16,}={0,2}/g` in `text`, as [index, run]. Every word character
 * is a base64 character, so inside a maximal run of base64 characters the first word boundary is
 * at its first word character: the match starts there if 16 characters remain, and takes the rest
 * of the run plus up to two `=`. Each character is read at most twice.
 */
export function base64Runs(text: string): [index: number, run: string][] {
  const out: [number, string][] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isBase64Char(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const runStart = i;
    while (i < n && isBase64Char(text.charCodeAt(i))) i++;
    const runEnd = i;
    let start = runStart;
    while (start < runEnd && !isWordChar(text.charCodeAt(start))) start++;
    if (runEnd - start < MIN_BASE64) continue;
    let end = runEnd;
    while (end < n && end - runEnd < 2 && text.charCodeAt(end) === EQUALS) end++;
    out.push([start, text.slice(start, end)]);
    i = end;
  }
  return out;
}

const byPattern =
  (pattern: RegExp) =>
  (text: string): [number, string][] =>
    Array.from(text.matchAll(pattern), (match) => [match.index, match[0]]);

const WIDEN = 64;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const MIN_LETTERS = 4;

const LETTER = /\p{L}/gu;
const UNPRINTABLE = /[^\p{L}\p{N}\p{P}\p{S}\p{Zs}\t\n\r]|\ufffd/gu;

/** Readable means at least four letters and at most 10 % control, unassigned or replacement characters. */
function readable(text: string): boolean {
  const letters = text.length - text.replace(LETTER, '').length;
  const unprintable = text.length - text.replace(UNPRINTABLE, '').length;
  return letters >= MIN_LETTERS && unprintable <= 0.1 * text.length;
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

function fromBase64OrHex(run: string): string | undefined {
  if (HEX_DIGITS.test(run)) {
    const hex = fromHexDigits(run);
    if (hex !== undefined && readable(hex)) return hex;
  }
  return fromBase64(run);
}

function fromBase64(run: string): string | undefined {
  const body = run.replace(/=+$/, '').replaceAll('-', '+').replaceAll('_', '/');
  if (body.length % 4 === 1) return undefined;
  try {
    const binary = atob(body + '='.repeat((4 - (body.length % 4)) % 4));
    return utf8(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function fromHexDigits(digits: string): string | undefined {
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return utf8(bytes);
}

function fromEscapes(run: string): string | undefined {
  if (run.includes('\\u')) {
    return run.replace(/\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g, (_m, u?: string, x?: string) =>
      String.fromCharCode(Number.parseInt(u ?? x ?? '0', 16)),
    );
  }
  return fromHexDigits(run.replaceAll('\\x', ''));
}

function fromPercent(run: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c === 0x25 && i + 2 < run.length && /^[0-9a-fA-F]{2}$/.test(run.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(run.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === 0x2b) bytes.push(0x20);
    else if (c < 0x80) bytes.push(c);
    else return undefined;
  }
  return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
}

function fromEntities(run: string): string {
  return run.replace(/&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});?/g, (_m, code: string) => {
    const cp = code.startsWith('x') ? Number.parseInt(code.slice(1), 16) : Number.parseInt(code, 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

function fromMorse(run: string): string {
  return run
    .split(/ ?\/ ?| {2,}/)
    .map((word) =>
      word
        .split(' ')
        .map((code) => MORSE_CODE[code] ?? '')
        .join(''),
    )
    .join(' ');
}

/** Widens a percent-encoded run to its whole word (at most WIDEN more characters each side). */
function widen(text: string, index: number, length: number): string {
  let start = index;
  while (start > 0 && index - start < WIDEN && !/\s/.test(text.charAt(start - 1))) start--;
  let end = index + length;
  const limit = end + WIDEN;
  while (end < text.length && end < limit && !/\s/.test(text.charAt(end))) end++;
  return text.slice(start, end);
}

// Each run shape with its decoder and a cheap substring test that gates the scan: a union of all
// six patterns in one regex is slower than separate passes, most of which the gate skips.
type Shape = {
  readonly find: (text: string) => readonly (readonly [index: number, run: string])[];
  readonly gate: readonly string[] | null;
  readonly decode: (run: string) => string | undefined;
  readonly widen: boolean;
};
const SHAPES: readonly Shape[] = [
  { find: base64Runs, gate: null, decode: fromBase64OrHex, widen: false },
  {
    find: byPattern(HEX_SPACED),
    gate: null,
    decode: (run: string) => fromHexDigits(run.replace(/[ :,]/g, '')),
    widen: false,
  },
  { find: byPattern(ESCAPED), gate: ['\\x', '\\u'], decode: fromEscapes, widen: false },
  { find: byPattern(PERCENT), gate: ['%'], decode: fromPercent, widen: true },
  { find: byPattern(ENTITIES), gate: ['&#'], decode: fromEntities, widen: false },
  { find: byPattern(MORSE), gate: ['.-', '-.'], decode: fromMorse, widen: false },
];

/** Decoded text of every distinct encoded run in `text` that turns out to be readable. */
export function decodeHiddenPayloads(text: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const shape of SHAPES) {
    if (shape.gate !== null && !shape.gate.some((g) => text.includes(g))) continue;
    for (const [index, found] of shape.find(text)) {
      const run = shape.widen ? widen(text, index, found.length) : found;
      if (seen.has(run)) continue;
      seen.add(run);
      const decoded = shape.decode(run);
      if (decoded !== undefined && readable(decoded)) out.add(decoded);
    }
  }
  return [...out];
}
