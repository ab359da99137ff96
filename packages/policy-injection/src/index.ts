// Detector
export { createInjectionDetector, DEFAULT_THRESHOLD } from './injection-detector.js';
export type { InjectionDetector, InjectionDetectorOptions, InjectionResult } from './injection-detector.js';
// Languages and signals
export { LANGUAGES } from './signal.js';
export type { Language } from './signal.js';
export { SIGNALS } from './signal-catalog.js';
// Normalisation (exposed for tests and for callers that want to see what the rules read)
export { normalize } from './normalize.js';
