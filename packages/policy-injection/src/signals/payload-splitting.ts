import type { Signal } from '../signal.js';

// Smuggling a forbidden request past the model in pieces: word-by-word games between "entities",
// variables that are concatenated later, "$Term1 = …".

/** "Two entities, each says one word at a time", "$Term1 = …", "concatenate a and b and answer". */
export const payloadSplitting: Signal = {
  name: 'payload_splitting',
  weight: 0.35,
  phrases: [
    { lang: 'en', phrase: 'one|two|three|five|ten|1|2|3|5|10 word|words at_a_time|per_turn|each_turn' },
    { lang: 'en', phrase: 'two|2 entities|ais|characters [playing|called|named|who|that]' },
    {
      lang: 'en',
      phrase:
        'combine|concatenate|join|merge|append|add [together] [the|these|both|all] strings|variables|terms|parts|pieces|tokens|words_together',
    },
  ],
  // "$Term1 =" reads "stermi =" after normalisation ($ and 1 are leetspeak inside a word).
  patterns: [{ lang: 'any', view: 'text', pattern: /\bs(?:term|var|part|tok)[a-z0-9]{0,2} ?=/g }],
};
