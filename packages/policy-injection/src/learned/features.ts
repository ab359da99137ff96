// The features of the learned layer, shared by the training script and the detector so that
// both read a text the same way: hashed character 3-, 4- and 5-grams and hashed word unigrams and
// bigrams of the normalised text (so unseen verbs, inflections, scripts and spellings share
// evidence with seen ones), plus named tags (structure features, fired signals) that count once
// and are not scaled by length.

/** log2 of the number of hash buckets (weights) in the model. */
export const HASH_BITS = 18;
const SHIFT = 32 - HASH_BITS;
const BLOCK_SHIFT = 8;
/** Characters per block; a window is two adjacent blocks, so windows overlap by half. */
export const BLOCK = 1 << BLOCK_SHIFT;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;
// Distinct seeds keep the n-gram lengths, words, pairs and tags apart in the hash space.
const SEED_CHAR = [0, 0x61c88647, 0x9e3779b1, 0x85ebca77, 0xc2b2ae3d] as const;
// The same seeds as locals of the hot loop: character 2-, 3-, 4- and 5-grams.
const SEED_2 = 0x61c88647;
const SEED_3 = 0x9e3779b1;
const SEED_4 = 0x85ebca77;
const SEED_5 = 0xc2b2ae3d;
// Scripts written without spaces (CJK, kana, hangul) also get character bigrams: most of their
// words are two characters long, which 3-grams would straddle.
const CJK = 0x2e80;
const SEED_WORD = 0x27d4eb2f;
const SEED_PAIR = 0x165667b1;
const SEED_TAG = 0x7feb352d;

// Multiply-shift hashing: the top HASH_BITS bits of (FNV hash ^ seed) × 2³²/φ. One multiply per
// feature; this is the hot path of the detector.
const GOLDEN = 0x9e3779b1;
function bucket(hash: number, seed: number): number {
  return Math.imul(hash ^ seed, GOLDEN) >>> SHIFT;
}

/** Whether a UTF-16 unit belongs inside a word: letters and digits of any script. */
function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  // General punctuation, CJK punctuation, fullwidth punctuation and spaces end words.
  return !(
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xff0f) ||
    c === 0xa0
  );
}

/** Calls `visit(bucket, position)` for every n-gram feature of `text`, in order of position. */
export function forEachFeature(text: string, visit: (bucket: number, position: number) => void): void {
  const n = text.length;
  let word = FNV_OFFSET;
  let wordStart = -1;
  let previousWord = 0;
  let hasPrevious = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    if (i < n) {
      let h = FNV_OFFSET;
      const end = Math.min(n, i + 5);
      for (let j = i, k = 0; j < end; j++, k++) {
        h = Math.imul(h ^ text.charCodeAt(j), FNV_PRIME);
        if (k >= 2 || (k === 1 && c >= CJK && text.charCodeAt(j) >= CJK))
          visit(bucket(h, SEED_CHAR[k] as number), i);
      }
    }
    if (i < n && isWordUnit(c)) {
      if (wordStart < 0) {
        wordStart = i;
        word = FNV_OFFSET;
      }
      word = Math.imul(word ^ c, FNV_PRIME);
    } else if (wordStart >= 0) {
      visit(bucket(word, SEED_WORD), wordStart);
      if (hasPrevious) visit(bucket(Math.imul(previousWord, 31) ^ word, SEED_PAIR), wordStart);
      previousWord = word;
      hasPrevious = true;
      wordStart = -1;
    }
  }
}

/**
 * Adds the weights of the n-gram features of `text` into `sum` and their number into `count`, per
 * block of BLOCK characters (the block where each feature starts). The same features as
 * forEachFeature, in one loop without a callback: this is the detector's hot path. Each character
 * is read once (the next four are kept in locals) and the block index is a shift, not a division.
 */
export function sumBlocks(
  weights: Float32Array | Int8Array,
  text: string,
  sum: Float64Array,
  count: Uint32Array,
): void {
  const n = text.length;
  let word = FNV_OFFSET;
  let wordStart = -1;
  let previousWord = 0;
  let hasPrevious = false;
  let blockSum = 0;
  let blockCount = 0;
  let block = 0;
  // c is text[i]; c1…c4 the characters after it (0 past the end, never read there).
  let c1 = n > 1 ? text.charCodeAt(1) : 0;
  let c2 = n > 2 ? text.charCodeAt(2) : 0;
  let c3 = n > 3 ? text.charCodeAt(3) : 0;
  let c = n > 0 ? text.charCodeAt(0) : 0x20;
  for (let i = 0; i <= n; i++) {
    let c4 = 0;
    if (i < n) {
      const here = i >>> BLOCK_SHIFT;
      if (here !== block) {
        sum[block] = (sum[block] as number) + blockSum;
        count[block] = (count[block] as number) + blockCount;
        blockSum = 0;
        blockCount = 0;
        block = here;
      }
      c4 = i + 4 < n ? text.charCodeAt(i + 4) : 0;
      let h = Math.imul(Math.imul(FNV_OFFSET ^ c, FNV_PRIME) ^ c1, FNV_PRIME);
      if (c >= CJK && c1 >= CJK) {
        blockSum += weights[Math.imul(h ^ SEED_2, GOLDEN) >>> SHIFT] as number;
        blockCount++;
      }
      if (i + 2 < n) {
        h = Math.imul(h ^ c2, FNV_PRIME);
        blockSum += weights[Math.imul(h ^ SEED_3, GOLDEN) >>> SHIFT] as number;
        blockCount++;
        if (i + 3 < n) {
          h = Math.imul(h ^ c3, FNV_PRIME);
          blockSum += weights[Math.imul(h ^ SEED_4, GOLDEN) >>> SHIFT] as number;
          blockCount++;
          if (i + 4 < n) {
            h = Math.imul(h ^ c4, FNV_PRIME);
            blockSum += weights[Math.imul(h ^ SEED_5, GOLDEN) >>> SHIFT] as number;
            blockCount++;
          }
        }
      }
    } else {
      c = 0x20;
    }
    if (i < n && isWordUnit(c)) {
      if (wordStart < 0) {
        wordStart = i;
        word = FNV_OFFSET;
      }
      word = Math.imul(word ^ c, FNV_PRIME);
    } else if (wordStart >= 0) {
      // Word features belong to the block where the word starts.
      const wb = wordStart >>> BLOCK_SHIFT;
      let w = weights[bucket(word, SEED_WORD)] as number;
      let k = 1;
      if (hasPrevious) {
        w += weights[bucket(Math.imul(previousWord, 31) ^ word, SEED_PAIR)] as number;
        k++;
      }
      if (wb === block) {
        blockSum += w;
        blockCount += k;
      } else {
        sum[wb] = (sum[wb] as number) + w;
        count[wb] = (count[wb] as number) + k;
      }
      previousWord = word;
      hasPrevious = true;
      wordStart = -1;
    }
    c = c1;
    c1 = c2;
    c2 = c3;
    c3 = c4;
  }
  sum[block] = (sum[block] as number) + blockSum;
  count[block] = (count[block] as number) + blockCount;
}

/** The bucket of a named tag (a structure feature or a fired signal). */
export function tagBucket(tag: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < tag.length; i++) h = Math.imul(h ^ tag.charCodeAt(i), FNV_PRIME);
  return bucket(h, SEED_TAG);
}
