/** One occurrence of an indexed phrase, in offsets of the scanned (normalised) text. */
export interface PhraseHit<Tag> {
  readonly start: number;
  readonly end: number;
  readonly tags: readonly Tag[];
}

/**
 * A set of literal phrases compiled into one regex, scanned in a single linear pass. Custom topics
 * use it because their keywords may hold punctuation ("c++", "node.js") that words cannot.
 */
export interface PhraseIndex<Tag> {
  /** Number of distinct literal phrases indexed. */
  readonly size: number;
  /** Every non-overlapping occurrence, leftmost first, longest phrase at each position. */
  scan(text: string): PhraseHit<Tag>[];
}

interface TrieNode {
  end: boolean;
  readonly next: Map<string, TrieNode>;
}

const SPECIAL_RE = /[\\^$.*+?()[\]{}|/-]/g;

function escapeChar(ch: string): string {
  return ch.replace(SPECIAL_RE, '\\$&');
}

// Alternatives are factored by shared prefix, so the engine decides on one character at a time
// instead of trying every phrase at every position (about 40 µs per 10 KB for 500 phrases).
function trieSource(node: TrieNode): string {
  const branches = [...node.next].map(([ch, child]) => escapeChar(ch) + trieSource(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  if (!node.end) return body;
  // Optional continuation: greedy, so the longest phrase wins when several end here.
  return branches.length === 1 ? `(?:${body})?` : `${body}?`;
}

/**
 * Compiles literal phrases (already normalised) into a {@link PhraseIndex}; each phrase carries
 * the tags it was added with, merged when two entries spell the same phrase. A phrase matches only
 * as whole words, so "gun" does not fire inside "begun".
 */
export function createPhraseIndex<Tag>(
  entries: Iterable<readonly [phrase: string, tag: Tag]>,
): PhraseIndex<Tag> {
  const tags = new Map<string, Tag[]>();
  const root: TrieNode = { end: false, next: new Map() };
  for (const [phrase, tag] of entries) {
    if (phrase === '') continue;
    const existing = tags.get(phrase);
    if (existing !== undefined) {
      if (!existing.includes(tag)) existing.push(tag);
      continue;
    }
    tags.set(phrase, [tag]);
    let node = root;
    for (const ch of phrase) {
      let child = node.next.get(ch);
      if (child === undefined) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const size = tags.size;
  if (size === 0) return { size, scan: () => [] };
  // Phrases match whole words; an apostrophe between letters joins a word ("someone's" holds no
  // "someone"), but a quote mark at the edge ('how to ...') does not.
  const regex = new RegExp(`(?<![a-z0-9])(?<![a-z0-9]')${trieSource(root)}(?![a-z0-9])(?!'[a-z0-9])`, 'g');
  return {
    size,
    scan(text) {
      const hits: PhraseHit<Tag>[] = [];
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        const found = tags.get(m[0]);
        if (found !== undefined) hits.push({ start: m.index, end: m.index + m[0].length, tags: found });
      }
      return hits;
    },
  };
}
