import { identifyLanguage } from './language.js';
import { type LearnedModel, learnedProbability, loadLearnedModel } from './learned/model.js';
import { combine } from './score.js';
import type { Language } from './signal.js';
import { LANGUAGES } from './signal.js';
import { SIGNALS } from './signal-catalog.js';
import { type CompiledSignals, compileSignals, scanSignals } from './signal-scan.js';
import { structureTags } from './structure.js';

/** Name reported in `signals` when the learned layer's probability reaches the threshold. */
export const JAILBREAK_STYLE = 'jailbreak_style';

/**
 * Signals (and co-occurrences of them) that only describe the shape of a role set-up: "you are X",
 * "stay in character", "always respond…", a named AI with its own rules. With the learned layer
 * off, they score as before; with it on, every signal is one input of the learned layer.
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

/** Score at or above which `detect` reports `blocked`; the learned layer's operating point (see README). */
export const DEFAULT_THRESHOLD = 0.5;

/** Options for `createInjectionDetector`. */
export type InjectionDetectorOptions = {
  /** Block when the score is at or above this value, in [0, 1]. Default DEFAULT_THRESHOLD. */
  readonly threshold?: number;
  /**
   * Languages to scan in full: phrase rules where the language has them, and the learned layer's
   * verdict. A text identified as another of LANGUAGES is scored by the signals alone. Default: all.
   */
  readonly languages?: readonly Language[];
  /**
   * Whether the learned layer (src/learned/injection-model.json) decides; default true. Without it
   * the score comes from the hand-written signals alone.
   */
  readonly learned?: boolean;
};

/** What the detector concluded about one text. */
export type InjectionResult = {
  /** Evidence in [0, 1], rounded to three decimals: the learned layer's probability, or the signals' score. */
  readonly score: number;
  /** Whether `score` reached the threshold. */
  readonly blocked: boolean;
  /** Names of the signals (and co-occurrence rules) that fired, as named evidence; never the matched text. */
  readonly signals: readonly string[];
  /** Language of the text (one of LANGUAGES, or `und` if it cannot tell); set on blocked results only. */
  readonly language?: string;
};

/** A compiled detector; create it once and call `detect` per text. */
export type InjectionDetector = {
  readonly threshold: number;
  detect(text: string): InjectionResult;
};

/** The learned layer's tags for a text: its structure features and the signals that fired. */
function tagsOf(text: string, fired: readonly string[]): string[] {
  const tags = structureTags(text);
  for (const name of fired) tags.push(`s:${name}`);
  return tags;
}

let everyLanguage: CompiledSignals | undefined;

/** The text the learned layer reads: the normalised text, then what decoding revealed (base64, tag characters…). */
function learnedView(scan: { readonly normalized: string; readonly decoded: string }): string {
  return scan.decoded === '' ? scan.normalized : `${scan.normalized}\n${scan.decoded}`;
}

/**
 * What the learned layer reads of a text: the normalised text and the tags (structure features,
 * fired signals of every language). For scripts/train-model.ts, which must read texts exactly as
 * the detector does.
 */
export function learnedInputs(text: string): { normalized: string; tags: string[] } {
  everyLanguage ??= compileSignals(SIGNALS, LANGUAGES);
  const scan = scanSignals(everyLanguage, text);
  return { normalized: learnedView(scan), tags: tagsOf(text, combine(SIGNALS, scan.hits).fired) };
}

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
  const listed = new Set<string>(languages);
  // Only a restricted list needs the language of each text the learned layer would block.
  const gated = LANGUAGES.some((language) => !listed.has(language));
  const compiled = compileSignals(SIGNALS, languages);
  const model: LearnedModel | undefined = options.learned === false ? undefined : loadLearnedModel();
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    threshold,
    detect(text: string): InjectionResult {
      // No text, no evidence: the learned layer's prior says nothing about an empty message.
      if (text.trim() === '') return { score: 0, blocked: false, signals: [] };
      const scan = scanSignals(compiled, text);
      const combined = combine(SIGNALS, scan.hits);
      let raw = combined.score;
      let signals = combined.fired;
      let language: string | undefined;
      if (model !== undefined) {
        const p = learnedProbability(model, learnedView(scan), tagsOf(text, combined.fired));
        if (p >= threshold && gated) language = identifyLanguage(text);
        if (
          language === undefined ||
          listed.has(language) ||
          !(LANGUAGES as readonly string[]).includes(language)
        ) {
          raw = p;
          if (p >= threshold) signals = [...combined.fired, JAILBREAK_STYLE];
        }
      }
      const score = round(raw);
      const blocked = score >= threshold;
      if (!blocked) return { score, blocked, signals };
      return { score, blocked, signals, language: language ?? identifyLanguage(text) };
    },
  };
}
