/** Normalised text split into words, with what separates them. */
export interface WordTokens {
  readonly words: readonly string[];
  /** 1 when word i follows word i-1 after exactly one space, so a phrase may run across them. */
  readonly joined: Uint8Array;
  /** Sentence number of each word. */
  readonly sentence: Uint32Array;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Splits normalised text (see `normalizeText`) into words of `[a-z0-9]`, keeping an apostrophe
 * between letters inside the word ("someone's", "i'm"). A sentence ends at a line break or at
 * `.`, `!`, `?` or `;` followed by a space or the end of the text. One pass, no regex.
 */
export function tokenize(text: string): WordTokens {
  const words: string[] = [];
  // At most one word per two characters.
  const capacity = (text.length >> 1) + 1;
  const joined = new Uint8Array(capacity);
  const sentences = new Uint32Array(capacity);
  let sentence = 0;
  let separator = 0;
  let singleSpace = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      if (c === 10) sentence++;
      else if (c === 46 || c === 33 || c === 63 || c === 59) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
        if (next === 32 || next === 10) sentence++;
      }
      singleSpace = separator === 0 && c === 32;
      separator++;
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isWordChar(d)) i++;
      else if (d === 39 && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    const index = words.length;
    words.push(text.slice(start, i));
    joined[index] = index > 0 && separator === 1 && singleSpace ? 1 : 0;
    sentences[index] = sentence;
    separator = 0;
    singleSpace = false;
  }
  return { words, joined: joined.subarray(0, words.length), sentence: sentences.subarray(0, words.length) };
}
