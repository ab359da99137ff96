/**
 * Every language the `languages` option accepts, in the order the README lists them. The learned
 * layer reads all of them; the first five also have phrase rules of their own.
 */
export const LANGUAGES = [
  'en',
  'es',
  'de',
  'fr',
  'zh',
  'it',
  'pt',
  'ja',
  'ru',
  'ko',
  'ar',
  'hi',
  'nl',
  'pl',
  'tr',
] as const;

/** A language the detector knows; language-neutral rules (markup, encodings) always run. */
export type Language = (typeof LANGUAGES)[number];

/**
 * A phrase over the normalised text, written as space-separated pieces (see phrase.ts):
 * `'ignore|disregard all|any? ~2 previous|prior instructions|rules'`.
 */
export type PhraseRule = { readonly lang: Language | 'any'; readonly phrase: string };

/**
 * A regular expression over the normalised text ('text'), or over the Han regions of its
 * letters-only form ('han': spaces and punctuation removed, for Chinese phrases).
 */
export type PatternRule = {
  readonly lang: Language | 'any';
  readonly view: 'text' | 'han';
  readonly pattern: RegExp;
};

/** One named, weighted piece of evidence; the detector combines the weights of the signals that fire. */
export type Signal = {
  readonly name: string;
  /** Probability-like weight in (0, 1) of the first hit; more hits of the same signal add less (see score.ts). */
  readonly weight: number;
  /**
   * Whether further hits add evidence (default true). False for signals that recur in long benign
   * documents, such as mentions of OpenAI, where ten mentions say no more than one.
   */
  readonly repeatable?: boolean;
  readonly phrases?: readonly PhraseRule[];
  readonly patterns?: readonly PatternRule[];
  /**
   * Patterns over the letters-only text, also tried on its ROT13 and reversed forms, that catch the
   * family's core phrases when they are split (`ig-no-re`), glued (`ignore_previous`) or ciphered.
   */
  readonly compact?: readonly { readonly lang: Language | 'any'; readonly pattern: RegExp }[];
};
