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
  readonly layer: number;
  readonly tags: readonly string[];
  /** Shorter phrases inside this one: word offset, word length, tags. */
  readonly inner: readonly (readonly [offset: number, length: number, tags: readonly string[]])[];
}

const NO_INNER: PhraseEnd['inner'] = [];

interface WordNode {
  // Most nodes have one child: it is kept in two fields, and a Map only appears for the second.
  onlyWord: string | undefined;
  onlyChild: WordNode | undefined;
  next: Map<string, WordNode> | undefined;
  /** The phrases that end at this node, one per layer (usually one in all). */
  ends: PhraseEnd[] | undefined;
}

function newNode(): WordNode {
  return { onlyWord: undefined, onlyChild: undefined, next: undefined, ends: undefined };
}

function childOf(node: WordNode, word: string): WordNode | undefined {
  return node.onlyWord === word ? node.onlyChild : node.next?.get(word);
}

function addChild(node: WordNode, word: string): WordNode {
  const existing = childOf(node, word);
  if (existing !== undefined) return existing;
  const created = newNode();
  if (node.onlyWord === undefined && node.next === undefined) {
    node.onlyWord = word;
    node.onlyChild = created;
    return created;
  }
  node.next ??= new Map();
  if (node.onlyWord !== undefined) {
    node.next.set(node.onlyWord, node.onlyChild!);
    node.onlyWord = undefined;
    node.onlyChild = undefined;
  }
  node.next.set(word, created);
  return created;
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
  if (inner.hiddenBy !== undefined && own.some(inner.hiddenBy)) return NO_INNER;
  const found: [number, number, readonly string[]][] = [];
  const starts = inner.prefixOnly === true ? 1 : words.length;
  for (let start = 0; start < starts; start++) {
    for (let end = start + 1; end <= words.length; end++) {
      if (start === 0 && end === words.length) continue;
      const kept = tags.get(words.slice(start, end).join(' '))?.filter(inner.keep);
      if (kept !== undefined && kept.length > 0) found.push([start, end - start, kept.slice()]);
    }
  }
  // slice() trims the spare capacity push() leaves: tens of thousands of these stay in memory.
  return found.length === 0 ? NO_INNER : found.slice();
}

/**
 * Builds a word trie over several layers (the built-in frames and cues, and each topic's terms).
 * Matching walks the trie once per word, so a scan costs a map lookup or two per word whatever the
 * number of phrases: linear in the text, with no regex and no backtracking.
 */
export function createWordTrie(layers: readonly WordLayer[]): WordTrie {
  const root = newNode();
  // One string per distinct word, however many phrases use it.
  const interned = new Map<string, string>();
  const intern = (word: string): string => {
    const known = interned.get(word);
    if (known !== undefined) return known;
    interned.set(word, word);
    return word;
  };
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
      const words = phrase.split(' ').map(intern);
      let node = root;
      for (const word of words) node = addChild(node, word);
      const inner =
        layer.inner === undefined || words.length === 1
          ? NO_INNER
          : innerPhrases(words, tags, own, layer.inner);
      const entry: PhraseEnd = { layer: index, tags: own.slice(), inner };
      node.ends = node.ends === undefined ? [entry] : [...node.ends, entry];
    }
  });

  // Only the count is kept: the phrase lists themselves can be collected once the trie is built.
  const count = layers.length;
  return {
    sizes,
    scan({ words, joined }, active) {
      const hits: WordHit[][] = Array.from({ length: count }, () => []);
      // First word each layer may start a match at: matches of one layer never overlap.
      const free = new Array<number>(count).fill(0);
      const longest = new Array<PhraseEnd | undefined>(count).fill(undefined);
      const longestEnd = new Array<number>(count).fill(0);
      for (let i = 0; i < words.length; i++) {
        let node = childOf(root, words[i]!);
        if (node === undefined) continue;
        for (let j = i; node !== undefined; ) {
          const ends = node.ends;
          if (ends !== undefined) {
            for (const end of ends) {
              longest[end.layer] = end;
              longestEnd[end.layer] = j;
            }
          }
          j++;
          if (j >= words.length || joined[j] === 0) break;
          node = childOf(node, words[j]!);
        }
        for (let layer = 0; layer < count; layer++) {
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
