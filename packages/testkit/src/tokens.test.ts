import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTokens, tokenize } from './tokens.js';

describe('tokenize', () => {
  it('splits into word-ish pieces carrying their leading space', () => {
    expect(tokenize('Hello world! It is 42.')).toEqual(['Hello', ' world', '!', ' It', ' is', ' 42', '.']);
  });

  it('counts a special marker as one token', () => {
    expect(tokenize('<|eot_id|>hi')).toEqual(['<|eot_id|>', 'hi']);
    expect(countTokens('')).toBe(0);
  });

  it('loses nothing: the tokens concatenate to the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => tokenize(text).join('') === text));
  });
});
