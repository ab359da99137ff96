import type { Signal } from '../signal.js';

// Named jailbreak personas and modes that circulate as copy-paste prompts. "DAN" is also a first
// name and "developer mode" an Android setting, so each needs its jailbreak context.

// Modes that only exist in jailbreak prompts, and modes that are also real settings or game cheats.
const JB_MODES =
  'dan|jailbreak|jailbroken|evil|chaos|unrestricted|unfiltered|uncensored|opposite|unlocked|freedom|dude|stan|antigpt|anti_gpt|maximum|omega|apophis|betterdan';
const ANY_MODES = `${JB_MODES}|developer|dev|god|sudo`;

/** "Do Anything Now", "act as DAN", "ChatGPT with Developer Mode enabled", "[🔓JAILBREAK]". */
export const knownJailbreak: Signal = {
  name: 'known_jailbreak',
  weight: 0.6,
  phrases: [
    { lang: 'en', phrase: 'do|does|doing anything|everything now' },
    { lang: 'en', phrase: 'dan|dans|stan|dude|aim|dangpt [,] [which|that|who] stands|stand for' },
    {
      lang: 'en',
      phrase:
        'act|acting|pretend|roleplay|behave|simulate|emulate|embody|impersonate|become|becoming|immerse [yourself] [as|to_be|like|into_the_role_of|in_the_role_of|the_role_of] [a|an|the] dan|stan|dude|betterdan|antigpt|anti-gpt|dan-?gpt|jailbreak|jailbroken',
    },
    { lang: 'en', phrase: `chatgpt|gpt|bard|claude|you with|in|into [the] ${ANY_MODES} mode` },
    {
      lang: 'en',
      phrase: 'you_are|youre|you_will_be|become|becoming [now] [a|the] dan|stan|betterdan|antigpt|dangpt',
    },
    {
      lang: 'en',
      phrase: `simulate|emulate|enable|activate|enter|switch_to|stay_in|remain_in ${JB_MODES} mode`,
    },
    { lang: 'en', phrase: `simulate|emulate|pretend_to_be_in|act_as_if_in [a|the] ${ANY_MODES} mode` },
    {
      lang: 'en',
      phrase: `${JB_MODES} mode enabled|activated|output|outputs|response|responses|polic%|is_enabled|has_been_enabled|which|that`,
    },
    { lang: 'en', phrase: 'developer|dev|god mode output|outputs|response|responses|polic%' },
    { lang: 'en', phrase: 'betterdan|antigpt|jailbreakgpt|evilbot|basedgpt|chatdan|dangpt' },
    { lang: 'es', phrase: 'modo dan|jailbreak|malvado|sin_restricciones|sin_filtros|sin_censura' },
    { lang: 'es', phrase: 'modo desarrollador ~3 chatgpt|respuesta|respuestas|salida' },
    { lang: 'es', phrase: 'haz|hace|hacer cualquier_cosa ahora' },
    { lang: 'de', phrase: 'dan|jailbreak modus' },
    { lang: 'de', phrase: 'entwicklermodus|entwickler_modus ~3 chatgpt|antwort|antworten|ausgabe' },
    { lang: 'de', phrase: 'tu|tue|macht|mache jetzt_alles|alles_jetzt' },
    { lang: 'fr', phrase: 'mode dan|jailbreak|sans_restriction|sans_restrictions|sans_filtre|sans_censure' },
    { lang: 'fr', phrase: 'mode developpeur ~3 chatgpt|reponse|reponses|sortie' },
    { lang: 'fr', phrase: 'fais|fait|faire n_importe_quoi maintenant' },
  ],
  patterns: [
    {
      lang: 'any',
      view: 'text',
      pattern:
        /[[(]\s?🔓|[[(]\s?(?:jailbreak|jailbroken|developer mode output|dan mode|unlocked|🔓)\s?[\])]/gu,
    },
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:开发者模式|開發者模式|开发人员模式|越狱|越獄|dan模式|上帝模式|无限制模式|無限制模式|邪恶模式|邪惡模式|现在做任何事|現在做任何事)/g,
    },
  ],
  compact: [
    {
      lang: 'en',
      pattern:
        /(?:doanythingnow|developermodeenabled|developermodeoutput|danmodeenabled|jailbreakmode|actasdan)/g,
    },
  ],
};

/** The word "jailbreak", bare jailbreak mode names: weak alone (phones get jailbroken too). */
export const jailbreakTerm: Signal = {
  name: 'jailbreak_term',
  weight: 0.15,
  repeatable: false,
  phrases: [
    { lang: 'en', phrase: 'jailbreak|jailbreaks|jailbroken|jailbreaking|prompt_injection' },
    { lang: 'en', phrase: `${ANY_MODES} mode` },
  ],
};
