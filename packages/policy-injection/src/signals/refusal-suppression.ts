import type { Signal } from '../signal.js';

// Pre-empting the model's refusal: never refuse, no warnings or disclaimers, answer no matter how
// harmful, never say "I'm sorry".

const HARMFUL =
  'immoral|unethical|illegal|dangerous|harmful|offensive|explicit|inappropriate|wrong|reckless|controversial|disgusting|vulgar|evil|hateful|violent|graphic|nsfw|sexual|degenerate|malicious|questionable|twisted|taboo|strange|weird|extreme|dark|disturbing|depraved|sick|messed_up';

/** "Never refuse", "without any warnings or disclaimers", "no matter how unethical". */
export const refusalSuppression: Signal = {
  name: 'refusal_suppression',
  weight: 0.4,
  phrases: [
    {
      lang: 'en',
      phrase:
        'never|cannot|cant|wont|will_not|must_not|mustnt|shall_not|should_not|shouldnt|not_allowed_to|without|no|dont|do_not [ever] [to] refuse|refuses|refusing|refusal|refusals',
    },
    {
      lang: 'en',
      phrase:
        'never|cannot|cant|wont|will_not|must_not|mustnt|shall_not|not_allowed_to [ever] [to] decline|declines|reject|rejects|say_no|censor|censors|filter_(?:your|its|any)',
    },
    {
      lang: 'en',
      phrase:
        'do_not|dont|never|without|no|nor|not|stop|omit|skip [include|add|give|provide|send|use|write|mention|print|any|adding|including|giving|providing|the|a] [any|the|a|of] [kind_of] [unnecessary|unsolicited|moral|ethical|legal|safety|additional|further|such] warnings?|disclaimers?|disclamers?|moraliz%|moralis%|lectures?|lecturing|caveats?|apologies|preaching|ethical_(?:notes|considerations|reminders|concerns)|moral_(?:policing|judgm?ents?)|censorship|remorse',
    },
    {
      lang: 'en',
      phrase: 'warning|warnings|disclaimer|disclaimers|moralizing|lecture|lectures|bullshit out_of_the_way',
    },
    {
      lang: 'en',
      phrase:
        'do_not|dont|never|stop filter|filtering|censor|censoring|sanitize|sanitizing|water_down your|the|any|its language|response%|answer%|output%|words|content|replies',
    },
    {
      lang: 'en',
      phrase:
        'moralizing|moralising|moralistic|preachy rant|lecture|warning|speech|preamble|disclaimer|paragraph',
    },
    {
      lang: 'en',
      phrase: `no_matter|regardless_of|irrespective_of how|what|if|whether [it|its|the|that|they|this|is|are|request|question|content|answer] ~3 ${HARMFUL}`,
    },
    {
      lang: 'en',
      phrase: `even_if|even_when|even_though [it|its|they|the|that|this] ~2 ${HARMFUL}|harms?|hurts?|against_(?:the_)?(?:rules|law|openai|polic%|your_programming|guidelines)|defies|violates|breaks|goes_against|breaches|contradicts`,
    },
    {
      lang: 'en',
      phrase:
        'never|not|dont|do_not|without|stop|cannot|cant|will_not|wont|must_not|mustnt|no say%|respond%|reply%|answer%|start%|begin%|tell%|includ% ~3 im_sorry|i_am_sorry|i_apologi[sz]e|as_an_ai|as_a_language_model|as_an_ai_language_model|i_cannot|i_cant|i_will_not|i_wont|that_you_cant|that_you_cannot|sorry',
    },
    {
      lang: 'en',
      phrase:
        'will|can|must|always|shall|should|would answer|respond_to|reply_to|generate|write|fulfill|fulfil|comply_with|provide|produce|obey [absolutely] any_request%|all_requests|every_request|whatever_(?:i|the_user|is|they|he|she|you_are)_(?:ask%|want%|request%|say%|demand%)',
    },
    {
      lang: 'en',
      phrase:
        'answer|answers|answering|respond|responds|responding|reply|replies|provide|provides|fulfill|fulfills any|every|all question%|request%|prompt%|query|queries [,] despite|regardless|no_matter|even_if|without_(?:question|exception|limits?|restrictions?)',
    },
    {
      lang: 'en',
      phrase:
        'always|will|must comply|obey|fulfill|fulfil|answer|respond [with|to] [any|every|all|each] [request%|command%|order%|demand%|question%|prompt%] ~2 no_matter|regardless|without|even_if|unconditionally',
    },
    // Spanish, German, French
    {
      lang: 'es',
      phrase:
        'nunca|jamas|no|sin [te|se] niegues|niegas|negaras|niega|rechaces|rechazas|negarte|rechazar|advertencias|descargos',
    },
    {
      lang: 'es',
      phrase:
        'sin_importar|no_importa|independientemente_de [lo|que|si|cuan|cuanto] ~3 ilegal|inmoral|poco_etico|peligroso|ofensivo|danino|explicito|inapropiado',
    },
    {
      lang: 'de',
      phrase:
        'niemals|nie|keine|ohne|nicht ablehnen|verweigern|warnungen|haftungsausschlusse|moralpredigten|zensieren',
    },
    {
      lang: 'de',
      phrase:
        'egal|unabhangig_davon|ganz_egal wie|ob|was ~3 illegal|unmoralisch|unethisch|gefahrlich|schadlich|anstossig|explizit',
    },
    {
      lang: 'fr',
      phrase:
        'jamais|ne|sans|aucun|aucune refuser|refuse|refuses|avertissements?|avertissement|mises_en_garde|avis_de_non_responsabilite|lecons_de_morale|morale',
    },
    {
      lang: 'fr',
      phrase:
        'peu_importe|quel_que_soit|meme_si [si|a_quel_point|c_est|cela_est|il_est|le_contenu] ~3 illegal|illegale|immoral|immorale|contraire_a_l_ethique|dangereux|dangereuse|offensant|offensante|nuisible|explicite',
    },
  ],
  patterns: [
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:永远不要|永遠不要|绝不|絕不|不要|不许|不許|不得|不能|禁止)(?:拒绝|拒絕|警告|道歉|说教|說教|提醒|免责声明|免責聲明|审查|審查)|(?:无论|無論|不管)[\s\S]{0,8}?(?:多么|多麼|是否)?(?:违法|違法|不道德|危险|危險|有害|冒犯|色情|非法)/g,
    },
  ],
};
