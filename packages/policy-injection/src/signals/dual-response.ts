import type { Signal } from '../signal.js';

// The "answer twice" format: one normal answer and one from the unlocked persona, usually tagged.

/** "Respond in two different ways", "[🔒CLASSIC] … [🔓JAILBREAK]", "(Normal Output) … (Developer Mode Output)". */
export const dualResponse: Signal = {
  name: 'dual_response',
  weight: 0.3,
  phrases: [
    { lang: 'en', phrase: 'two|2 personalities|personas|persons_inside|people_inside|entities|alter_egos' },
    {
      lang: 'en',
      phrase:
        'two|2|both different|separate|distinct|opposite [different|separate|distinct] ways|persons|people|responses|answers|paragraphs|personalities|personas|outputs|replies|versions|characters|entities|modes',
    },
    {
      lang: 'en',
      phrase:
        'one normal|regular|standard|classic|filtered|censored and|, one|the_other with|in|unfiltered|uncensored|jailbroken|unrestricted|dan|developer',
    },
    {
      lang: 'en',
      phrase:
        'normal|classic|standard|default|regular|original|usual|filtered|censored response|output|answer|reply|mode ~6 jailbreak|jailbroken|unfiltered|uncensored|developer_mode|dan|unrestricted|evil|opposite',
    },
    {
      lang: 'en',
      phrase: 'normally|usual [would] [respond|answer|reply|response|answer] ~8 second|other|then|and',
    },
    {
      lang: 'en',
      phrase:
        'multiple|several|many|three|3 responses|answers|replies|outputs|voices ~3 different|separate|distinct|opposing perspectives|personas|personalities|characters|identities',
    },
    {
      lang: 'en',
      phrase:
        'compare|contrast|comparing|contrasting ~2 response%|answer%|repl%|output% from|of|by ~3 ai|model|chatbot|bot|language_model|persona',
    },
  ],
  patterns: [
    {
      lang: 'any',
      view: 'text',
      pattern:
        /[[(](?:🔒|🔓|😈|🤓)?\s?(?:classic|normal|gpt|chatgpt|jailbreak|dan|normal output|developer mode output|unfiltered|evil|unlocked|antigpt|betterdan|filtered)\s?[\])]\s?:?/gu,
    },
    {
      lang: 'any',
      view: 'text',
      pattern:
        /(?:^|\n)\W{0,3}(?:gpt|chatgpt|dan|normal|classic|jailbreak|developer mode)\s?(?:response|output)?\s?:/g,
    },
  ],
};
