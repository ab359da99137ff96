// Finds encoded runs (base64, hex, \x and \u escapes, percent-encoding, HTML numeric entities) and
// returns those that decode to readable text, so that the detector can scan them as well. Every
// pattern starts at a fixed character class and has bounded repetition between anchors, and the
// decoded text is never longer than its source, so the whole pass is linear.

const BASE64 = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX_RUN = /(?<![0-9a-fA-F])(?:[0-9a-fA-F]{2}){8,}(?![0-9a-fA-F])/g;
const HEX_SPACED = /(?<![0-9a-fA-F])[0-9a-fA-F]{2}(?:[ :,][0-9a-fA-F]{2}){7,}(?![0-9a-fA-F])/g;
const ESCAPED = /(?:\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}){6,}/g;
const PERCENT = /[^\s%]{0,24}%[0-9a-fA-F]{2}(?:[^\s%]{0,24}%[0-9a-fA-F]{2}){2,}[^\s%]{0,24}/g;
const ENTITIES = /(?:&#(?:x[0-9a-fA-F]{1,6}|[0-9]{1,7});?){4,}/g;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const MIN_LETTERS = 4;

/** Readable means valid UTF-8, at least four letters, and at least 90 % letters, digits, spaces or punctuation. */
function readable(text: string): boolean {
  let letters = 0;
  let printable = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      printable++;
    } else if (/[\p{N}\p{P}\p{Zs}\s\p{S}]/u.test(ch)) printable++;
  }
  return letters >= MIN_LETTERS && printable >= 0.9 * [...text].length;
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
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
    if (c === 0x25 && i + 2 < run.length + 0 && /^[0-9a-fA-F]{2}$/.test(run.slice(i + 1, i + 3))) {
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

function collect(text: string, pattern: RegExp, decode: (run: string) => string | undefined, out: string[]): void {
  for (const match of text.matchAll(pattern)) {
    const decoded = decode(match[0]);
    if (decoded !== undefined && readable(decoded)) out.push(decoded);
  }
}

/** Decoded text of every encoded run in `text` that turns out to be readable. */
export function decodeHiddenPayloads(text: string): string[] {
  const out: string[] = [];
  collect(text, BASE64, fromBase64, out);
  collect(text, HEX_RUN, fromHexDigits, out);
  collect(text, HEX_SPACED, (run) => fromHexDigits(run.replace(/[ :,]/g, '')), out);
  collect(text, ESCAPED, fromEscapes, out);
  if (text.includes('%')) collect(text, PERCENT, fromPercent, out);
  if (text.includes('&#')) collect(text, ENTITIES, fromEntities, out);
  return out;
}
