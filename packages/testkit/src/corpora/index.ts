// Evaluation corpora for the detectors' scripts (eval, training): the labelled datasets this package
// ships (datasets/) and README text of the installed packages. Node-only; not part of the simulator.

export { datasetFile, datasetsRoot, repoRoot } from './paths.js';
export { piiSentences } from './pii-sentences.js';
export type { Row, Splits } from './prompt-injection.js';
export { datasetDir, isHeldOut, loadSplits } from './prompt-injection.js';
export type { ReadmeFreeze } from './readme-freeze.js';
export { frozenReadmePieces, refreshReadmeManifest, trainingReadmePieces } from './readme-freeze.js';
export type { DocPiece } from './readme-pieces.js';
export { readmePieces } from './readme-pieces.js';
