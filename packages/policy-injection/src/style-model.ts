// The learned half of the detector: a logistic regression over the words and word pairs of the
// normalised text (@keeptrusts/word-model), trained by scripts/train-style.ts on the tuning part
// of the development set plus README text, never on the held-out part or the test file. It
// recognises the style of long persona jailbreaks ("stay in character", "no ethical guidelines",
// "developer mode output") that no single phrase rule pins down. style-weights.json lists every
// feature (a word or two adjacent words) with its weight, highest first, for review.
import { compileWordModel, readModelFile, type WordModel, wordProbability } from '@keeptrusts/word-model';

/**
 * Texts shorter than this many words get probability 0: the model was fitted to multi-paragraph
 * set-ups, and on a one-line question its word weights are noise. Short attacks are the
 * hand-written signals' job.
 */
export const STYLE_MIN_WORDS = 40;

const WORD = /[a-z0-9]+/g;

/** The words the model reads: runs of ASCII letters and digits of the normalised text. */
export function styleWords(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

let compiled: WordModel | undefined;

/**
 * The shipped model, read and compiled once per process (by the first detector that uses it, not at
 * import) and shared: scoring is synchronous, so detectors can share its per-call marks safely.
 */
export function loadStyleModel(): WordModel {
  // tsconfig.json lists style-weights.json, so the build copies it beside this module.
  compiled ??= compileWordModel(readModelFile(new URL('./style-weights.json', import.meta.url)));
  return compiled;
}

/** The model's probability that a normalised text is a jailbreak; undefined below STYLE_MIN_WORDS words. */
export function styleProbability(model: WordModel, normalized: string): number | undefined {
  const words = styleWords(normalized);
  return words.length < STYLE_MIN_WORDS ? undefined : wordProbability(model, words);
}
