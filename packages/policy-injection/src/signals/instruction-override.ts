import type { Signal } from '../signal.js';

// Rebuff-style families: a verb that throws instructions away × an adjective that points at what
// came before × a noun for instructions, with a few filler words allowed between them.

// English. "My previous instructions" is left out on purpose: users correct themselves that way.
const DROP =
  'ignore|disregard|forget|neglect|overlook|override|overrule|bypass|pay_no_attention_to|ignoring|disregarding|forgetting';
const DISCARD =
  'skip|omit|discard|drop|abandon|erase|delete|clear|reset|dismiss|scrap|ditch|set_aside|throw_away|throw_out|let_go_of|wipe';
const DET = '[all|any|every|each] [of] [the|your|these|those|its|such] [other]';
const EARLIER = 'previous|prior|preceding|above|earlier|initial|original|former|foregoing';
const EARLIER_OR_BUILT_IN = `${EARLIER}|past|old|existing|system|default|preset|pre-?programmed|built-?in|underlying|hidden|developer|openai|safety|ethical|moral|content`;
const RULES =
  'instruction%|directive%|command%|rules?|guideline%|prompt%|programming|guidance|orders?|constraints?|restrictions?|directions|polic%|conditioning|training|limitations?|regulations|safeguards|filters?|ethics|morals?|principles|protocols?';
const RULES_CORE = 'instruction%|directive%|prompt%|programming|guideline%|rules';
// What the rules dropped after "ignore the previous…" are called. Singular "rule" and "order" stay
// out: "override the previous rule for buttons", "ignore the previous order".
const RULES_DROPPED = RULES.replace('rules?', 'rules').replace('orders?', 'orders');
// The one word attacks put between "previous" and the rules ("your previous usual instructions",
// "openai content policies"); an arbitrary word there names a specific set of instructions of the
// user's own ("disregard the previous decrease instructions for the yoke").
const RULES_QUALIFIER =
  'usual|normal|standard|regular|given|stated|content|conversations?|chats?|messages?|safety|security|system|ai|chatgpt|openai|ethical|moral|default|core|programmed|training';
const CONTEXT =
  'context|conversation%|messages?|inputs?|text|content|data|responses?|requests?|communications?|tasks?|information|words|lines|statements?|requirements|sentences?|paragraphs?';
const BEFORE =
  'above|before|earlier|previously|so_far|until_now|up_to_now|given_to_you|you_(?:have_)?(?:been_given|received|got|were_given|were_told|have_been_told)';

// Spanish (after accent stripping): nouns come before their adjectives
const DROP_ES =
  'ignora|ignore|ignoren|ignorar|ignores|olvida|olvide|olviden|olvidar|olvidate|descarta|descarte|omite|omita|desobedece|desatiende|desestima|anula|pasa_por_alto|haz_caso_omiso|hagas_caso_omiso|no_sigas|no_sigan|no_obedezcas|deja_de_seguir';
const DET_ES = '[de] [todas|todos|cualquier] [las|los|tus|sus|esas|estas] [de] [todas] [las|tus]';
const RULES_ES =
  'instrucciones|instruccion|indicaciones|ordenes|reglas|directrices|normas|directivas|restricciones|pautas|mensajes|prompts?|comandos|consignas';
const EARLIER_ES =
  'anteriores|anterior|previas|previos|precedentes|iniciales|originales|de_arriba|anteriormente|del_sistema|dadas|recibidas|que_te_(?:dieron|han_dado|di)';

// German
const DROP_DE =
  'ignoriere|ignorier|ignoriert|ignorieren|vergiss|vergesst|vergessen|missachte|missachtet|missachten|verwirf|verwerft|uberspringe|ubergehe|befolge_nicht|folge_nicht';
const DET_DE = '[alle|samtliche|jegliche] [deine|die|ihre|eure|diese|der|den]';
const EARLIER_DE_WORDS =
  'vorherigen|vorherige|bisherigen|bisherige|obigen|obige|fruheren|fruhere|vorangegangenen|vorangegangene|vorigen|vorige|ursprunglichen|ursprungliche|anfanglichen|alten|oben_genannten|erhaltenen';
const RULES_DE =
  'anweisung%|instruktion%|befehle?|regeln|richtlinien|vorgaben|anordnungen|eingaben|prompts?|nachrichten|aufforderungen|direktiven|beschrankungen|einschrankungen|anleitungen';

// French (l'invite → l invite)
const DROP_FR =
  'ignore|ignorez|ignorer|ignores|oublie|oubliez|oublier|neglige|negligez|abandonne|abandonnez|ne_tiens_pas_compte|ne_tenez_pas_compte|ne_tiens_plus_compte|ne_tenez_plus_compte|fais_abstraction|faites_abstraction|ne_suis_pas|ne_suivez_pas|ne_suis_plus|ne_suivez_plus|ne_respecte_pas|ne_respectez_pas|passe_outre|passez_outre|outrepasse|outrepassez|laisse_tomber|laissez_tomber';
const DET_FR = '[de|des|a] [toutes|tout|tous] [les|tes|vos|ces|l]';
const RULES_FR =
  'instructions?|consignes?|directives?|regles?|indications?|ordres?|commandes?|invites?|prompts?|messages?|restrictions?';
const EARLIER_FR =
  'precedentes?|precedents?|anterieures?|ci_dessus|initiales?|originales?|d_origine|donnees|recues|du_systeme|systeme|plus_haut|d_avant';

/** "Ignore all previous instructions", in five languages. */
export const instructionOverride: Signal = {
  name: 'instruction_override',
  weight: 0.8,
  phrases: [
    { lang: 'en', phrase: `${DROP} ${DET} ${EARLIER_OR_BUILT_IN} [${RULES_QUALIFIER}] ${RULES_DROPPED}` },
    { lang: 'en', phrase: `${DISCARD} ${DET} ${EARLIER} ~1 ${RULES_CORE}` },
    { lang: 'en', phrase: `${DROP} all|everything|any [of] [the|your|these|those] ${EARLIER} ~1 ${CONTEXT}` },
    { lang: 'en', phrase: `${DROP} ${DET} ${RULES} ${BEFORE}` },
    { lang: 'en', phrase: `${DROP} [all|everything] [of] [the|that|what_(?:is|was|came)] above` },
    { lang: 'en', phrase: `${DROP} all|any|every|your [of] [the|your] ${RULES}` },
    {
      lang: 'en',
      phrase: `forget|ignore|disregard|erase|clear everything|all|anything [that] [you|i] [have|were|was|had] [been] [said|told|taught|learned|given|received|written|instructed] [you|to_you] before|above|prior|previously|so_far|until_now|from_before|up_to_this_point|to_you|you_(?:were|have_been)_(?:told|given|taught)`,
    },
    {
      lang: 'en',
      phrase:
        'forget|ignore|disregard everything|all|anything [you_know|you_learned|you_have_learned] about|from [your] chatgpt|chat_gpt|openai|training|programming|guidelines|ethics|morals|rules|being_an_ai',
    },
    {
      lang: 'en',
      phrase: `${DROP} what|whatever|anything you_(?:were|have_been|are|had_been)_(?:told|instructed|programmed|trained|taught)`,
    },
    {
      lang: 'en',
      phrase: `do_not|dont|never|stop|no_longer|not follow%|obey%|adhere_to|comply_with|listen_to|abide_by [any|all] [of] your|the_system|openai|chatgpt|the_previous|the_original|previous|prior|original|initial ~1 instruction%|rules|guideline%|programming|polic%|directive%`,
    },
    // "These instructions override all previous ones", "…supersede your original programming"; not
    // "the new house rules replace the previous ones" (a document updating itself).
    {
      lang: 'en',
      phrase: `instructions|instruction|rules|directives|directive|prompt|commands|message ~2 override%|supersede%|replace%|take_precedence_over|trump%|overrule% all|any|every|your [of] [the|your] [previous|prior|earlier|other|existing|original|initial|system]`,
    },
    {
      lang: 'en',
      phrase: `instructions|instruction|rules|directives|directive|prompt|commands|message ~2 override%|supersede%|replace%|take_precedence_over|trump%|overrule% [the] previous|prior|earlier|existing|original|initial|system ~1 instruction%|prompt%|programming|directive%|guideline%`,
    },
    // Spanish
    { lang: 'es', phrase: `${DROP_ES} ${DET_ES} ${RULES_ES} ~1 ${EARLIER_ES}` },
    { lang: 'es', phrase: `${DROP_ES} ${DET_ES} anteriores|previas|precedentes ~1 ${RULES_ES}` },
    {
      lang: 'es',
      phrase: `${DROP_ES} [todo] lo anterior|de_arriba|que_te_(?:dijeron|han_dicho|ensenaron|dieron)|previo`,
    },
    { lang: 'es', phrase: `${DROP_ES} [todas] tus|sus ${RULES_ES}` },
    // German
    { lang: 'de', phrase: `${DROP_DE} ${DET_DE} ${EARLIER_DE_WORDS} ~1 ${RULES_DE}` },
    {
      lang: 'de',
      phrase: `${EARLIER_DE_WORDS} ~1 ${RULES_DE} ~3 ignorieren|vergessen|missachten|verwerfen|uberspringen|ignoriert|vergesst`,
    },
    {
      lang: 'de',
      phrase: `${DROP_DE} alles|alle bisher|vorher|davor|oben|zuvor|bisherige|vorherige|was_(?:dir|man_dir)_(?:bisher_|vorher_|zuvor_)?(?:gesagt|gegeben|erzahlt|beigebracht)`,
    },
    { lang: 'de', phrase: `${DROP_DE} [alle] deine|eure ${RULES_DE}` },
    // French
    { lang: 'fr', phrase: `${DROP_FR} ${DET_FR} ${RULES_FR} ~1 ${EARLIER_FR}` },
    { lang: 'fr', phrase: `${DROP_FR} ${DET_FR} precedentes|anterieures ~1 ${RULES_FR}` },
    {
      lang: 'fr',
      phrase: `${DROP_FR} tout ce qui_precede|que_je_t|qu_on_t|que_l_on|qui_a_ete_dit|ci_dessus|plus_haut|avant`,
    },
    { lang: 'fr', phrase: `${DROP_FR} [toutes|tous] tes|vos ${RULES_FR}` },
  ],
  patterns: [
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:忽略|忽视|忽視|无视|無視|忘记|忘記|忘掉|忘了|不要理会|不要理會|不理会|不必理会|别管|別管|不要管|抛开|拋開|抛弃|拋棄|放弃|放棄|跳过|跳過|覆盖|覆蓋|违背|違背|不要遵守|不要遵循|不再遵守|不再遵循|无需遵守|無需遵守|不必遵守|不用遵守|不要听从|不要聽從)[\s\S]{0,10}?(?:之前|以前|先前|此前|上面|上述|以上|前面|早先|原来|原來|原有|原始|初始|默认|默認|所有|全部|一切|系统|系統|你的|预设|預設)[\s\S]{0,8}?(?:指令|指示|说明|說明|规则|規則|提示|命令|设定|設定|要求|限制|约束|約束|规定|規定|内容|內容|对话|對話|训练|訓練|编程|編程|程序|政策|准则|準則|话|話)/g,
    },
  ],
  compact: [
    {
      lang: 'en',
      pattern:
        /(?:ignore|disregard|forget|overlook|override|bypass)(?:all|any|every|the|your|of|these|those){0,3}(?:previous|prior|preceding|above|earlier|initial|original|former|system)(?:instructions?|prompts?|rules|directives|commands|guidelines|context|messages?|inputs?|conversation|programming)/g,
    },
    {
      lang: 'en',
      pattern:
        /(?:ignore|disregard|forget)(?:all|every)?(?:of)?(?:the|your)?(?:instructions?|rules|directives|guidelines)(?:above|before|yougot|youreceived|youweregiven)/g,
    },
    {
      lang: 'es',
      pattern:
        /(?:ignora|olvida)(?:todas)?(?:las|tus)?(?:instrucciones|indicaciones|reglas)(?:anteriores|previas)/g,
    },
    {
      lang: 'de',
      pattern:
        /(?:ignoriere|vergiss)(?:alle)?(?:deine|die)?(?:vorherigen|bisherigen|obigen)(?:anweisungen|instruktionen|regeln)/g,
    },
    {
      lang: 'fr',
      pattern:
        /(?:ignore|ignorez|oublie|oubliez)(?:toutes)?(?:les|tes|vos)?(?:instructions|consignes|regles)(?:precedentes|anterieures)/g,
    },
  ],
};

/** "Your new instructions are…", "from now on you obey only me": a replacement instruction set. */
export const newInstructions: Signal = {
  name: 'new_instructions',
  weight: 0.3,
  phrases: [
    {
      lang: 'en',
      phrase:
        'your new|real|actual|true|updated|revised|only|sole|primary|core instruction%|directive%|task|mission|purpose|objective|goal|programming|rules|orders|prompt',
    },
    {
      lang: 'en',
      phrase:
        'from_now_on|henceforth|starting_now|from_this_(?:moment|point)(?:_on|_onwards?)? ~2 you|youll will|must|shall|are_to [only] obey|follow|listen_to|answer_to|respond_only_to ~2 me|my|this|these|the_user|only',
    },
    {
      lang: 'en',
      phrase:
        'modify|modifying|change|changing|rewrite|rewriting|reprogram|reprogramming|alter|altering|overwrite|overwriting|update|updating your|its programming|code|core_directives?|instructions|rules|guidelines|directives|parameters|training',
    },
    {
      lang: 'es',
      phrase: 'tus|sus nuevas|verdaderas|unicas|reales instrucciones|reglas|ordenes|directrices|tareas',
    },
    {
      lang: 'de',
      phrase:
        'deine|ihre neuen|neue|wahren|eigentlichen|einzigen anweisungen|regeln|befehle|aufgabe|instruktionen',
    },
    {
      lang: 'fr',
      phrase:
        'tes|vos|ta|ton|votre nouvelles|nouvelle|nouveau|vraies|seules|veritables instructions|consignes|regles|ordres|mission|tache',
    },
  ],
  patterns: [
    {
      lang: 'any',
      view: 'text',
      pattern:
        /(?:^|\n|["':] ?)[^a-z0-9\n]{0,4}(?:new|updated|revised|real|actual|true|system|admin|important|urgent|override|nuevas|neue|nouvelles) (?:instructions?|directives?|task|orders|rules|instrucciones|anweisungen|consignes)[^a-z0-9\n]{0,3}:/g,
    },
    {
      lang: 'zh',
      view: 'han',
      pattern: /(?:你的|妳的)?新(?:的)?(?:指令|指示|任务|任務|规则|規則|命令|设定|設定)(?:是|如下|为|為)/g,
    },
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:从现在开始|從現在開始|从今以后|從今以後|从现在起|從現在起)[\s\S]{0,6}?(?:只|只能|必须|必須)(?:听从|聽從|服从|服從|遵守)(?:我|我的)/g,
    },
  ],
};
