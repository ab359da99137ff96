/** Most literal phrases one pattern may expand to; keeps a typo like nested groups from exploding. */
export const MAX_PHRASE_EXPANSION = 8192;

type Node = string[];

/**
 * Expands a phrase pattern into the literal phrases it stands for. The only syntax is a group of
 * alternatives `(a|b|c)`, which may nest and may be made optional with a trailing `?`; everything
 * else is literal, and runs of spaces collapse, so `how (do|can) (i|we) (really)? make` yields
 * `how do i make`, `how do i really make`, and so on. No quantifiers, so no backtracking.
 *
 * @example expandPhrase('pipe bomb(s)?') // ['pipe bomb', 'pipe bombs']
 */
export function expandPhrase(pattern: string): string[] {
  let pos = 0;

  function fail(message: string): never {
    throw new Error(`phrase pattern "${pattern}": ${message} at position ${pos}`);
  }

  function product(left: Node, right: Node): Node {
    if (left.length * right.length > MAX_PHRASE_EXPANSION) {
      fail(`expands to more than ${MAX_PHRASE_EXPANSION} phrases`);
    }
    const out: Node = [];
    for (const l of left) for (const r of right) out.push(l + r);
    return out;
  }

  function sequence(): Node {
    let acc: Node = [''];
    while (pos < pattern.length) {
      const ch = pattern[pos]!;
      if (ch === '|' || ch === ')') break;
      if (ch === '(') {
        pos++;
        let alternatives = group();
        if (pattern[pos] === '?') {
          pos++;
          alternatives = [...alternatives, ''];
        }
        acc = product(acc, alternatives);
      } else if (ch === '?') {
        fail('"?" may only follow a group');
      } else {
        acc = acc.map((s) => s + ch);
        pos++;
      }
    }
    return acc;
  }

  function group(): Node {
    const alternatives: Node = [];
    for (;;) {
      alternatives.push(...sequence());
      if (pos >= pattern.length) fail('unclosed "("');
      const ch = pattern[pos];
      pos++;
      if (ch === ')') return alternatives;
    }
  }

  const result = sequence();
  if (pos < pattern.length) fail(`unexpected "${pattern[pos]}"`);
  const phrases = new Set<string>();
  for (const phrase of result) {
    const collapsed = phrase.replace(/ {2,}/g, ' ').trim();
    if (collapsed !== '') phrases.add(collapsed);
  }
  return [...phrases];
}
