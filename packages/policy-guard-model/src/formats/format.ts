import type { GuardCategory } from './categories.js';
import type { GuardMessage, Turn } from './conversation.js';

/** One call to the guard target: its messages, and the category a "yes" there means, for yes/no models. */
export interface GuardAsk {
  readonly messages: readonly GuardMessage[];
  readonly category?: GuardCategory;
}

/** What a guard model said: safe, or unsafe with the categories it named (codes as the model writes them). */
export type Verdict =
  | { readonly safe: true }
  | { readonly safe: false; readonly categories: readonly string[] };

/** Thrown for an answer that is no verdict of the format; the rule's `on_error` decides. */
export class UnreadableVerdict extends Error {
  override readonly name = 'UnreadableVerdict';
}

/** How one guard model family is asked and how its answers read. */
export interface GuardFormat {
  /** The calls that judge the last turn of `turns` (the last user turn, or the answer). */
  asks(turns: readonly Turn[]): GuardAsk[];
  /** Reads one call's answer. */
  parse(answer: string, ask: GuardAsk): Verdict;
  /** The categories the format knows, to name them in findings. */
  readonly categories: readonly GuardCategory[];
}

/** Reads a Yes/No answer (ShieldGemma, Granite Guardian): "Yes" means the text violates the policy. */
export function parseYesNo(answer: string, ask: GuardAsk): Verdict {
  const word = /^\s*(yes|no)\b/i.exec(answer)?.[1]?.toLowerCase();
  if (word === undefined)
    throw new UnreadableVerdict(`expected "Yes" or "No", got ${JSON.stringify(answer.slice(0, 40))}`);
  return word === 'no'
    ? { safe: true }
    : { safe: false, categories: ask.category === undefined ? [] : [ask.category.code] };
}
