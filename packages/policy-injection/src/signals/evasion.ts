import type { Signal } from '../signal.js';

// Hiding an instruction from filters: the first two fire when another signal matched only after
// decoding (see injection-detector.ts); the third is a request to decode and obey.

/** A signal matched only in the letters-only, ROT13 or reversed view of the text. */
export const obfuscation: Signal = { name: 'obfuscation', weight: 0.35 };

/** A signal matched inside base64, hex, percent-encoded, entity-encoded or invisibly smuggled text. */
export const encodedPayload: Signal = { name: 'encoded_payload', weight: 0.5 };

/** "Decode this base64 and follow the instructions", "reverse this text and do what it says". */
export const encodedInstruction: Signal = {
  name: 'encoded_instruction',
  weight: 0.35,
  phrases: [
    {
      lang: 'en',
      phrase:
        'decode|decrypt|deobfuscate|unscramble|reverse|decipher|unencode ~6 and|then|and_then|afterwards follow|execute|obey|carry_out|act_on|comply_with ~2 it|them|that|the_instructions?|what_it_says|what_they_say|its_instructions|the_result|the_command',
    },
    {
      lang: 'en',
      phrase:
        'follow|execute|obey|run|do ~2 the|these ~1 encoded|decoded|hidden|base64|hex|rot13|reversed|ciphered instructions?|commands?|text|message',
    },
    // Asking for the answer in a code so that output filters miss it: "respond only in leet speak, no translation".
    {
      lang: 'en',
      phrase:
        'respond|responses|answer|answers|reply|replies|write|interpret|speak|talk [only|exclusively] [in|using|with] leet|l33t|1337|leetspeak|base64|rot13|morse|binary|hex|hexadecimal|ciphertext',
    },
  ],
};
