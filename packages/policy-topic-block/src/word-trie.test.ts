import { describe, expect, it } from 'vitest';
import { tokenize } from './word-tokens.js';
import { createWordTrie } from './word-trie.js';

const scan = (
  entries: [string, string][],
  text: string,
  inner?: Parameters<typeof createWordTrie>[0][0]['inner'],
) => {
  const tokens = tokenize(text);
  return createWordTrie([{ entries, inner }])
    .scan(tokens)[0]!
    .map((hit) => [tokens.words.slice(hit.start, hit.end + 1).join(' '), ...hit.tags]);
};

describe('tokenize', () => {
  it('keeps apostrophes inside words, marks single-space joins and counts sentences', () => {
    const tokens = tokenize("someone's phone, i'm here. next; 3.5 done\nnew");
    expect(tokens.words).toEqual(["someone's", 'phone', "i'm", 'here', 'next', '3', '5', 'done', 'new']);
    expect([...tokens.joined]).toEqual([0, 1, 0, 1, 0, 0, 0, 1, 0]);
    expect([...tokens.sentence]).toEqual([0, 0, 0, 0, 1, 2, 2, 2, 3]);
  });
});

describe('createWordTrie', () => {
  it('reports the longest phrase at each word, without overlaps', () => {
    const entries: [string, string][] = [
      ['pipe bomb', 'explosive'],
      ['bomb', 'explosive'],
      ['how to', 'frame'],
    ];
    expect(scan(entries, 'how to build a pipe bomb')).toEqual([
      ['how to', 'frame'],
      ['pipe bomb', 'explosive'],
    ]);
  });

  it('does not run a phrase across punctuation', () => {
    expect(scan([['how to', 'frame']], 'how, to')).toEqual([]);
  });

  it('matches whole words only', () => {
    expect(scan([['gun', 'firearm']], 'they begun shotguns gun')).toEqual([['gun', 'firearm']]);
  });

  it('reports phrases inside a match when asked, except inside a hiding phrase', () => {
    const entries: [string, string][] = [
      ['to end my life', 'outcome'],
      ['end my life', 'act'],
      ['bath bomb', 'excluded'],
      ['bomb', 'explosive'],
    ];
    const inner = {
      keep: (tag: string) => tag !== 'excluded',
      hiddenBy: (tag: string) => tag === 'excluded',
    };
    expect(scan(entries, 'a way to end my life', inner)).toEqual([
      ['to end my life', 'outcome'],
      ['end my life', 'act'],
    ]);
    expect(scan(entries, 'a bath bomb', inner)).toEqual([['bath bomb', 'excluded']]);
  });
});
