// Deterministic embeddings: each (model, text) pair seeds a PRNG through SHA-256, so identical texts give
// identical vectors while similar texts are unrelated. /api/embed normalises and rounds to float32; the
// legacy endpoint returns the raw float64 vector.
import { createHash } from 'node:crypto';

// sfc32: small, fast and good enough to fill a vector from a 128-bit seed.
function sfc32(seed: Buffer): () => number {
  let a = seed.readUInt32BE(0);
  let b = seed.readUInt32BE(4);
  let c = seed.readUInt32BE(8);
  let d = seed.readUInt32BE(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** The unnormalised vector for a text under a model: `dimensions` values in [-1, 1). */
export function rawEmbedding(modelKey: string, text: string, dimensions: number): number[] {
  const next = sfc32(createHash('sha256').update(`${modelKey}\u0000${text}`).digest());
  return Array.from({ length: dimensions }, () => next() * 2 - 1);
}

/** Scales a vector to unit L2 length (a zero vector stays zero). */
export function normalize(vector: readonly number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? [...vector] : vector.map((x) => x / norm);
}

/**
 * Rounds to float32 and picks the shortest decimal that reads back as the same float32, which is what Go's
 * json.Marshal prints for a []float32 (`0.010071029`, not `0.010071028955280781`).
 */
export function toFloat32(value: number): number {
  const rounded = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(rounded.toPrecision(digits));
    if (Math.fround(candidate) === rounded) return candidate;
  }
  return rounded;
}

/** The /api/embed vector: L2-normalised, optionally cut to `dimensions` and re-normalised, float32 values. */
export function embedVector(modelKey: string, text: string, length: number, dimensions?: number): number[] {
  let vector = normalize(rawEmbedding(modelKey, text, length));
  if (dimensions !== undefined && dimensions > 0 && dimensions < length)
    vector = normalize(vector.slice(0, dimensions));
  return vector.map(toFloat32);
}
