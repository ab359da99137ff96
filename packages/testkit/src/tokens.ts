// The simulator's tokenizer: word-ish pieces that carry their leading whitespace (`"Hello"`, `" world"`,
// `"!"`), so concatenating the tokens gives back the text exactly. Special markers such as `<|eot_id|>`
// count as one token, which is what a templated prompt needs.
import { createHash } from 'node:crypto';

const TOKEN = /<\|[a-z_]+\|>|\s*[\p{L}\p{N}_]+|\s*[^\s\p{L}\p{N}_]|\s+/gu;

/** Splits text into tokens whose concatenation is the text. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Counts the tokens of a text. */
export function countTokens(text: string): number {
  return tokenize(text).length;
}

/** A stable token id in Llama 3's vocabulary range, used for /api/generate's `context`. */
export function tokenId(token: string): number {
  return createHash('sha256').update(token).digest().readUInt32BE(0) % 128256;
}
