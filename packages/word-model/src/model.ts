// A linear model over the distinct words and adjacent word pairs of a text: probability =
// logistic(bias + norm(words) × Σ weight of each distinct feature present). Every feature is a
// word (`dan`) or two words (`developer mode`), so the stored weights read as a ranked list.

/** A model as stored on disk (JSON): [feature, weight] pairs, highest weight first. */
export type WordModelFile = {
  readonly description: string;
  /** How the model was made: data, hyper-parameters, cross-validated rates. Informational. */
  readonly training: Readonly<Record<string, unknown>>;
  /** Intercept, already shifted so that probability 0.5 is the chosen operating point. */
  readonly bias: number;
  readonly weights: readonly (readonly [string, number])[];
};

/**
 * A feature's weight and the number of the last call that counted it: features count once per text,
 * and comparing call numbers avoids building a set of seen features per call.
 */
type Weight = { readonly weight: number; counted: number };

/** A word's own weight (0 when only its pairs carry one) and the weights of the pairs it starts. */
type WordEntry = { weight: number; counted: number; next: Map<string, Weight> | undefined };

/** A model compiled for one map lookup per word, without building a string per word pair. */
export type WordModel = {
  readonly bias: number;
  readonly words: ReadonlyMap<string, WordEntry>;
  /** Number of the current call, for the `counted` marks. */
  calls: number;
};

/**
 * One over the square root of the number of features of a text of `wordCount` words (its words plus
 * adjacent pairs) and `extraCount` extra features, so that a long text does not score high by length alone.
 */
export function featureNorm(wordCount: number, extraCount = 0): number {
  return 1 / Math.sqrt(Math.max(1, 2 * wordCount - 1 + extraCount));
}

/** Every distinct feature of a word list: the words, and adjacent pairs joined by one space. */
export function wordFeatures(words: readonly string[]): Set<string> {
  const features = new Set<string>(words);
  for (let i = 1; i < words.length; i++) features.add(`${words[i - 1]} ${words[i]}`);
  return features;
}

/** Compiles a stored model for `wordProbability`. Words must not contain spaces. */
export function compileWordModel(file: WordModelFile): WordModel {
  const words = new Map<string, WordEntry>();
  const entry = (word: string): WordEntry => {
    let found = words.get(word);
    if (found === undefined) {
      found = { weight: 0, counted: 0, next: undefined };
      words.set(word, found);
    }
    return found;
  };
  for (const [feature, weight] of file.weights) {
    if (!Number.isFinite(weight)) throw new RangeError(`weight of "${feature}" is not a finite number`);
    const space = feature.indexOf(' ');
    if (space < 0) {
      entry(feature).weight = weight;
      continue;
    }
    const first = entry(feature.slice(0, space));
    first.next ??= new Map();
    first.next.set(feature.slice(space + 1), { weight, counted: 0 });
  }
  if (!Number.isFinite(file.bias)) throw new RangeError('bias is not a finite number');
  return { bias: file.bias, words, calls: 0 };
}

/**
 * The logistic of the bias plus the normalised sum of the weights of the distinct features. Linear in
 * the input. `extras` are features the caller derived itself (tags without spaces); they count like
 * single words but never form pairs.
 */
export function wordProbability(
  model: WordModel,
  words: readonly string[],
  extras: readonly string[] = [],
): number {
  const call = ++model.calls;
  let sum = 0;
  for (const extra of extras) {
    const entry = model.words.get(extra);
    if (entry !== undefined && entry.counted !== call) {
      entry.counted = call;
      sum += entry.weight;
    }
  }
  let pairs: ReadonlyMap<string, Weight> | undefined;
  for (const word of words) {
    const single = model.words.get(word);
    if (single !== undefined && single.counted !== call) {
      single.counted = call;
      sum += single.weight;
    }
    const pair = pairs?.get(word);
    if (pair !== undefined && pair.counted !== call) {
      pair.counted = call;
      sum += pair.weight;
    }
    pairs = single?.next;
  }
  return logistic(model.bias + sum * featureNorm(words.length, extras.length));
}

/** 1 / (1 + e^−z). */
export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
