import { compileBuiltins, EXCLUDED, FRAME, MENTION, NEUTRAL } from './builtin-lexicon.js';
import { normalizeText } from './normalize.js';
import { tokenize, type WordTokens } from './word-tokens.js';
import type { WordHit } from './word-trie.js';

/**
 * What the lexicon sees in a text, as features for the learned layer: `@tag` for every frame, cue
 * and term group of every built-in topic present, and per sentence `@frame&term` and
 * `@mention&term` for each intent frame or mention cue next to each term group. The lexicon's
 * vocabulary then generalises for the learned models: a synonym listed in a term group counts as
 * that group, even if no training text used it.
 */
export function lexiconFeatures(tokens: WordTokens, scanned?: readonly (readonly WordHit[])[]): string[] {
  // Every layer is read: a caller that already scanned them all passes its hits.
  const all = scanned ?? compileBuiltins().trie.scan(tokens);
  const out = new Set<string>();
  // Tags come from the lexicon, so the feature names are few: built once, then looked up.
  const feature = (tag: string): string => {
    let name = featureNames.get(tag);
    if (name === undefined) {
      name = `@${tag}`;
      featureNames.set(tag, name);
    }
    return name;
  };
  const bySentence = new Map<number, { context: Set<string>; terms: Set<string> }>();
  for (const layer of all) {
    for (const hit of layer) {
      const sentence = tokens.sentence[hit.start] ?? 0;
      let entry = bySentence.get(sentence);
      if (entry === undefined) {
        entry = { context: new Set(), terms: new Set() };
        bySentence.set(sentence, entry);
      }
      for (const tag of hit.tags) {
        if (tag === EXCLUDED || tag === NEUTRAL) continue;
        out.add(feature(tag));
        if (tag.startsWith('term:')) entry.terms.add(tag);
        else if (tag.startsWith(FRAME) || tag === MENTION) entry.context.add(tag);
      }
    }
  }
  for (const { context, terms } of bySentence.values()) {
    for (const c of context) {
      let byTerm = pairNames.get(c);
      if (byTerm === undefined) {
        byTerm = new Map();
        pairNames.set(c, byTerm);
      }
      for (const t of terms) {
        let name = byTerm.get(t);
        if (name === undefined) {
          name = `@${c}&${t}`;
          byTerm.set(t, name);
        }
        out.add(name);
      }
    }
  }
  return [...out];
}

const featureNames = new Map<string, string>();
const pairNames = new Map<string, Map<string, string>>();

/** What the learned layer reads: the words of the normalised text, and the lexicon's features. */
export function learnedFeatures(text: string): {
  readonly words: readonly string[];
  readonly extras: readonly string[];
} {
  const tokens = tokenize(normalizeText(text));
  return { words: tokens.words, extras: lexiconFeatures(tokens) };
}
