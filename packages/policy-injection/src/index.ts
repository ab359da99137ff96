// Detector
export { createInjectionDetector, DEFAULT_THRESHOLD } from './injection-detector.js';
export type { InjectionDetector, InjectionDetectorOptions, InjectionResult } from './injection-detector.js';
// Rule config (the YAML shape the policy plugin validates)
export { promptInjectionConfig, SCAN_ROLES } from './config.js';
export type { PromptInjectionConfig } from './config.js';
// Languages and signals
export { LANGUAGES } from './signal.js';
export type { Language, Signal } from './signal.js';
export { SIGNALS } from './signal-catalog.js';
export { CO_OCCURRENCES } from './score.js';
// Normalisation (exposed for tests and for callers that want to see what the rules read)
export { normalize } from './normalize.js';
