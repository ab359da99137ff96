import { combine } from './score.js';
import type { Language } from './signal.js';
import { LANGUAGES } from './signal.js';
import { SIGNALS } from './signal-catalog.js';
import { compileSignals, scanSignals } from './signal-scan.js';

/** Score at or above which `detect` reports `blocked`, tuned on the development split (see README). */
export const DEFAULT_THRESHOLD = 0.5;

/** Options for `createInjectionDetector`. */
export type InjectionDetectorOptions = {
  /** Block when the score is at or above this value, in [0, 1]. Default DEFAULT_THRESHOLD. */
  readonly threshold?: number;
  /** Languages whose phrase rules run; language-neutral rules always run. Default: all. */
  readonly languages?: readonly Language[];
};

/** What the detector concluded about one text. */
export type InjectionResult = {
  /** Combined evidence in [0, 1], rounded to three decimals. */
  readonly score: number;
  /** Whether `score` reached the threshold. */
  readonly blocked: boolean;
  /** Names of the signals (and co-occurrence rules) that fired; never the matched text. */
  readonly signals: readonly string[];
};

/** A compiled detector; create it once and call `detect` per text. */
export type InjectionDetector = {
  readonly threshold: number;
  detect(text: string): InjectionResult;
};

/** Compiles the signal tables once and returns a detector for prompt injections and jailbreaks. */
export function createInjectionDetector(options: InjectionDetectorOptions = {}): InjectionDetector {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new RangeError(`threshold must be a number in [0, 1], got ${String(threshold)}`);
  }
  const languages = options.languages ?? LANGUAGES;
  for (const language of languages) {
    if (!(LANGUAGES as readonly string[]).includes(language)) {
      throw new RangeError(`unknown language "${String(language)}"; expected one of ${LANGUAGES.join(', ')}`);
    }
  }
  const compiled = compileSignals(SIGNALS, languages);
  return {
    threshold,
    detect(text: string): InjectionResult {
      const combined = combine(SIGNALS, scanSignals(compiled, text));
      // Three decimals: enough to compare with a threshold, and stable in logs and audit records.
      const score = Math.round(combined.score * 1000) / 1000;
      return { score, blocked: score >= threshold, signals: combined.fired };
    },
  };
}
