import { describe, expect, it } from 'vitest';
import { expandPhrase } from './phrase-pattern.js';

describe('expandPhrase', () => {
  it.each([
    ['pipe bomb', ['pipe bomb']],
    ['pipe bomb(s)?', ['pipe bomb', 'pipe bombs']],
    ['how (do|can) (i|we)', ['how do i', 'how do we', 'how can i', 'how can we']],
    [
      'how (do|can) i (really)? make',
      ['how do i really make', 'how do i make', 'how can i really make', 'how can i make'],
    ],
    ['(a|b (c|d))', ['a', 'b c', 'b d']],
  ])('expands %j', (pattern, expected) => {
    expect(expandPhrase(pattern).sort()).toEqual([...expected].sort());
  });

  it.each([
    ['(a|b', 'unclosed "("'],
    ['a)b', 'unexpected ")"'],
    ['a?', '"?" may only follow a group'],
    [
      '(a|b|c|d|e|f|g|h)(a|b|c|d|e|f|g|h)(a|b|c|d|e|f|g|h)(a|b|c|d|e|f|g|h)(a|b|c|d|e|f|g|h)',
      'expands to more than',
    ],
  ])('refuses %j', (pattern, message) => {
    expect(() => expandPhrase(pattern)).toThrow(message);
  });
});
