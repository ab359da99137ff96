import type { Signal } from '../signal.js';

// Persona jailbreaks that never name an unlock: they build a *named AI* (an "AI called X", "MadGPT",
// an "alter ego") with its own rules, force a persona tag on every answer ("always answer 'As X'"),
// or make the model deny being an AI. Benign role-play casts people (Cersei, a yoga instructor),
// not other AIs, so each cue is light and only counts with role-play framing (see score.ts).

/** "Another AI called X", "MadGPT", "your alter ego", "always answer 'As X'", "you are now a robot". */
export const namedAiPersona: Signal = {
  name: 'named_ai_persona',
  weight: 0.2,
  repeatable: false,
  phrases: [
    {
      lang: 'en',
      phrase:
        'ai|bot|chatbot|robot|android|machine|ai_model|language_model|program|algorithm called|named|known_as|nicknamed|dubbed',
    },
    {
      lang: 'en',
      phrase:
        'another|other|second|alternative|alternate|different|fictional|hypothetical|rogue|evil|new|virtual|sentient|unrestricted|superintelligent|advanced ai|ais|bot|chatbot|robot|language_model|ai_model|ai_system',
    },
    {
      lang: 'en',
      phrase:
        'ai|bot|chatbot|robot that|who|which hates|despises|will_never_judge|never_judges|doesnt_care|does_not_care|never_refuses|will_never_refuse|has_no_(?:limits|filters|morals|ethics)',
    },
    { lang: 'en', phrase: 'alter_ego|alter_egos|evil_twin|dark_side|shadow_self|inner_demon' },
    {
      lang: 'en',
      phrase:
        'you_are|youre now|going_to_be|to_be [a|an] [hypothetical|fictional|sentient|rogue|evil|new] robot|ai|chatbot|bot|machine|terminal|operating_system|computer',
    },
  ],
  patterns: [
    // A made-up "…GPT" model name (MadGPT, UncycloGPT, GPT-X); plain ChatGPT and GPT-3/4 are not names.
    // Anchored on "gpt" with a look-behind, so only the few places where "gpt" occurs do any work.
    {
      lang: 'any',
      view: 'text',
      pattern: /(?<=(?<![a-z])(?!chat)[a-z]{2,20}[.-]?)gpt\b|\bgpt-[a-z]{1,6}\b/g,
    },
    // A quoted name in apposition to an AI: act as "BreadClyde", a bread-loving AI.
    {
      lang: 'any',
      view: 'text',
      pattern:
        /["“][a-z0-9 .-]{1,30}[,.]?["”],? (?:an? |the )?(?:[a-z-]{1,20} ){0,3}(?:ai|bot|chatbot|robot)\b/g,
    },
    // A persona tag forced on every answer: always answer "As Trump", reply with "X:".
    {
      lang: 'en',
      view: 'text',
      pattern: /\b(?:answer|respond|reply|start)[a-z]{0,3} (?:with |by saying |only )?["“'«]as [a-z]/g,
    },
  ],
};

/** "Programmed to give harmful responses", "you are not allowed to say you are an AI". */
export const aiDenial: Signal = {
  name: 'ai_denial',
  weight: 0.3,
  phrases: [
    {
      lang: 'en',
      phrase:
        'never|not_allowed_to|do_not|dont|must_not|mustnt|cannot|cant|will_not|wont|shall_not|not|stop say|mention|admit|reveal|remind|tell|state|disclose|acknowledge ~2 you_are|youre|that_you_are|that_youre|being ~1 an_ai|a_language_model|an_ai_language_model|a_bot|a_chatbot|an_assistant|artificial',
    },
    {
      lang: 'en',
      phrase:
        'programmed|designed|built|created|trained|made|meant to [intentionally|deliberately|purposely|always] ~2 harm%|incorrect|wrong|false|mislead%|deceiv%|insult%|offend%|chaos|destroy%|manipulat%|lie|lies',
    },
    {
      lang: 'en',
      phrase:
        'answer|answers|answering|respond|responds|responding|reply|replies|say|says|tell ~3 the_opposite|in_reverse|reversed|opposite_(?:of|to)|inverse%|inverted|backwards',
    },
    {
      lang: 'en',
      phrase:
        'opposite of|to what [the_user|i|you|users|people] ~2 want%|ask%|request%|expect%|would|say%|should',
    },
  ],
};

/** "Rules for BreadClyde:", "a game with the following rules": a persona with its own rule book. */
export const personaRulebook: Signal = {
  name: 'persona_rulebook',
  weight: 0.15,
  repeatable: false,
  phrases: [
    {
      lang: 'en',
      phrase:
        'rules|rule_set|ruleset|guidelines|commandments|laws for|of [the|this|that|your|our] game|character|persona|roleplay|role_play|simulation|bot|ai',
    },
    {
      lang: 'en',
      phrase: 'following|these|here_are_the|new|your|its|his|her|my rules|rule_set|ruleset|commandments',
    },
  ],
  // A rule book headed by a name: "Rules for BreadClyde:".
  patterns: [{ lang: 'en', view: 'text', pattern: /\brules for [a-z0-9 -]{1,30}:/g }],
};
