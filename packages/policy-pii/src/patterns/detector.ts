/** A span a detector accepted, in offsets (UTF-16 code units) of the scanned text. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
}

/**
 * One pattern family. `find` must be *local*: whether a span `[start, end)` is reported may depend
 * only on `text.slice(start - lookbehind, end + lookahead)` (text edges included), and never on
 * what was found elsewhere. The scanner derives its streaming hold-back from these bounds, so
 * incremental redaction matches whole-text redaction for every chunking.
 */
export interface Detector {
  /** Finding type, as written in YAML: `credit_card`. */
  readonly type: string;
  /** Longest span `find` can report. */
  readonly maxLength: number;
  /** Characters before a span that its decision reads (context words, boundaries). */
  readonly lookbehind: number;
  /** Characters after a span that its decision reads. */
  readonly lookahead: number;
  find(text: string): Candidate[];
  /**
   * Where text still to come could add, drop or change a span: every span `find` reports that
   * starts before the returned index is final, whatever follows. At least
   * `text.length - maxLength - lookahead`; reads only that tail and the context before it.
   * `text` does not end inside a surrogate pair (the scanner drops a dangling high surrogate).
   */
  openTailStart(text: string): number;
}

// A regex lookbehind of two code points reads up to four code units (surrogate pairs).
/** Code units a two-code-point boundary check reads on either side. */
export const BOUNDARY = 4;

/**
 * Start of a digit token: not inside a word, not glued to one by a hyphen or slash (`A-555…`),
 * and not continuing a decimal (`1.4111…`). Every numeric detector uses it, so a card, an SSN and
 * a passport number all see the same tokens. A space before is checked by {@link joinedBySeparator}.
 */
export const NUMBER_START = String.raw`(?<![\p{L}\p{N}_])(?<![\p{L}\p{N}_][\-/])(?<!\p{N}[.,])`;
/** End of a digit token: the mirror of {@link NUMBER_START} (`…3456-A` is a part number). */
export const NUMBER_END = String.raw`(?![\p{L}\p{N}_])(?![\-/][\p{L}\p{N}_])(?![.,]\p{N})`;

/**
 * Whether the separator a grouped value uses (`4111 1111 …` uses a space) also joins it to digits
 * just outside, making it part of a longer number: `5 4111 1111 1111 1111` is no card, while
 * `4111-1111-1111-1111 5` and `514-79-5339 203…` keep their value.
 */
export function joinedBySeparator(text: string, start: number, end: number, value: string): boolean {
  const separator = value.match(/\D/)?.[0];
  if (separator === undefined) return false;
  const digit = (i: number): boolean => /\d/.test(text[i] ?? '');
  return (text[start - 1] === separator && digit(start - 2)) || (text[end] === separator && digit(end + 1));
}

/**
 * Runs `regex` (which must have the `g` flag) from every position where it can start, not only
 * after the previous match: a sequential scan would make a match depend on where the scan began,
 * and a stream chunk begins anywhere.
 */
export function matchAtEveryStart(regex: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let from = 0;
  while (from <= text.length) {
    regex.lastIndex = from;
    const match = regex.exec(text);
    if (match === null) break;
    // A `u` regex asked to start inside a surrogate pair starts at the pair, already tried.
    if (match.index >= from) found.push(match);
    from = Math.max(match.index, from) + 1;
  }
  return found;
}

/** The code point (one or two code units) that ends at `end`. */
function codePointBefore(text: string, end: number): string {
  const low = text.charCodeAt(end - 1);
  const high = text.charCodeAt(end - 2);
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(pair ? end - 2 : end - 1, end);
}

/** Start of the run of characters `set` accepts (one code point, `u` flag) that ends at `end`, no lower than `floor`. */
export function runStart(text: string, end: number, set: RegExp, floor: number): number {
  let at = end;
  while (at > floor) {
    const point = codePointBefore(text, at);
    if (!set.test(point)) break;
    at -= point.length;
  }
  return at;
}

/** The first index at or after `from` where `start` (a `g` regex) matches, or the text's length. */
export function firstMatchFrom(text: string, start: RegExp, from: number): number {
  start.lastIndex = from;
  return start.exec(text)?.index ?? text.length;
}

/**
 * Where a span could still grow from: the first place `start` matches in the trailing run of
 * characters `set` accepts, looking back at most `limit` code units. `set` must accept every
 * character a span can hold and every character after which an end check reads on (`-` in
 * `(?![-/]\p{L})`); `start` must match wherever a span can begin (its first character with its
 * boundary look-behinds). Then a character outside `set` stops every attempt that reaches it, so
 * attempts that begin before the run read only text that has arrived, and so do the attempts at
 * places in the run where `start` fails, which find nothing.
 */
export function openRunStart(text: string, set: RegExp, start: RegExp, limit: number): number {
  return firstMatchFrom(text, start, runStart(text, text.length, set, Math.max(0, text.length - limit)));
}

/** Characters of a grouped number, and those its end checks read on from: `-`/`/` (`…-A`), `.`/`,` (`….5`). */
export const NUMBER_RUN = /^[\d \-/.,]$/u;
/** Where a digit token can begin: a digit at a {@link NUMBER_START}. */
export const NUMBER_TOKEN_START = new RegExp(String.raw`${NUMBER_START}\d`, 'gu');

/** Whether one of `words` occurs in the `window` characters before `start`. */
export function hasContextBefore(text: string, start: number, window: number, words: RegExp): boolean {
  return words.test(text.slice(Math.max(0, start - window), start));
}

/** Whether the code point at `index` is a letter, digit or underscore (false past the end). */
export function isWordCharAt(text: string, index: number): boolean {
  const point = text.codePointAt(index);
  return point !== undefined && /[\p{L}\p{N}_]/u.test(String.fromCodePoint(point));
}
