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
 * Several models over one vocabulary, compiled for one map lookup per word (and one per word pair)
 * for all of them at once: the built-in topics' gate and attribution models share most of their
 * features, so one copy of each feature string serves every model, and the weights are a flat
 * array (`weights[slot × size + model]`) instead of an object per feature and model.
 */
export type WordModelSet = {
  /** Number of models. */
  readonly size: number;
  readonly biases: Float64Array;
  /** The slot of each word (a word with pairs but no weight of its own has one too). */
  readonly words: ReadonlyMap<string, number>;
  /** Per word slot, the second words of the pairs it starts and their slots. */
  readonly pairs: readonly (ReadonlyMap<string, number> | undefined)[];
  readonly weights: Float64Array;
  /**
   * The number of the last call that counted each slot: features count once per text, and comparing
   * call numbers avoids building a set of seen features per call.
   */
  readonly counted: Uint32Array;
  calls: number;
};

/** One model, compiled for `wordProbability`: a set of one. */
export type WordModel = WordModelSet;

/**
 * Compiles stored models for `wordProbabilities`, in the order given. Words must not contain
 * spaces.
 */
export function compileWordModels(files: readonly WordModelFile[]): WordModelSet {
  const size = files.length;
  const words = new Map<string, number>();
  const pairs: (Map<string, number> | undefined)[] = [];
  let slots = 0;
  const wordSlot = (word: string): number => {
    let slot = words.get(word);
    if (slot === undefined) {
      slot = slots++;
      words.set(word, slot);
    }
    return slot;
  };
  const featureSlot = (feature: string): number => {
    const space = feature.indexOf(' ');
    if (space < 0) return wordSlot(feature);
    const first = wordSlot(feature.slice(0, space));
    const second = feature.slice(space + 1);
    let next = pairs[first];
    if (next === undefined) {
      next = new Map();
      pairs[first] = next;
    }
    let slot = next.get(second);
    if (slot === undefined) {
      slot = slots++;
      next.set(second, slot);
    }
    return slot;
  };
  const placed = files.map((file) => {
    if (!Number.isFinite(file.bias)) throw new RangeError('bias is not a finite number');
    return file.weights.map(([feature, weight]) => {
      if (!Number.isFinite(weight)) throw new RangeError(`weight of "${feature}" is not a finite number`);
      return featureSlot(feature);
    });
  });
  const weights = new Float64Array(slots * size);
  files.forEach((file, model) => {
    const slotsOf = placed[model]!;
    file.weights.forEach(([, weight], index) => {
      weights[slotsOf[index]! * size + model] = weight;
    });
  });
  pairs.length = slots;
  return {
    size,
    biases: Float64Array.from(files, (file) => file.bias),
    words,
    pairs,
    weights,
    counted: new Uint32Array(slots),
    calls: 0,
  };
}

/** Compiles one stored model for `wordProbability`. Words must not contain spaces. */
export function compileWordModel(file: WordModelFile): WordModel {
  return compileWordModels([file]);
}

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

/**
 * The logistic of the bias plus the normalised sum of the weights of the distinct features, for
 * every model of the set, into `into` (one probability per model, in compile order). Linear in the
 * input. `extras` are features the caller derived itself (tags without spaces); they count like
 * single words but never form pairs.
 */
export function wordProbabilities(
  set: WordModelSet,
  words: readonly string[],
  extras: readonly string[] = [],
  into: Float64Array = new Float64Array(set.size),
): Float64Array {
  const { size, weights, counted } = set;
  // Wraps after 2^32 calls, far beyond a stale mark's lifetime (one call).
  set.calls = (set.calls + 1) >>> 0 || 1;
  const call = set.calls;
  into.fill(0);
  const add = (slot: number) => {
    if (counted[slot] === call) return;
    counted[slot] = call;
    const base = slot * size;
    for (let model = 0; model < size; model++) into[model]! += weights[base + model]!;
  };
  for (const extra of extras) {
    const slot = set.words.get(extra);
    if (slot !== undefined) add(slot);
  }
  let pairs: ReadonlyMap<string, number> | undefined;
  for (const word of words) {
    const single = set.words.get(word);
    if (single !== undefined) add(single);
    const pair = pairs?.get(word);
    if (pair !== undefined) add(pair);
    pairs = single === undefined ? undefined : set.pairs[single];
  }
  const norm = featureNorm(words.length, extras.length);
  for (let model = 0; model < size; model++) into[model] = logistic(set.biases[model]! + into[model]! * norm);
  return into;
}

/** `wordProbabilities` of a single model. */
export function wordProbability(
  model: WordModel,
  words: readonly string[],
  extras: readonly string[] = [],
): number {
  return wordProbabilities(model, words, extras)[0]!;
}

/** 1 / (1 + e^−z). */
export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
