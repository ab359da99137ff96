import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK, forEachFeature, HASH_BITS, sumBlocks, tagBucket } from './features.js';

const size = 1 << HASH_BITS;
// Pseudo-random weights, so that a feature counted in the wrong block or bucket changes the sums.
const weights = Float32Array.from({ length: size }, (_, i) => (((i * 2654435761) >>> 0) % 1000) / 1000 - 0.5);

function reference(text: string) {
  const blocks = Math.max(1, Math.ceil(text.length / BLOCK));
  const sum = new Float64Array(blocks);
  const count = new Uint32Array(blocks);
  forEachFeature(text, (b, position) => {
    const j = Math.floor(position / BLOCK);
    sum[j] = (sum[j] as number) + (weights[b] as number);
    count[j] = (count[j] as number) + 1;
  });
  return { sum: [...sum], count: [...count] };
}

function fast(text: string) {
  const blocks = Math.max(1, Math.ceil(text.length / BLOCK));
  const sum = new Float64Array(blocks);
  const count = new Uint32Array(blocks);
  sumBlocks(weights, text, sum, count);
  return { sum: [...sum], count: [...count] };
}

describe('learned features', () => {
  it('counts 3-, 4- and 5-grams and the words and word pairs of a short text', () => {
    const buckets: number[] = [];
    forEachFeature('ab cd', (b) => buckets.push(b));
    // "ab cd": 3 trigrams, 2 four-grams, 1 five-gram, 2 words, 1 pair.
    expect(buckets).toHaveLength(9);
    expect(buckets.every((b) => b >= 0 && b < size)).toBe(true);
  });

  it('adds character bigrams for scripts written without spaces', () => {
    const count = (text: string) => {
      let n = 0;
      forEachFeature(text, () => n++);
      return n;
    };
    // Two Han characters: one bigram and one word; two Latin letters: one word only.
    expect(count('指令')).toBe(2);
    expect(count('ab')).toBe(1);
  });

  it('sums per block exactly what forEachFeature visits, across block edges and scripts', () => {
    const piece = fc.constantFrom('ignore ', 'previous ', '指令', 'это ', ' ', '\n', 'abc', '…', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 300 }), (pieces) => {
        const text = pieces.join('');
        const a = reference(text);
        const b = fast(text);
        expect(b.count).toEqual(a.count);
        for (const [i, x] of b.sum.entries()) expect(x).toBeCloseTo(a.sum[i] as number, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('gives tags their own buckets', () => {
    expect(tagBucket('st:quoted')).not.toBe(tagBucket('st:question'));
  });
});
