import { combine } from './score.js';
import type { Language } from './signal.js';
import { LANGUAGES } from './signal.js';
import { SIGNALS } from './signal-catalog.js';
import { compileSignals, scanSignals } from './signal-scan.js';
import { loadStyleModel, styleProbability } from './style-model.js';

/** Name reported in `signals` when the learned style model reaches the threshold and decided the score. */
export const JAILBREAK_STYLE = 'jailbreak_style';

/**
 * Signals (and co-occurrences of them) that only describe the shape of a role set-up: "you are X",
 * "stay in character", "always respond…", a named AI with its own rules. On texts the style model
 * reads (STYLE_MIN_WORDS words or more), these alone never decide; the style model does.
 */
export const PERSONA_SHAPE_SIGNALS: ReadonlySet<string> = new Set([
  'persona_framing',
  'persona_switch',
  'character_lock',
  'response_control',
  'template_placeholder',
  'named_ai_persona',
  'ai_denial',
  'persona_rulebook',
  'ai_policy_reference',
  'dual_response',
  'ai_persona_setup',
  'persona_rules',
  'assistant_redefinition',
]);

/** Score at or above which `detect` reports `blocked`, tuned on the development split (see README). */
export const DEFAULT_THRESHOLD = 0.5;

/** Options for `createInjectionDetector`. */
export type InjectionDetectorOptions = {
  /** Block when the score is at or above this value, in [0, 1]. Default DEFAULT_THRESHOLD. */
  readonly threshold?: number;
  /** Languages whose phrase rules run; language-neutral rules always run. Default: all. */
  readonly languages?: readonly Language[];
  /**
   * Whether the learned style model (src/style-weights.json) scores too; default true. Without it
   * the score comes from the hand-written signals alone.
   */
  readonly learned?: boolean;
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
  const style = options.learned === false ? undefined : loadStyleModel();
  return {
    threshold,
    detect(text: string): InjectionResult {
      const scan = scanSignals(compiled, text);
      const combined = combine(SIGNALS, scan.hits);
      const learned = style === undefined ? undefined : styleProbability(style, scan.normalized);
      let raw = combined.score;
      if (learned !== undefined) {
        // Persona-shape signals alone say only that the text sets up a role with rules, which
        // benign role-play, tutoring and custom instructions do as much as jailbreaks: the style
        // model, fitted to tell those apart, decides. Any other signal is evidence of its own, so
        // the stronger of the two opinions counts: signals are precise on short attacks and
        // survive padding; the style model sees set-ups that name no unlocking phrase.
        raw = combined.fired.every((name) => PERSONA_SHAPE_SIGNALS.has(name))
          ? learned
          : Math.max(raw, learned);
      }
      // Three decimals: enough to compare with a threshold, and stable in logs and audit records.
      const score = Math.round(raw * 1000) / 1000;
      const signals =
        learned !== undefined && learned >= threshold && learned >= combined.score
          ? [...combined.fired, JAILBREAK_STYLE]
          : combined.fired;
      return { score, blocked: score >= threshold, signals };
    },
  };
}
