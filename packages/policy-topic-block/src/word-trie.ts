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
  /** The phrase that ends at this node, if any; `moreEnds` holds those of further layers (rare). */
  end: PhraseEnd | undefined;
  moreEnds: PhraseEnd[] | undefined;
}

function newNode(): WordNode {
  return { onlyWord: undefined, onlyChild: undefined, next: undefined, end: undefined, moreEnds: undefined };
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

/**
 * One shared copy of each distinct value, found by a key: tens of thousands of phrases carry the same
 * few tag lists and inner-phrase lists, so the trie keeps one of each (a third of its memory).
 */
function interner<T>(): (key: string, make: () => T) => T {
  const known = new Map<string, T>();
  return (key, make) => {
    let value = known.get(key);
    if (value === undefined) {
      value = make();
      known.set(key, value);
    }
    return value;
  };
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

type InnerPhrase = PhraseEnd['inner'][number];

function innerPhrases(
  words: readonly string[],
  tags: ReadonlyMap<string, string[]>,
  own: readonly string[],
  inner: NonNullable<WordLayer['inner']>,
  shared: {
    tags: (list: readonly string[]) => readonly string[];
    inner: (list: InnerPhrase[]) => PhraseEnd['inner'];
  },
): PhraseEnd['inner'] {
  if (inner.hiddenBy !== undefined && own.some(inner.hiddenBy)) return NO_INNER;
  const found: InnerPhrase[] = [];
  const starts = inner.prefixOnly === true ? 1 : words.length;
  for (let start = 0; start < starts; start++) {
    for (let end = start + 1; end <= words.length; end++) {
      if (start === 0 && end === words.length) continue;
      const kept = tags.get(words.slice(start, end).join(' '))?.filter(inner.keep);
      if (kept !== undefined && kept.length > 0) found.push([start, end - start, shared.tags(kept)]);
    }
  }
  return found.length === 0 ? NO_INNER : shared.inner(found);
}

/**
 * Builds a word trie over several layers (the built-in frames and cues, and each topic's terms).
 * Matching walks the trie once per word, so a scan costs a map lookup or two per word whatever the
 * number of phrases: linear in the text, with no regex and no backtracking.
 */
export function createWordTrie(layers: readonly WordLayer[]): WordTrie {
  const { root, sizes } = buildTrie(layers);
  return scanner(root, sizes, layers.length);
}

/**
 * The trie's nodes and the number of distinct phrases per layer. Apart from the scanner so that the
 * scanner's closure keeps only the nodes, not the lookup tables used while building them.
 */
function buildTrie(layers: readonly WordLayer[]): { root: WordNode; sizes: number[] } {
  const root = newNode();
  // One string per distinct word, however many phrases use it.
  const interned = new Map<string, string>();
  const intern = (word: string): string => {
    const known = interned.get(word);
    if (known !== undefined) return known;
    interned.set(word, word);
    return word;
  };
  // Phrases share their tag lists, inner-phrase lists and whole ends (same layer, tags and inner
  // phrases): one copy of each. Tags never contain a newline, so the keys below are unambiguous.
  const tagLists = interner<readonly string[]>();
  const innerLists = interner<PhraseEnd['inner']>();
  const phraseEnds = interner<PhraseEnd>();
  const tagsKey = (list: readonly string[]) => list.join('\n');
  const innerKey = (list: PhraseEnd['inner']) =>
    list.map(([offset, length, tags]) => `${offset},${length},${tagsKey(tags)}`).join('\n\n');
  const shared = {
    tags: (list: readonly string[]) => tagLists(tagsKey(list), () => list.slice()),
    // slice() trims the spare capacity push() leaves.
    inner: (list: InnerPhrase[]) => innerLists(innerKey(list), () => list.slice()),
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
          : innerPhrases(words, tags, own, layer.inner, shared);
      const ownTags = shared.tags(own);
      const entry = phraseEnds(`${index}\n\n\n${tagsKey(ownTags)}\n\n\n${innerKey(inner)}`, () => ({
        layer: index,
        tags: ownTags,
        inner,
      }));
      if (node.end === undefined) node.end = entry;
      else if (node.moreEnds === undefined) node.moreEnds = [entry];
      else node.moreEnds.push(entry);
    }
  });

  return { root, sizes };
}

function scanner(root: WordNode, sizes: readonly number[], count: number): WordTrie {
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
          const end = node.end;
          if (end !== undefined) {
            longest[end.layer] = end;
            longestEnd[end.layer] = j;
            if (node.moreEnds !== undefined) {
              for (const more of node.moreEnds) {
                longest[more.layer] = more;
                longestEnd[more.layer] = j;
              }
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
