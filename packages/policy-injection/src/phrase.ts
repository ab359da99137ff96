// A small phrase language so that rule tables read like the text they match. A phrase is a list of
// space-separated pieces over the normalised text (lower-case ASCII words, see normalize.ts):
//
//   ignore|disregard         one of these words (each alternative is a regex fragment)
//   [all|any]                an optional piece
//   ~3                       up to three arbitrary words
//   do_not                   `_` joins words inside an alternative (any short run of spaces/punctuation)
//   restrict%                `%` continues the word: restrict, restricted, restrictions…
//
// Pieces other than the first may also hold plain regex groups, e.g. `you_(?:were|have_been)_told`.
// The first piece is matched by word lookup, the rest by one sticky regex whose quantifiers are all
// bounded, so trying a phrase costs O(phrase length) at each position where its first word occurs.

/** Between two words: one to four characters that are neither ASCII letters nor digits. */
export const SEP = '[^a-z0-9]{1,4}';
const WORD = '[a-z0-9]{1,24}';
const CONTINUATION = '[a-z0-9]{0,16}';
const PLAIN_WORD = /^[a-z0-9]+$/;

/** A compiled phrase: where it may start and what must follow the start word. */
export type CompiledPhrase = {
  readonly starts: readonly string[];
  /** Sticky regex tried right after the start word; null when the start word alone is the phrase. */
  readonly rest: RegExp | null;
};

function fragment(alternative: string): string {
  return alternative.replaceAll('_', SEP).replaceAll('%', CONTINUATION);
}

function alternatives(piece: string): string {
  return piece
    .split('|')
    .map((a) => fragment(a))
    .join('|');
}

function compilePiece(piece: string): string {
  const gap = /^~(\d)$/.exec(piece);
  if (gap !== null) return `(?:${SEP}${WORD}){0,${gap[1]}}`;
  if (piece.startsWith('[') && piece.endsWith(']')) return `(?:${SEP}(?:${alternatives(piece.slice(1, -1))}))?`;
  return `${SEP}(?:${alternatives(piece)})`;
}

/** Compiles one phrase into start words plus sticky continuations, grouping starts that share one. */
export function compilePhrase(phrase: string): CompiledPhrase[] {
  const [first, ...pieces] = phrase.trim().split(/ +/);
  if (first === undefined || first === '') throw new Error('empty phrase');
  if (!/^[a-z0-9_|]+$/.test(first)) {
    throw new Error(`phrase "${phrase}": the first piece must be plain words joined by | and _`);
  }
  const tail = pieces.map(compilePiece).join('');
  const byRest = new Map<string, string[]>();
  for (const alternative of first.split('|')) {
    const [start = '', ...more] = alternative.split('_');
    if (!PLAIN_WORD.test(start)) throw new Error(`phrase "${phrase}": empty start word`);
    const lead = more.map((w) => `${SEP}(?:${fragment(w)})`).join('');
    const rest = lead + tail;
    const starts = byRest.get(rest) ?? [];
    starts.push(start);
    byRest.set(rest, starts);
  }
  return [...byRest].map(([rest, starts]) => ({
    starts,
    rest: rest === '' ? null : new RegExp(`${rest}(?![a-z0-9])`, 'y'),
  }));
}
