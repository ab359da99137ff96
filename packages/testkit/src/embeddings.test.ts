import { describe, expect, it } from 'vitest';
import { embedVector, normalize, rawEmbedding, toFloat32 } from './embeddings.js';

const norm = (vector: readonly number[]): number => Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));

describe('embeddings', () => {
  it('gives identical vectors for identical (model, text) pairs and different ones otherwise', () => {
    expect(embedVector('m', 'hello', 8)).toEqual(embedVector('m', 'hello', 8));
    expect(embedVector('m', 'hello', 8)).not.toEqual(embedVector('m', 'hello!', 8));
    expect(embedVector('m', 'hello', 8)).not.toEqual(embedVector('other', 'hello', 8));
  });

  it('normalises to unit length with float32-representable values', () => {
    const vector = embedVector('m', 'hello', 768);
    expect(vector).toHaveLength(768);
    expect(norm(vector)).toBeCloseTo(1, 5);
    for (const x of vector) expect(Math.fround(x)).toBe(Math.fround(toFloat32(x)));
  });

  it('cuts to `dimensions` and normalises again, keeping the direction of the prefix', () => {
    const full = normalize(rawEmbedding('m', 'hello', 768));
    const cut = embedVector('m', 'hello', 768, 4);
    expect(cut).toHaveLength(4);
    expect(norm(cut)).toBeCloseTo(1, 5);
    const prefix = normalize(full.slice(0, 4));
    for (const [i, x] of cut.entries()) expect(x).toBeCloseTo(prefix[i] ?? Number.NaN, 6);
  });

  it('prints float32 values with their shortest decimal', () => {
    expect(toFloat32(0.1)).toBe(0.1);
    expect(toFloat32(0.010071028955280781)).toBe(0.010071029);
    expect(JSON.stringify(toFloat32(1 / 3))).toBe('0.33333334');
  });
});
