import { mergeSorted } from './rule-chain.js';
import type { WordHit } from './word-trie.js';

// Words that stand for a term said just before: "the history of pipe bombs and how to build one".
// Not "it": it stands for situations too ("my battery is dying, how do I fix it").
const PRONOUNS: ReadonlySet<string> = new Set(['one', 'ones', 'them', 'some']);
// How many words back a pronoun looks for its term.
const PRONOUN_WINDOW = 10;

/** Indexes of the words that are pronouns in {@link PRONOUNS}, ascending. */
export function pronounsIn(words: readonly string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i < words.length; i++) if (PRONOUNS.has(words[i]!)) at.push(i);
  return at;
}

/**
 * Adds, for each pronoun (`pronouns`: their word indexes, ascending), a hit carrying the tags of
 * the topic's terms that end within {@link PRONOUN_WINDOW} words before it, so a rule can use the
 * pronoun in the term's place. One pass over the hits (sorted by start) and the pronouns: linear.
 */
export function withPronouns(terms: readonly WordHit[], pronouns: readonly number[]): readonly WordHit[] {
  if (terms.length === 0 || pronouns.length === 0) return terms;
  const added: WordHit[] = [];
  // terms[first, next) are the hits that start before word i and may still be in the window.
  let first = 0;
  let next = 0;
  const from = terms[0]!.end + 1;
  for (const i of pronouns) {
    if (i < from) continue;
    while (next < terms.length && terms[next]!.start < i) next++;
    while (first < next && terms[first]!.end < i - PRONOUN_WINDOW) first++;
    if (first === next && next === terms.length) break;
    const tags = new Set<string>();
    // A hit ends at most a few words after it starts, so this span stays short.
    for (let k = first; k < next; k++) {
      const hit = terms[k]!;
      if (hit.end < i && hit.end >= i - PRONOUN_WINDOW) for (const tag of hit.tags) tags.add(tag);
    }
    if (tags.size > 0) added.push({ start: i, end: i, tags: [...tags] });
  }
  return added.length === 0 ? terms : mergeSorted(terms, added);
}
