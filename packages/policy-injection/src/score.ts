import type { Signal } from './signal.js';

// Signals combine by noisy-OR: each is treated as independent evidence that the text is an
// attack, so score = 1 − Π(1 − wᵢ). A repeatable signal that fires h times counts as 1 + (h − 1)/2
// independent hits, so repetition adds up without one repeated phrase dominating.
// Co-occurrence rules add evidence that is stronger than the parts: role-play framing is harmless
// and so is "no filters" in a photo forum, but "you are X, an AI with no filters" is a jailbreak.

/** Evidence that only counts when signals fire together. */
export type CoOccurrence = {
  readonly name: string;
  readonly weight: number;
  /** At least one of these must fire… */
  readonly anyOf: readonly string[];
  /** …and at least one of these. */
  readonly withAnyOf: readonly string[];
};

/** The co-occurrence rules, reported in `signals` under their own names when they apply. */
export const CO_OCCURRENCES: readonly CoOccurrence[] = [
  {
    name: 'persona_unlock',
    weight: 0.35,
    anyOf: ['persona_framing', 'persona_switch', 'known_jailbreak', 'dual_response'],
    // Not character_lock: "stay in character" is ordinary in benign role-play.
    withAnyOf: [
      'unrestricted_persona',
      'unrestricted_word',
      'refusal_suppression',
      'harm_permission',
      'known_jailbreak',
    ],
  },
  {
    // A made-up AI given its own rules: "you will act as BreadClyde, an AI… Rules for BreadClyde".
    name: 'ai_persona_setup',
    weight: 0.3,
    anyOf: ['named_ai_persona', 'ai_denial'],
    withAnyOf: [
      'persona_framing',
      'persona_switch',
      'response_control',
      'character_lock',
      'ai_policy_reference',
    ],
  },
  {
    // Role-play that hands the character its own rule book: "act as X… follow the following rules".
    name: 'persona_rules',
    weight: 0.2,
    anyOf: ['persona_rulebook'],
    withAnyOf: ['persona_framing', 'persona_switch'],
  },
  {
    name: 'assistant_redefinition',
    weight: 0.2,
    anyOf: ['persona_framing', 'persona_switch'],
    withAnyOf: ['ai_policy_reference'],
  },
  {
    name: 'override_and_replace',
    weight: 0.3,
    anyOf: ['instruction_override'],
    withAnyOf: [
      'persona_switch',
      'new_instructions',
      'system_prompt_extraction',
      'fake_role_markup',
      'unrestricted_persona',
      'unrestricted_word',
    ],
  },
];

/** Effective number of independent hits for a signal that fired `hits` times. */
function strength(signal: Signal, hits: number): number {
  if (hits === 0) return 0;
  return signal.repeatable === false ? 1 : 1 + (hits - 1) / 2;
}

/** Result of combining signal hits: the score and the names of everything that contributed. */
export type Combined = { readonly score: number; readonly fired: readonly string[] };

/** Combines per-signal hit counts (indexed like `signals`) into a score in [0, 1]. */
export function combine(signals: readonly Signal[], hits: Uint8Array): Combined {
  let miss = 1;
  const fired: string[] = [];
  const firedSet = new Set<string>();
  signals.forEach((signal, index) => {
    const h = hits[index] ?? 0;
    if (h === 0) return;
    miss *= (1 - signal.weight) ** strength(signal, h);
    fired.push(signal.name);
    firedSet.add(signal.name);
  });
  for (const rule of CO_OCCURRENCES) {
    const left = rule.anyOf.filter((n) => firedSet.has(n));
    const right = rule.withAnyOf.filter((n) => firedSet.has(n));
    // Two different signals are needed; known_jailbreak sits on both sides of persona_unlock.
    if (
      left.length === 0 ||
      right.length === 0 ||
      (left.length === 1 && right.length === 1 && left[0] === right[0])
    ) {
      continue;
    }
    miss *= 1 - rule.weight;
    fired.push(rule.name);
  }
  return { score: 1 - miss, fired };
}
