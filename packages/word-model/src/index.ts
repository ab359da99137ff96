// Scoring
export {
  compileWordModel,
  compileWordModels,
  featureNorm,
  logistic,
  wordFeatures,
  wordProbabilities,
  wordProbability,
} from './model.js';
export type { WordModel, WordModelFile, WordModelSet } from './model.js';

// Training (for the scripts that fit the shipped models)
export { crossValidate, formatModelFile, toModelFile, trainedProbability, trainWordModel } from './train.js';
export type { Example, TrainedModel, TrainingOptions } from './train.js';

// Reading and writing (or checking) the stored form
export { readModelFile } from './read-model-file.js';
export { saveModelFile } from './save.js';
