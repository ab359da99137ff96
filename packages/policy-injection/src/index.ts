import { createRequire } from 'node:module';
import { definePlugin } from '@keeptrusts/core';
import { promptInjection } from './prompt-injection.js';

// The prompt_injection policy
export { promptInjection } from './prompt-injection.js';

// Detector
export {
  createInjectionDetector,
  DEFAULT_THRESHOLD,
  JAILBREAK_STYLE,
  PERSONA_SHAPE_SIGNALS,
} from './injection-detector.js';
export type { InjectionDetector, InjectionDetectorOptions, InjectionResult } from './injection-detector.js';

// Rule config (the YAML shape the policy plugin validates)
export { promptInjectionConfig, SCAN_ROLES } from './config.js';
export type { PromptInjectionConfig } from './config.js';

// Languages and signals
export { LANGUAGES } from './signal.js';
export type { Language, Signal } from './signal.js';
export { SIGNALS } from './signal-catalog.js';
export { CO_OCCURRENCES } from './score.js';

// Learned layer (exposed for scripts/train-model.ts and for review)
export { learnedInputs } from './injection-detector.js';
export { BLOCK, forEachFeature, HASH_BITS, tagBucket } from './learned/features.js';
export { compileLearnedModel, learnedProbability, loadLearnedModel, rawLogit } from './learned/model.js';
export type { LearnedModel, LearnedModelFile } from './learned/model.js';
export { structureTags } from './structure.js';

// Language identification (franc-min)
export { identifyLanguage } from './language.js';

// Normalisation (exposed for tests and for callers that want to see what the rules read)
export { normalize } from './normalize.js';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The plugin manifest the gateway registers. */
export default definePlugin({ name: pkg.name, version: pkg.version, policies: [promptInjection] });
