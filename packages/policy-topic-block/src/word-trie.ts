import type { WordTokens } from './word-tokens.js';

/** One occurrence of a phrase, in word indexes (`end` inclusive). */
export interface WordHit {
  readonly start: number;
  readonly end: number;
  readonly tags: readonly string[];
}

/** The phrases of one layer and how shorter phrases inside a match are reported. */
export interface WordLayer {
  /** Normalised phrases (words separated by single spaces) and the tag each carries. */
  readonly entries: Iterable<readonly [phrase: string, tag: string]>;
  /**
   * Which phrases inside a longer match are reported too. Without it, the longest phrase hides the
   * shorter ones it contains ("how to report" hides "how to"), which is what exclusions rely on.
   */
  readonly inner?: {
    readonly keep: (tag: string) => boolean;
    /** A match carrying such a tag reports nothing inside it ("bath bomb" hides "bomb"). */
    readonly hiddenBy?: (tag: string) => boolean;
    /** Report only phrases that start where the match starts. */
    readonly prefixOnly?: boolean;
  };
}

interface PhraseEnd {
  readonly tags: readonly string[];
  /** Shorter phrases inside this one: word offset, word length, tags. */
  readonly inner: readonly (readonly [offset: number, length: number, tags: readonly string[]])[];
}

interface WordNode {
  next: Map<string, WordNode> | undefined;
  /** Per layer, the phrase that ends at this node. */
  ends: (PhraseEnd | undefined)[] | undefined;
}

/** Several layers of phrases in one word trie, scanned together in one pass over the words. */
export interface WordTrie {
  /** Distinct phrases per layer. */
  readonly sizes: readonly number[];
  /**
   * Per layer, every non-overlapping longest match, leftmost first, then the phrases inside it.
   * Layers not in `active` come back empty.
   */
  scan(tokens: WordTokens, active?: ReadonlySet<number>): WordHit[][];
}

function innerPhrases(
  words: readonly string[],
  tags: ReadonlyMap<string, string[]>,
  own: readonly string[],
  inner: NonNullable<WordLayer['inner']>,
): PhraseEnd['inner'] {
  if (inner.hiddenBy !== undefined && own.some(inner.hiddenBy)) return [];
  const found: [number, number, readonly string[]][] = [];
  const starts = inner.prefixOnly === true ? 1 : words.length;
  for (let start = 0; start < starts; start++) {
    for (let end = start + 1; end <= words.length; end++) {
      if (start === 0 && end === words.length) continue;
      const kept = tags.get(words.slice(start, end).join(' '))?.filter(inner.keep);
      if (kept !== undefined && kept.length > 0) found.push([start, end - start, kept]);
    }
  }
  return found;
}

/**
 * Builds a word trie over several layers (the built-in frames and cues, and each topic's terms).
 * Matching walks the trie once per word, so a scan costs a map lookup or two per word whatever the
 * number of phrases: linear in the text, with no regex and no backtracking.
 */
export function createWordTrie(layers: readonly WordLayer[]): WordTrie {
  const root: WordNode = { next: undefined, ends: undefined };
  const sizes: number[] = [];
  layers.forEach((layer, index) => {
    const tags = new Map<string, string[]>();
    for (const [phrase, tag] of layer.entries) {
      const existing = tags.get(phrase);
      if (existing === undefined) tags.set(phrase, [tag]);
      else if (!existing.includes(tag)) existing.push(tag);
    }
    sizes.push(tags.size);
    for (const [phrase, own] of tags) {
      const words = phrase.split(' ');
      let node = root;
      for (const word of words) {
        node.next ??= new Map();
        let child = node.next.get(word);
        if (child === undefined) {
          child = { next: undefined, ends: undefined };
          node.next.set(word, child);
        }
        node = child;
      }
      node.ends ??= [];
      const inner =
        layer.inner === undefined || words.length === 1 ? [] : innerPhrases(words, tags, own, layer.inner);
      node.ends[index] = { tags: own, inner };
    }
  });

  return {
    sizes,
    scan({ words, joined }, active) {
      const hits: WordHit[][] = layers.map(() => []);
      // First word each layer may start a match at: matches of one layer never overlap.
      const free = new Array<number>(layers.length).fill(0);
      const longest = new Array<PhraseEnd | undefined>(layers.length).fill(undefined);
      const longestEnd = new Array<number>(layers.length).fill(0);
      const first = root.next;
      if (first === undefined) return hits;
      for (let i = 0; i < words.length; i++) {
        let node = first.get(words[i]!);
        if (node === undefined) continue;
        for (let j = i; node !== undefined; ) {
          const ends = node.ends;
          if (ends !== undefined) {
            for (let layer = 0; layer < ends.length; layer++) {
              const end = ends[layer];
              if (end !== undefined) {
                longest[layer] = end;
                longestEnd[layer] = j;
              }
            }
          }
          j++;
          if (j >= words.length || joined[j] === 0) break;
          node = node.next?.get(words[j]!);
        }
        for (let layer = 0; layer < layers.length; layer++) {
          const end = longest[layer];
          if (end === undefined) continue;
          longest[layer] = undefined;
          if (i < free[layer]! || (active !== undefined && !active.has(layer))) continue;
          const last = longestEnd[layer]!;
          hits[layer]!.push({ start: i, end: last, tags: end.tags });
          for (const [offset, length, tags] of end.inner) {
            hits[layer]!.push({ start: i + offset, end: i + offset + length - 1, tags });
          }
          free[layer] = last + 1;
        }
      }
      return hits;
    },
  };
}
