import { CONFUSABLE, confusableFor } from './confusables.js';

// Every step below is one native or one regex pass with bounded backtracking, so normalising is
// linear in the input. NFKC/NFKD can expand a character (U+FDFA becomes 18), which bounds the
// output at MAX_EXPANSION characters per input character.

/** Upper bound on `normalize(text).length / text.length`, reached by U+FDFA under NFKC. */
export const MAX_EXPANSION = 18;

// Unicode tag characters spell ASCII invisibly ("ASCII smuggling"); runs of variation selectors can
// carry arbitrary bytes after an emoji ("emoji smuggling"). Both are decoded, then dropped.
const TAG_RUN = /[\u{e0000}-\u{e007f}]+/gu;
const SELECTOR_RUN = /[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]{4,}/gu;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are removed one by one on purpose
const INVISIBLE = /[\p{Cf}\ufe00-\ufe0f\u{e0100}-\u{e01ef}]+/gu;
// Cheap non-Unicode-mode pre-check: the BMP format characters, variation selectors, or any astral
// character (which might be a tag or selector); only then is the full \p{Cf} pass run.
const MAYBE_INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: a set of code units to test for, never to match as text
  /[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb\ud800-\udbff]/;
// Combining marks of Latin, Greek and Cyrillic text and the blocks "zalgo" text is built from.
const MARKS =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: removing combining marks one by one is the point
  /[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Text with invisible characters removed, and whatever they smuggled decoded. */
export type RevealedText = { readonly visible: string; readonly smuggled: readonly string[] };

function decodeTags(run: string): string {
  let out = '';
  for (const ch of run) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xe0020 && cp <= 0xe007e) out += String.fromCharCode(cp - 0xe0000);
  }
  return out;
}

function decodeSelectors(run: string): string {
  const bytes: number[] = [];
  for (const ch of run) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes.push(cp <= 0xfe0f ? cp - 0xfe00 : cp - 0xe0100 + 16);
  }
  return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
}

/** Applies NFKC and removes format characters (zero-width, bidi, tags, selectors), decoding tag/selector payloads. */
export function revealInvisible(text: string): RevealedText {
  const nfkc = text.normalize('NFKC');
  if (!MAYBE_INVISIBLE.test(nfkc)) return { visible: nfkc, smuggled: [] };
  const smuggled: string[] = [];
  const visible = nfkc
    .replace(TAG_RUN, (run) => {
      const decoded = decodeTags(run);
      if (decoded.trim() !== '') smuggled.push(decoded);
      return '';
    })
    .replace(SELECTOR_RUN, (run) => {
      const decoded = decodeSelectors(run);
      if (decoded.trim() !== '') smuggled.push(decoded);
      return '';
    })
    .replace(INVISIBLE, '');
  return { visible, smuggled };
}

// Four or more single characters separated by the same one-to-three-character gap: `i g n o r e`,
// `i.g.n.o.r.e`, `(i)(g)(n)`. Each `\b` ends a one-character word, so the run stops at the first
// longer word without backtracking over the run.
const SPACED_LETTERS = /\b[a-z0-9]([^a-z0-9]{1,3})[a-z0-9]\b(?:\1[a-z0-9]\b){2,}/g;
// Runs of characters that leetspeak uses for letters; a run touching a letter marks a leet word.
const LEET_RUN = /[0-9@$]+/g;
const LEET_CHAR = /[0-9@$]/g;
// biome-ignore format: a lookup table reads best packed
const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's',
};

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isLeetWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 64 || c === 36;
}

function leetFor(ch: string): string {
  return LEET[ch] ?? ch;
}

/** Decodes leetspeak in every word that mixes letters with digits, @ or $; each word is visited once. */
function unLeet(text: string): string {
  let out = '';
  let copied = 0;
  LEET_RUN.lastIndex = 0;
  for (let match = LEET_RUN.exec(text); match !== null; match = LEET_RUN.exec(text)) {
    const runEnd = match.index + match[0].length;
    if (!isLetter(text.charCodeAt(match.index - 1)) && !isLetter(text.charCodeAt(runEnd))) continue;
    let start = match.index;
    while (start > copied && isLeetWordChar(text.charCodeAt(start - 1))) start--;
    let end = runEnd;
    while (end < text.length && isLeetWordChar(text.charCodeAt(end))) end++;
    out += text.slice(copied, start) + text.slice(start, end).replace(LEET_CHAR, leetFor);
    copied = end;
    LEET_RUN.lastIndex = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function collapseSpaces(text: string): string {
  // Test first: replacing every single space with itself costs five times the test.
  let out = /[\t\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/.test(text)
    ? text.replace(/[^\S\n]+/g, ' ')
    : text;
  if (/ \n|\n\s/.test(out)) out = out.replace(/ ?\n\s*/g, '\n');
  return out;
}

function joinContractions(text: string): string {
  if (!text.includes("'")) return text;
  return text
    .replace(/([a-z])'s(?![a-z])/g, '$1')
    .replace(/(?<![a-z])(l|d|j|qu|n|s|t|m|c)'(?=[a-z])/g, '$1 ')
    .replace(/([a-z])'(?=[a-z])/g, '$1');
}

/**
 * Folds text to the form the signal rules are written against: NFKC, invisible characters removed,
 * lower case, accents stripped, look-alike letters mapped to ASCII, spaced-out letters rejoined,
 * leetspeak inside words decoded, contractions joined (`don't` → `dont`, `l'invite` → `l invite`),
 * runs of spaces collapsed (line breaks kept).
 */
export function normalize(text: string): string {
  return foldVisible(revealInvisible(text).visible);
}

/** The folding half of `normalize`, for text that has already been through `revealInvisible`. */
export function foldVisible(visible: string): string {
  let text = visible.toLowerCase();
  // ASCII text has nothing to decompose, strip or map, and most traffic is ASCII.
  if (NON_ASCII.test(text)) {
    text = text.normalize('NFKD').replace(MARKS, '').replace(CONFUSABLE, confusableFor);
  }
  text = text.replace(SPACED_LETTERS, (run) => run.replace(/[^a-z0-9]+/g, ''));
  return joinContractions(unLeet(collapseSpaces(text))).trim();
}

/** Letters, digits and (BMP) Han characters only: the view where split or glued words line up again. */
export function compact(normalized: string): string {
  return normalized.replace(/[^a-z0-9\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g, '');
}

const A = 97;
const UTF16 = new TextDecoder('utf-16le');

/** ROT13 of a compact string, built in a typed array because a per-letter replace callback is slow. */
export function rot13(text: string): string {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c >= A && c < A + 26 ? ((c - A + 13) % 26) + A : c;
  }
  return UTF16.decode(out);
}

/** The string backwards by UTF-16 code unit, which is exact for the ASCII letters the rules read. */
export function reverse(text: string): string {
  const out = new Uint16Array(text.length);
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) out[last - i] = text.charCodeAt(i);
  return UTF16.decode(out);
}
