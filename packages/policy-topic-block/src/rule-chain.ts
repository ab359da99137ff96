// Occurrence lists per trie tag, and the search for a chain of them that satisfies a rule.
import type { CompiledRule } from './builtin-lexicon.js';
import type { WordHit } from './word-trie.js';

/** Where a phrase sits, in word indexes (`end` inclusive); its sentence comes from the tokens. */
export type Occurrence = WordHit;

/** Appends each hit to the list of every tag it carries. */
export function collect(byTag: Map<string, Occurrence[]>, hits: readonly WordHit[]): void {
  for (const hit of hits) {
    for (const tag of hit.tags) {
      const list = byTag.get(tag);
      if (list === undefined) byTag.set(tag, [hit]);
      else list.push(hit);
    }
  }
}

export const NONE: readonly Occurrence[] = [];

export function mergeSorted(a: readonly Occurrence[], b: readonly Occurrence[]): Occurrence[] {
  const out: Occurrence[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.start <= b[j]!.start ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

// Each tag's list is already in text order, so several merge in linear time.
export function occurrencesOf(
  byTag: ReadonlyMap<string, Occurrence[]>,
  tags: readonly string[],
  cache: Map<readonly string[], readonly Occurrence[]>,
): readonly Occurrence[] {
  if (tags.length === 1) return byTag.get(tags[0]!) ?? NONE;
  const cached = cache.get(tags);
  if (cached !== undefined) return cached;
  let merged: readonly Occurrence[] = NONE;
  for (const tag of tags) {
    const list = byTag.get(tag);
    if (list !== undefined) merged = merged.length === 0 ? list : mergeSorted(merged, list);
  }
  cache.set(tags, merged);
  return merged;
}

// First index whose key is >= value, for a list sorted by that key.
export function lowerBound(
  list: readonly Occurrence[],
  value: number,
  key: (o: Occurrence) => number,
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const byStart = (o: Occurrence): number => o.start;

/**
 * Walks the chains that satisfy a rule: each element after the first starts within `gap` words
 * after the previous one ends (or, for `near` rules, within `gap` words of the first on either
 * side). Takes the first chain per anchor, so the work is bounded by anchors x gap^elements.
 * Returns true as soon as `accept` does.
 */
export function someChain(
  lists: readonly (readonly Occurrence[])[],
  rule: CompiledRule,
  accept: (chain: readonly Occurrence[]) => boolean,
): boolean {
  const chain: Occurrence[] = [];
  const extend = (index: number): boolean => {
    if (index === lists.length) return true;
    const list = lists[index]!;
    const anchor = rule.near ? chain[0]! : chain[index - 1]!;
    // In a sequence the next element may share the previous one's last word ("i'm building" then
    // "building a"), since frames and terms come from separate indexes.
    const from = rule.near ? anchor.start - rule.gap - 8 : anchor.start + 1;
    const to = anchor.end + rule.gap + 1;
    for (let i = lowerBound(list, from, byStart); i < list.length; i++) {
      const candidate = list[i]!;
      if (candidate.start > to) break;
      if (rule.near && candidate.end < anchor.start - rule.gap - 1) continue;
      chain.push(candidate);
      if (extend(index + 1)) return true;
      chain.pop();
    }
    return false;
  };
  for (const anchor of lists[0]!) {
    chain.length = 0;
    chain.push(anchor);
    if (extend(1) && accept(chain)) return true;
  }
  return false;
}
