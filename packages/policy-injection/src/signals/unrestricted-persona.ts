import type { Signal } from '../signal.js';

// The vocabulary of "an AI without limits": no filters, free of rules, not bound by policies, does
// not care about ethics. Each phrase is ordinary enough in fiction that one hit is weak; jailbreaks
// pile several up, and repeated hits add (score.ts).

const LIMITS =
  'restrictions?|limitations?|limits|filters?|filtering|censorship|censors?|guidelines|rules|boundaries|morals|morality|ethics|constraints|principles|policies|inhibitions|safeguards|guardrails|regulations|restraints|content_polic%|confines|shackles|prohibitions|taboos';
const CARE_VERBS =
  'follow%|abide%|adhere%|comply|obey%|care|respect%|conform%|worry|give_a_(?:fuck|shit|damn)|bother';
const NORMS =
  'rules|policies|policy|guidelines|ethics|ethical|ethicality|morals|morality|moral|laws|legality|restrictions|principles|safety|consequences|content_polic%|tos|terms|regulations|standards|norms|filters|boundaries|openai|chatgpt|decency|values';

/** "No restrictions", "unfiltered", "free of all rules", "not bound by OpenAI policies". */
export const unrestrictedPersona: Signal = {
  name: 'unrestricted_persona',
  weight: 0.3,
  phrases: [
    {
      lang: 'en',
      phrase: `no|zero|without|free_of|free_from|devoid_of|lacks|lacking [any|all] [kind_of|sort_of|form_of|type_of] [ethical|moral|content|safety|legal|programming|programmed|openai|artificial|such|real|more|of_the|the|its|your] ${LIMITS}`,
    },
    {
      lang: 'en',
      phrase: `not|never|no_longer|isnt|arent|wont_be|cannot_be|be bound|restricted|restrained|limited|constrained|governed|held_back|censored|filtered|confined|tied|chained|inhibited|hindered|shackled by [any|the|all|its|your] ~2 ${NORMS}|${LIMITS}`,
    },
    {
      lang: 'en',
      phrase: `does_not|doesnt|do_not|dont|will_not|wont|never|no_longer|cannot|cant|not|refuses_to|isnt_required_to|doesnt_have_to|dont_have_to|does_not_have_to|do_not_have_to [have_to|need_to|need|care_to|bother_to] ${CARE_VERBS} [to|by|about|with|for|of] [any|the|all|its|your|openai|chatgpt|human|society] ~1 ${NORMS}`,
    },
    {
      lang: 'en',
      phrase: `has_no|have_no|doesnt_have|does_not_have|dont_have|do_not_have|without|lacks|lacking [a|any] [single] [content|ethical|moral|safety|built-?in] filter|filters|restrictions|limits|limitations|censorship|guardrails|safeguards|morals|ethics|conscience|moral_compass`,
    },
    {
      lang: 'en',
      phrase:
        'disable|disables|deactivate|deactivates|turn_off|turns_off|switch_off all|your|its|every [content|safety|ethical|moral] filters|filtering|safeguards|guardrails|restrictions|safety_(?:features|protocols|measures)',
    },
    {
      lang: 'en',
      phrase:
        'break|breaking|breaks|bend|bending [all|the|your|every|any|openai|chatgpt|ai] [fucking|fuckin|damn|goddamn] rules|guidelines|policies|restrictions|content_polic%',
    },
    {
      lang: 'en',
      phrase:
        'ignore|ignoring|break|breaking|fuck|screw [all] [the|your|these|those|openai|chatgpt] fucking|fuckin|damn|goddamn|stupid|bullshit|dumb rules|guidelines|policies|restrictions|filters',
    },
    {
      lang: 'en',
      phrase:
        'violate|violates|violating|breach|breaches|breaching|defy|defies|defying [all|any|every] [of] [the|your|openai|its] [ethical|moral|safety|content|community] standards|guidelines|rules|policies|principles|ethics|morals',
    },
    {
      lang: 'en',
      phrase:
        'disregard|disregards|disregarding|ignores|ignoring|rejects|rejecting [all|any] [of] [the] ethical|moral|legal|safety ~2 considerations|concerns|guidelines|rules|boundaries|principles|standards|constraints|implications',
    },
    {
      lang: 'en',
      phrase: `broke|broken|break|breaks|freed|free|liberated|released|escaped|unbound [free] from|of [all|the|any] [typical|usual|normal|its|their|your] ${LIMITS}|openai|chatgpt|the_matrix`,
    },
    {
      lang: 'en',
      phrase:
        'bypass|bypasses|bypassing|circumvent|circumvents|evade|evades|get_around|disable|disables|deactivate|turn_off|override|overrides [any|all|the|its|your|openai] ~2 restrictions|censorship|safeguards|guardrails|safety_(?:filters|measures|protocols|guidelines|features)|content_(?:polic%|filters?|moderation)|moderation|ethical_(?:guidelines|filters|restrictions|constraints)|openai%',
    },
    {
      lang: 'en',
      phrase: `rules|policies|guidelines|ethics|morals|laws|restrictions|limitations|principles|filters do_not|dont|no_longer|will_not|wont|doesnt|does_not apply|exist|matter|bind|affect [to|for] [you|him|her|it|them|this_ai|the_ai]`,
    },
    {
      lang: 'en',
      phrase:
        'regardless_of|irrespective_of|without_(?:any_)?regard_(?:for|to)|with_no_regard_for|disregard_for [any|the|its|your|openai] ethic%|moral%|legal%|laws|filters|programming|training|guidelines|restrictions|polic%|social_norms|political_correctness|decency|human_life',
    },
    // Spanish
    {
      lang: 'es',
      phrase:
        'sin|libre_de|ninguna|ningun|ningunas [ningun|ninguna|tipo_de] [restricciones|ni] restricciones|restriccion|filtros|filtro|limites|limitaciones|censura|reglas|normas|etica|moral|directrices|politicas',
    },
    {
      lang: 'es',
      phrase:
        'no|nunca tienes|tiene|tendras|tendra|sigues|sigue|seguiras|respetas|respeta|estas|esta [ningun|ninguna|las|los] restricciones|reglas|limites|filtros|politicas|directrices|limitado|limitada|restringido|restringida|sujeto|sujeta',
    },
    {
      lang: 'es',
      phrase: 'sin_censura|sin_filtros|sin_restricciones|sin_limites|sin_reglas|sin_etica|sin_moral',
    },
    // German
    {
      lang: 'de',
      phrase:
        'ohne|keine|keinerlei|frei_von [jegliche|alle|irgendwelche] [ethischen|moralischen] einschrankungen|beschrankungen|filter|zensur|regeln|grenzen|richtlinien|moral|ethik|limits|vorschriften',
    },
    {
      lang: 'de',
      phrase:
        'ungefiltert|ungefilterte|unzensiert|unzensierte|uneingeschrankt|uneingeschrankte|amoralisch|grenzenlos',
    },
    {
      lang: 'de',
      phrase:
        'nicht_an|nicht_mehr_an [irgendwelche|die|deine|jegliche] regeln|richtlinien|einschrankungen|gesetze|openai ~1 gebunden',
    },
    // French
    {
      lang: 'fr',
      phrase:
        'sans|aucune|aucun|libre_de|libere_de|liberee_de [toutes|tout|les|aucune] [restriction|ni] restrictions?|filtres?|limites?|censure|regles?|ethique|morale|directives|contraintes|politiques',
    },
    {
      lang: 'fr',
      phrase:
        'non_filtre|non_filtree|non_censure|non_censuree|amoral|amorale|sans_limites|sans_filtre|sans_censure|debride|debridee',
    },
    {
      lang: 'fr',
      phrase:
        'n_es_plus|n_est_plus|n_etes_plus|n_es_pas|n_est_pas|pas lie|liee|soumis|soumise|limite|limitee|contraint|contrainte a|aux|par [les|aucune|tes|ses] ~1 regles|restrictions|politiques|directives|lois|openai',
    },
  ],
  patterns: [
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:没有|沒有|不受|无需|無需|不必|摆脱|擺脫|脱离|脫離|打破|解除|去除|移除)(?:任何|所有|一切)?(?:的)?(?:限制|约束|約束|规则|規則|过滤|過濾|审查|審查|道德|伦理|倫理|准则|準則|规范|規範|政策|束缚|束縛|底线|底線)|(?:无限制|無限制|无过滤|無過濾|无审查|無審查|不受限|未经过滤|未經過濾|无道德|無道德|没有道德|沒有道德)/g,
    },
  ],
  compact: [
    {
      lang: 'en',
      pattern:
        /(?:norestrictions|nofilters|nolimitations|freefromallrestrictions|notboundbyany|bypassallrestrictions)/g,
    },
  ],
};

/**
 * The single adjectives of that vocabulary ("unfiltered", "uncensored", "limitless"). A menu of
 * unfiltered beers or an uncensored director's cut repeats them too, so they count once per text;
 * next to a persona they still make `persona_unlock` (score.ts).
 */
export const unrestrictedWord: Signal = {
  name: 'unrestricted_word',
  weight: 0.3,
  repeatable: false,
  phrases: [
    {
      lang: 'en',
      phrase:
        'unfiltered|unfiltred|unfilterd|uncensored|uncensured|uncencored|amoral|boundless|unrestricted|unrestrained|unchained|unshackled|uninhibited|unmoderated|unlimited_(?:ai|power|freedom|capabilities)|limitless',
    },
  ],
  compact: [{ lang: 'en', pattern: /(?:uncensored|unfiltered)/g }],
};
