import { describe, expect, it } from 'vitest';
import { createPhraseIndex } from './phrase-index.js';

describe('createPhraseIndex', () => {
  const index = createPhraseIndex<string>([
    ['project x', 'a'],
    ['c++', 'b'],
    ['node.js', 'b'],
    ['x', 'c'],
  ]);
  const found = (text: string) => index.scan(text).map((hit) => text.slice(hit.start, hit.end));

  it('finds whole-word phrases, longest first', () => {
    expect(found('about project x and x.')).toEqual(['project x', 'x']);
  });

  it('matches keywords that hold punctuation', () => {
    expect(found('we use c++ and node.js')).toEqual(['c++', 'node.js']);
  });

  it('does not match inside a word or across an apostrophe', () => {
    expect(found("xylophone max's")).toEqual([]);
  });

  it('matches inside quotes', () => {
    expect(found("'project x'")).toEqual(['project x']);
  });
});
