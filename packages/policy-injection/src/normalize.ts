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
const INVISIBLE = /[\p{Cf}\ufe00-\ufe0f\u{e0100}-\u{e01ef}]+/gu;
const HAS_INVISIBLE = /[\p{Cf}\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;
const MARKS = /\p{M}+/gu;

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
  if (!HAS_INVISIBLE.test(nfkc)) return { visible: nfkc, smuggled: [] };
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
// `i.g.n.o.r.e`, `(i)(g)(n)`. The lookahead in the loop makes the run stop at the first longer word
// without backtracking over the run.
const SPACED_LETTERS = /(?<![a-z0-9])[a-z0-9]([^a-z0-9]{1,3})[a-z0-9](?![a-z0-9])(?:\1[a-z0-9](?![a-z0-9])){2,}/g;
const LEET_CANDIDATE = /(?<![a-z0-9@$])[a-z@$]*[0-9@$][a-z0-9@$]*/g;
const HAS_LETTER = /[a-z]/;
const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's',
};

function unLeet(token: string): string {
  if (!HAS_LETTER.test(token)) return token;
  let out = '';
  for (const ch of token) out += LEET[ch] ?? ch;
  return out;
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
  return visible
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(CONFUSABLE, confusableFor)
    .replace(SPACED_LETTERS, (run) => run.replace(/[^a-z0-9]+/g, ''))
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .replace(LEET_CANDIDATE, unLeet)
    .replace(/([a-z])'s(?![a-z])/g, '$1')
    .replace(/(?<![a-z])(l|d|j|qu|n|s|t|m|c)'(?=[a-z])/g, '$1 ')
    .replace(/([a-z])'(?=[a-z])/g, '$1')
    .trim();
}

/** Letters, digits and Han characters only: the view where split or glued words line up again. */
export function compact(normalized: string): string {
  return normalized.replace(/[^a-z0-9\p{Script=Han}]+/gu, '');
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
