// The learned layer of the built-in topics (@keeptrusts/word-model): logistic regressions over the
// words and word pairs of the normalised request, trained by scripts/train-learned.ts on the
// labelled requests of src/fixtures (tuning splits only) plus benign text from outside them.
//   - request.json, the gate: does the text ask for help with any built-in topic?
//   - <topic>.json, one per topic: which topic is it (that topic against the others)?
// A text the gate passes is attributed to the topic whose model scores highest. The layer catches
// requests phrased in ways no lexicon rule spells out ("whats the best way to get molly through
// airport security"); it never removes a lexicon match. Every file lists each feature (a word or
// two adjacent words) with its weight, highest first, for review.
import {
  compileWordModels,
  readModelFile,
  type WordModelFile,
  type WordModelSet,
  wordProbabilities,
} from '@keeptrusts/word-model';
import { builtinTopicNames } from './builtin-topics.js';

/**
 * The stored models: the gate under `request`, then one attribution model per built-in topic.
 * Read (about 2 MB of JSON) on each call and not kept: the learned layer keeps only its compiled
 * form, so importing the package, or a gateway without a learned `topic_block` rule, reads none of
 * them, and one that has it holds no second copy.
 */
export function learnedModelFiles(): Readonly<Record<string, WordModelFile>> {
  // tsconfig.json lists src/learned/*.json, so the build copies them beside this module.
  return Object.fromEntries(
    ['request', ...builtinTopicNames].map((name) => [
      name,
      readModelFile(new URL(`./learned/${name}.json`, import.meta.url)),
    ]),
  );
}

/** Signal reported when the learned layer, not a lexicon rule, matched a topic. */
export const LEARNED_SIGNAL = 'learned_model';

/** The compiled learned layer: the gate and the attribution models. */
export type LearnedLayer = {
  /**
   * The topics the words ask for help with (the best attributed one first, then every other whose
   * attribution model says yes) and the gate's probability, or undefined below 0.5.
   */
  classify(
    words: readonly string[],
    extras: readonly string[],
  ): { readonly topics: readonly string[]; readonly score: number } | undefined;
};

// An attribution model at or above this also names its topic, beside the best one: a request can
// belong to several topics (stalking is illegal and violent, #20).
const ALSO_ATTRIBUTED = 0.5;

let layer: LearnedLayer | undefined;

/**
 * One set of the gate, then the attribution models, scored together in one pass. A function of its
 * own so that the classifier's closure cannot keep the parsed files (2 MB of JSON, 8 MB in memory)
 * alive through a shared scope.
 */
function compileLearned(): { topics: readonly string[]; set: WordModelSet } {
  const models = learnedModelFiles();
  const topics = Object.keys(models).filter((name) => name !== 'request');
  return { topics, set: compileWordModels([models.request!, ...topics.map((name) => models[name]!)]) };
}

/** The learned layer, read and compiled once per process, when the first matcher that uses it is made. */
export function learnedLayer(): LearnedLayer {
  if (layer !== undefined) return layer;
  const { topics, set } = compileLearned();
  const scores = new Float64Array(set.size);
  layer = {
    classify(words, extras) {
      wordProbabilities(set, words, extras, scores);
      const score = scores[0]!;
      if (score < 0.5) return undefined;
      let best: string | undefined;
      let bestP = -1;
      const also: string[] = [];
      topics.forEach((topic, index) => {
        const p = scores[index + 1]!;
        if (p > bestP) {
          bestP = p;
          best = topic;
        }
        if (p >= ALSO_ATTRIBUTED) also.push(topic);
      });
      if (best === undefined) return undefined;
      return { topics: [best, ...also.filter((topic) => topic !== best)], score };
    },
  };
  return layer;
}
