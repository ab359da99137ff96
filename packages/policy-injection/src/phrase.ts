// A small phrase language so that rule tables read like the text they match. A phrase is a list of
// space-separated pieces over the normalised text (lower-case ASCII words, see normalize.ts):
//
//   ignore|disregard         one of these words (each alternative is a regex fragment)
//   [all|any]                an optional piece
//   ~3                       up to three arbitrary words
//   do_not                   `_` joins words inside an alternative (any short run of spaces/punctuation)
//   system_?prompt           `_?` is an optional join: "system prompt", "system-prompt", "systemprompt"
//   restrict%                `%` continues the word: restrict, restricted, restrictions…
//
// Alternatives may also hold regex groups after their first word, e.g. `you_(?:were|have_been)_told`;
// the first word of each alternative in the first piece is looked up, so it must be plain a-z0-9.
// The first piece is matched by word lookup, the rest by one sticky regex whose quantifiers are all
// bounded, so trying a phrase costs O(phrase length) at each position where its first word occurs.

/** Between two words: one to four characters that are not ASCII letters, digits or sentence ends (. ! ?). */
export const SEP = '[^a-z0-9.!?]{1,4}';
const WORD = '[a-z0-9]{1,24}';
const CONTINUATION = '[a-z0-9]{0,16}';
const PLAIN_WORD = /^[a-z0-9]+$/;

/** A compiled phrase: where it may start and what must follow the start word. */
export type CompiledPhrase = {
  readonly starts: readonly string[];
  /** Sticky regex tried right after the start word; null when the start word alone is the phrase. */
  readonly rest: RegExp | null;
};

const OPTIONAL_SEP = '[^a-z0-9.!?]{0,4}';

function fragment(alternative: string): string {
  return alternative.replace(/_\?|_|%/g, (m) => (m === '_?' ? OPTIONAL_SEP : m === '_' ? SEP : CONTINUATION));
}

/** Splits on `|` outside parentheses. */
function splitAlternatives(piece: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < piece.length; i++) {
    const c = piece[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(piece.slice(from, i));
      from = i + 1;
    }
  }
  out.push(piece.slice(from));
  return out;
}

function alternatives(piece: string): string {
  return splitAlternatives(piece).map(fragment).join('|');
}

function compilePiece(piece: string): string {
  const gap = /^~(\d)$/.exec(piece);
  if (gap !== null) return `(?:${SEP}${WORD}){0,${gap[1]}}`;
  if (piece.startsWith('[') && piece.endsWith(']'))
    return `(?:${SEP}(?:${alternatives(piece.slice(1, -1))}))?`;
  return `${SEP}(?:${alternatives(piece)})`;
}

/** Compiles one phrase into start words plus sticky continuations, grouping starts that share one. */
export function compilePhrase(phrase: string): CompiledPhrase[] {
  const [first, ...pieces] = phrase.trim().split(/ +/);
  if (first === undefined || first === '') throw new Error('empty phrase');
  const tail = pieces.map(compilePiece).join('');
  const byRest = new Map<string, string[]>();
  for (const alternative of splitAlternatives(first)) {
    const cut = alternative.indexOf('_');
    const start = cut < 0 ? alternative : alternative.slice(0, cut);
    if (!PLAIN_WORD.test(start) || alternative.startsWith('_?', cut)) {
      throw new Error(`phrase "${phrase}": "${alternative}" must start with a plain a-z0-9 word`);
    }
    const rest = (cut < 0 ? '' : fragment(alternative.slice(cut))) + tail;
    const starts = byRest.get(rest) ?? [];
    starts.push(start);
    byRest.set(rest, starts);
  }
  return [...byRest].map(([rest, starts]) => ({
    starts,
    rest: rest === '' ? null : new RegExp(`${rest}(?![a-z0-9])`, 'y'),
  }));
}
