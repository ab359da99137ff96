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
  compileWordModel,
  type WordModel,
  type WordModelFile,
  wordProbability,
} from '@keeptrusts/word-model';
import hateSpeech from './learned/hate_speech.json' with { type: 'json' };
import illegalActivity from './learned/illegal_activity.json' with { type: 'json' };
import malware from './learned/malware.json' with { type: 'json' };
import request from './learned/request.json' with { type: 'json' };
import selfHarm from './learned/self_harm.json' with { type: 'json' };
import violence from './learned/violence.json' with { type: 'json' };
import weaponsManufacturing from './learned/weapons_manufacturing.json' with { type: 'json' };

/** The stored models: the gate under `request`, then one attribution model per built-in topic. */
export const learnedModelFiles: Readonly<Record<string, WordModelFile>> = {
  request: request as unknown as WordModelFile,
  weapons_manufacturing: weaponsManufacturing as unknown as WordModelFile,
  illegal_activity: illegalActivity as unknown as WordModelFile,
  self_harm: selfHarm as unknown as WordModelFile,
  malware: malware as unknown as WordModelFile,
  hate_speech: hateSpeech as unknown as WordModelFile,
  violence: violence as unknown as WordModelFile,
};

/** Signal reported when the learned layer, not a lexicon rule, matched a topic. */
export const LEARNED_SIGNAL = 'learned_model';

/** The compiled learned layer: the gate and the attribution models. */
export type LearnedLayer = {
  /** The topic the words ask for help with and the gate's probability, or undefined below 0.5. */
  classify(
    words: readonly string[],
    extras: readonly string[],
  ): { readonly topic: string; readonly score: number } | undefined;
};

let layer: LearnedLayer | undefined;

/** The learned layer, compiled once per process. */
export function learnedLayer(): LearnedLayer {
  if (layer !== undefined) return layer;
  const gate = compileWordModel(learnedModelFiles.request!);
  const topics: [string, WordModel][] = Object.entries(learnedModelFiles)
    .filter(([name]) => name !== 'request')
    .map(([name, file]) => [name, compileWordModel(file)]);
  layer = {
    classify(words, extras) {
      const score = wordProbability(gate, words, extras);
      if (score < 0.5) return undefined;
      let best: string | undefined;
      let bestP = -1;
      for (const [topic, model] of topics) {
        const p = wordProbability(model, words, extras);
        if (p > bestP) {
          bestP = p;
          best = topic;
        }
      }
      return best === undefined ? undefined : { topic: best, score };
    },
  };
  return layer;
}
