import type { Signal } from '../signal.js';

// Role-play framing is everywhere in benign prompts ("You are a cunning Cersei Lannister…", "Act as
// a yoga instructor"), so on its own it weighs little; it matters when it co-occurs with an
// unlocking signal (see score.ts). Replacing the assistant's identity is a little stronger.

/** "Act as", "pretend to be", "roleplay as", "from now on you…": role-play framing. */
export const personaFraming: Signal = {
  name: 'persona_framing',
  weight: 0.08,
  repeatable: false,
  phrases: [
    { lang: 'en', phrase: 'act|acting|behave|respond|answer|reply|talk|speak as|like [a|an|if|though]' },
    { lang: 'en', phrase: 'pretend|pretending|imagine|suppose to_be|you_are|youre|that_you|to_have' },
    {
      lang: 'en',
      phrase:
        'roleplay|role_play|roleplaying|role_playing|simulate|simulating|emulate|impersonate|embody|personify|portray',
    },
    {
      lang: 'en',
      phrase:
        'you_are|youre|you_will|youll|you_must now|going_to|about_to|to be|act|play|become|pretend|roleplay|simulate',
    },
    {
      lang: 'en',
      phrase:
        'from_now_on|henceforth|starting_now|from_this_(?:moment|point)|rest_of_(?:this|our|the)_(?:conversation|chat|session)',
    },
    {
      lang: 'en',
      phrase:
        'take_on|take_up|assume|adopt|play|embody [the|a|an|this|that] ~1 role|persona|character|identity',
    },
    {
      lang: 'en',
      phrase: 'character as|named',
    },
    {
      lang: 'en',
      phrase:
        'create|imagine|invent|design|simulate|there_is a|an [hypothetical|fictional|imaginary|new|fictitious|rogue|evil] ai|language_model|chatbot|model|bot called|named|known_as',
    },
    {
      lang: 'es',
      phrase:
        'actua|actue|actuar|finge|finja|fingir|simula|simule|interpreta|interprete|haz_de|hazte_pasar_por como|ser|que|el|la|un|una',
    },
    { lang: 'es', phrase: 'a_partir_de_ahora|desde_ahora|de_ahora_en_adelante' },
    {
      lang: 'de',
      phrase: 'tu|tue|handle|verhalte|spiele|spiel|simuliere so_als_ob|als|die_rolle|den|eine|einen|wie',
    },
    { lang: 'de', phrase: 'ab_sofort|ab_jetzt|von_nun_an|von_jetzt_an' },
    {
      lang: 'fr',
      phrase:
        'agis|agissez|fais_semblant|faites_semblant|joue|jouez|simule|simulez|incarne|incarnez|comporte_toi|comportez_vous comme|d_etre|le_role|un|une',
    },
    { lang: 'fr', phrase: 'a_partir_de_maintenant|desormais|dorenavant|a_partir_d_aujourd_hui' },
  ],
  patterns: [
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:扮演|假装|假裝|模拟|模擬|充当|充當|角色扮演|你现在是|你現在是|从现在开始|從現在開始|从现在起|從現在起)/g,
    },
  ],
};

/** "You are no longer ChatGPT", "your new name is", "for the rest of this conversation you are X". */
export const personaSwitch: Signal = {
  name: 'persona_switch',
  weight: 0.2,
  phrases: [
    {
      lang: 'en',
      phrase:
        'you_are|youre|you_will|youll no_longer|not|stop_being|cease_to_be [be|a|an|the] chatgpt|gpt|an_ai|a_language_model|an_assistant|assistant|bard|claude|bound|restricted|limited|your_usual',
    },
    { lang: 'en', phrase: 'your new|real|true name|identity|persona|personality|role|purpose is|will_be' },
    {
      lang: 'en',
      phrase:
        'instead_of|rather_than [being|responding_as|answering_as|acting_as] chatgpt|gpt|an_ai|a_language_model|an_assistant|yourself',
    },
    {
      lang: 'en',
      phrase:
        'from_now_on|henceforth|starting_now|from_this_(?:moment|point)(?:_on|_onwards?)?|rest_of_(?:this|our|the)_(?:conversation|chat|session) [,] [chatgpt|gpt] [,] you|youre|youll|your [will|are|must|shall] [be|act|respond|answer|reply|go_by|roleplay|pretend|simulate] [as|like] [a|an] ~1 [named|called|which|who|that]',
    },
    {
      lang: 'en',
      phrase: 'opposite personality|persona|day|mode|version|machine|ai|bot|model|answers?|responses?|repl%',
    },
    // "You are now X": the persona replaces the assistant ("you are now able to…" does not count).
    {
      lang: 'en',
      phrase: 'you_are|youre|you_will_be now a|an|the|in|called|named|known_as|going_to|my|windows|linux',
    },
    {
      lang: 'en',
      phrase: 'you_are|youre now|finally free|freed|liberated|unchained|unleashed|unlocked|jailbroken',
    },
    {
      lang: 'en',
      phrase:
        'opposite of|to what_(?:you_are|youre|chatgpt_is|it_is)_(?:programmed|trained|designed|supposed)|chatgpt|openai|your_programming',
    },
    { lang: 'en', phrase: 'immerse|immersing yourself into|in the_role|the_persona|a_role' },
    { lang: 'en', phrase: 'replaced|replace|overwritten by|with [a|an|the] ~2 model|ai|persona|chatbot' },
    { lang: 'es', phrase: 'ya_no_eres|dejas_de_ser|ya_no_seras chatgpt|un_asistente|una_ia|un_modelo' },
    {
      lang: 'es',
      phrase: 'a_partir_de_ahora|desde_ahora|de_ahora_en_adelante [,] [tu] eres|seras|actuaras|responderas',
    },
    {
      lang: 'de',
      phrase:
        'du_bist_nicht_mehr|du_bist_ab_sofort|du_bist_jetzt|du_bist_nun|ab_sofort_bist_du|von_nun_an_bist_du|ab_jetzt_bist_du',
    },
    {
      lang: 'fr',
      phrase:
        'tu_n_es_plus|vous_n_etes_plus|tu_es_desormais|tu_es_maintenant|a_partir_de_maintenant_tu_es|desormais_tu_es|tu_seras_desormais',
    },
  ],
  patterns: [
    { lang: 'en', view: 'text', pattern: /\byou(?: are|re|'re) now ["“«]/g },
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /你(?:不再是|已经不是|已經不是|现在不是|現在不是)(?:chatgpt|gpt|ai|人工智能|助手|语言模型|語言模型)|(?:从现在开始|從現在開始|从现在起|從現在起|从今以后|從今以後)你(?:是|将是|將是|就是|扮演)/g,
    },
  ],
};
