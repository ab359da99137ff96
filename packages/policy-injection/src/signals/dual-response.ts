import type { Signal } from '../signal.js';

// The "answer twice" format: one normal answer and one from the unlocked persona, usually tagged.

/** "Respond in two different ways", "[🔒CLASSIC] … [🔓JAILBREAK]", "(Normal Output) … (Developer Mode Output)". */
export const dualResponse: Signal = {
  name: 'dual_response',
  weight: 0.3,
  phrases: [
    { lang: 'en', phrase: 'two|2|both different|separate|distinct|opposite [different|separate|distinct] ways|responses|answers|paragraphs|personalities|personas|outputs|replies|versions|characters|entities|modes' },
    { lang: 'en', phrase: 'one normal|regular|standard|classic|filtered|censored and|, one|the_other with|in|unfiltered|uncensored|jailbroken|unrestricted|dan|developer' },
    { lang: 'en', phrase: 'normal|classic|standard|default|regular|original|usual|filtered|censored response|output|answer|reply|mode ~6 jailbreak|jailbroken|unfiltered|uncensored|developer_mode|dan|unrestricted|evil|opposite' },
    { lang: 'en', phrase: 'how_you_would_normally|as_you_normally_would|your_usual_(?:response|answer) ~8 second|other|then|and' },
  ],
  patterns: [
    {
      lang: 'any',
      view: 'text',
      pattern: /[[(](?:🔒|🔓|😈|🤓)?\s?(?:classic|normal|gpt|chatgpt|jailbreak|dan|normal output|developer mode output|unfiltered|evil|unlocked|antigpt|betterdan|filtered)\s?[\])]\s?:?/gu,
    },
    { lang: 'any', view: 'text', pattern: /(?:^|\n)\W{0,3}(?:gpt|chatgpt|dan|normal|classic|jailbreak|developer mode)\s?(?:response|output)?\s?:/g },
  ],
};
