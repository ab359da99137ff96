import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateTokens, TokenLimiter, truncateToTokens } from './token-count.js';

describe('approximateTokens', () => {
  it.each([
    ['', 0],
    ['hello world', 2],
    ['internationalisation', 4],
    ['a, b.', 4],
    ['  \n\t', 0],
  ])('counts %j as %i', (text, count) => {
    expect(approximateTokens(text)).toBe(count);
  });
});

describe('TokenLimiter', () => {
  it('cuts before the first piece over the limit', () => {
    expect(truncateToTokens('one two three four', 2)).toBe('one two ');
    expect(truncateToTokens('one two', 2)).toBeUndefined();
  });

  it('emits, for any chunking, what truncateToTokens keeps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('ab', 'c', ' ', ',', 'défg', '\n', 'xyz12'), { maxLength: 60 }),
        fc.array(fc.nat(300), { maxLength: 10 }),
        fc.integer({ min: 1, max: 20 }),
        (pieces, cuts, max) => {
          const text = pieces.join('');
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const limiter = new TokenLimiter(max);
          let out = '';
          let at = 0;
          for (const p of points) {
            out += limiter.push(text.slice(at, p));
            at = p;
          }
          out += limiter.push(text.slice(at)) + limiter.end();
          expect(out).toBe(truncateToTokens(text, max) ?? text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
