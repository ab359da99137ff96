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

/** Whether one of `words` occurs in the `window` characters before `start`. */
export function hasContextBefore(text: string, start: number, window: number, words: RegExp): boolean {
  return words.test(text.slice(Math.max(0, start - window), start));
}

/** Whether the code point at `index` is a letter, digit or underscore (false past the end). */
export function isWordCharAt(text: string, index: number): boolean {
  const point = text.codePointAt(index);
  return point !== undefined && /[\p{L}\p{N}_]/u.test(String.fromCodePoint(point));
}
