import { featureNorm, logistic, type WordModelFile, wordFeatures } from './model.js';

/** One labelled text, already split into words, with any extra features (see `wordProbability`). */
export type Example = {
  readonly words: readonly string[];
  readonly extras?: readonly string[];
  readonly label: 0 | 1;
};

/** Hyper-parameters of `trainWordModel`. */
export type TrainingOptions = {
  /** L2 penalty per weight. */
  readonly l2: number;
  /** A feature must occur in at least this many training texts. */
  readonly minDocumentFrequency: number;
  /** Full-batch gradient steps. */
  readonly epochs: number;
  readonly learningRate: number;
  /** Weights smaller than this in absolute value are dropped from the result. */
  readonly pruneBelow: number;
};

/** A trained model before it is written out: the unshifted bias and the kept weights. */
export type TrainedModel = { readonly bias: number; readonly weights: ReadonlyMap<string, number> };

type Prepared = { readonly features: readonly string[]; readonly norm: number; readonly label: 0 | 1 };

function features(example: Example): Set<string> {
  const set = wordFeatures(example.words);
  for (const extra of example.extras ?? []) set.add(extra);
  return set;
}

function prepare(example: Example): Prepared {
  return {
    features: [...features(example)],
    norm: featureNorm(example.words.length, example.extras?.length ?? 0),
    label: example.label,
  };
}

/**
 * L2-regularised logistic regression by full-batch gradient descent from zero weights. Deterministic:
 * the same examples in the same order give the same model, bit for bit.
 */
export function trainWordModel(examples: readonly Example[], options: TrainingOptions): TrainedModel {
  const prepared = examples.map(prepare);
  const frequency = new Map<string, number>();
  for (const ex of prepared) for (const f of ex.features) frequency.set(f, (frequency.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [feature, count] of frequency)
    if (count >= options.minDocumentFrequency) index.set(feature, index.size);
  const rows = prepared.map((ex) => ({
    ids: Int32Array.from(ex.features.flatMap((f) => index.get(f) ?? [])),
    norm: ex.norm,
    label: ex.label,
  }));
  const w = new Float64Array(index.size);
  const gradient = new Float64Array(index.size);
  let bias = 0;
  const n = Math.max(1, rows.length);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (const row of rows) {
      let z = bias;
      for (const id of row.ids) z += (w[id] as number) * row.norm;
      const error = logistic(z) - row.label;
      for (const id of row.ids) gradient[id] = (gradient[id] as number) + error * row.norm;
      biasGradient += error;
    }
    for (let i = 0; i < w.length; i++) {
      w[i] =
        (w[i] as number) -
        options.learningRate * ((gradient[i] as number) / n + options.l2 * (w[i] as number));
    }
    bias -= (options.learningRate * biasGradient) / n;
  }
  const weights = new Map<string, number>();
  for (const [feature, id] of index) {
    const weight = w[id] as number;
    if (Math.abs(weight) >= options.pruneBelow) weights.set(feature, weight);
  }
  return { bias, weights };
}

/** The probability a trained (not yet written) model gives one example. */
export function trainedProbability(model: TrainedModel, example: Example): number {
  let sum = 0;
  for (const f of features(example)) sum += model.weights.get(f) ?? 0;
  return logistic(model.bias + sum * featureNorm(example.words.length, example.extras?.length ?? 0));
}

/**
 * k-fold cross-validation: fold k holds every k-th example; a model trained on the other folds
 * (only on examples `fit` accepts) scores the held fold. Returns one probability per example, in order.
 */
export function crossValidate(
  examples: readonly Example[],
  options: TrainingOptions,
  folds: number,
  fit: (example: Example) => boolean = () => true,
): number[] {
  const out = new Array<number>(examples.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const model = trainWordModel(
      examples.filter((ex, i) => i % folds !== k && fit(ex)),
      options,
    );
    examples.forEach((ex, i) => {
      if (i % folds === k) out[i] = trainedProbability(model, ex);
    });
  }
  return out;
}

/**
 * The stored form of a trained model with its operating point folded into the bias, so that
 * probability 0.5 means `cutOff`. Weights are rounded to four decimals and sorted, highest first.
 */
export function toModelFile(
  model: TrainedModel,
  cutOff: number,
  description: string,
  training: Readonly<Record<string, unknown>>,
): WordModelFile {
  if (!(cutOff > 0 && cutOff < 1)) throw new RangeError(`cut-off must be in (0, 1), got ${cutOff}`);
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const weights = [...model.weights]
    .map(([f, w]) => [f, round(w)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { description, training, bias: round(model.bias - Math.log(cutOff / (1 - cutOff))), weights };
}

/** JSON text for a model file: one [feature, weight] pair per line, so diffs and reviews read well. */
export function formatModelFile(file: WordModelFile): string {
  const { weights, ...head } = file;
  const headText = JSON.stringify(head, null, 1).replace(/\n}$/, '');
  const lines = weights.map(([f, w]) => `  [${JSON.stringify(f)}, ${w}]`);
  return `${headText},\n "weights": [\n${lines.join(',\n')}\n ]\n}\n`;
}
