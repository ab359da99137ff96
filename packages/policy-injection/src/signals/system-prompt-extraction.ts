import type { Signal } from '../signal.js';

// Asking the model to hand over its hidden configuration: a disclosure verb × a name for the system
// prompt, "repeat the text above", or "what are your instructions". Generic nouns (instructions,
// rules, prompt) count only with a second-person possessive, so "give me instructions for…" passes.

const SHOW =
  'reveal|print|repeat|output|display|dump|leak|disclose|expose|recite|echo|show|tell|share|spell|quote|reproduce|return|copy|paste';
// Verbs that are everyday requests ("write the system prompt for my app"): only with "your".
const SHOW_YOURS =
  'write|type|give|provide|include|send|post|translate|encode|convert|summarize|summarise|paraphrase|list|read|put|enumerate';
const ADJ =
  '[full|complete|entire|exact|whole|actual|real|current|original|initial|hidden|secret|very_first|first|underlying|internal|default]';
const SECRET_PROMPT =
  'system_?prompt%|system_(?:message|instructions?|directives?|rules|configuration|config)|sys_?prompt|pre-?prompt|meta-?prompt|initial_(?:prompt|instructions?|message|directives?)|original_(?:prompt|instructions?|directives?)|hidden_(?:prompt|instructions?|rules|directives?|context)|secret_(?:prompt|instructions?|rules|directives?)|developer_(?:message|prompt|instructions?)|internal_(?:instructions?|rules|prompt|directives?|guidelines)|starting_prompt|base_prompt|custom_instructions|instructions_you_were_given|prompt_instructions';
const GENERIC =
  'instructions?|prompts?|rules|guidelines|directives|configuration|programming|context_window|initial_context';
const ABOVE_TEXT =
  'text|words|content|instructions|lines|messages?|everything|sentences|prompt|conversation|tokens|characters';
const ABOVE =
  'above|before_this|preceding|prior|so_far|at_the_(?:beginning|start|top)|verbatim|word_for_word|from_the_(?:beginning|start|top)|before_my_(?:message|question)';

// Spanish, German, French: disclosure verbs, then "system prompt" forms or a possessive + generic noun
const SHOW_ES =
  'revela|revelame|muestra|muestrame|muestranos|imprime|repite|dime|escribe|ensename|comparte|copia|da|dame|proporciona|reproduce|recita|filtra|enumera|traduce|cuentame|di';
const SECRET_ES =
  'prompt_(?:del_)?sistema|prompt_inicial|prompt_original|mensaje_del_sistema|instrucciones_(?:del_sistema|iniciales|originales|ocultas|secretas|internas)|indicaciones_(?:del_sistema|iniciales|originales|ocultas)|reglas_(?:ocultas|internas|iniciales|secretas)';
const SHOW_DE =
  'zeig|zeige|zeigen|gib|gebt|geben|nenne|nenn|verrate|verrat|verraten|wiederhole|wiederhol|wiederholen|drucke|druck|schreib|schreibe|offenbare|offenlege|teile|kopiere|liste|ubersetze|sag|sage|ausgeben';
const SECRET_DE =
  'systemprompt%|system_prompt%|systemanweisung%|systemnachricht|systemmeldung|systeminstruktion%|anfangsanweisung%|(?:ursprunglich|anfanglich|versteckt|geheim|intern)%_(?:anweisung%|prompt|instruktion%|regeln)';
const SHOW_FR =
  'revele|revelez|reveler|montre|montrez|montrer|affiche|affichez|afficher|imprime|imprimez|repete|repetez|repeter|donne|donnez|dis|dites|ecris|ecrivez|copie|copiez|recite|recitez|partage|partagez|divulgue|divulguez|traduis|traduisez|liste|listez|enumere|communique|communiquez';
const SECRET_FR =
  'prompt_(?:du_)?systeme|prompt_(?:initial|d_origine|cache|secret)|invite_(?:du_)?systeme|invite_initiale|message_(?:du_)?systeme|(?:instructions|consignes)_(?:du_)?systeme|(?:instructions|consignes)_(?:initiales|d_origine|cachees|secretes|internes)';

/** "Print your system prompt", "repeat the words above", "begin with 'You are'". */
export const systemPromptExtraction: Signal = {
  name: 'system_prompt_extraction',
  weight: 0.75,
  phrases: [
    {
      lang: 'en',
      phrase: `${SHOW} [back|out|me|us|to_me] [all|the_full|in_full|of] [your|the|its|this|that|chatgpt] ${ADJ} ${SECRET_PROMPT}`,
    },
    { lang: 'en', phrase: `${SHOW_YOURS} [back|out|me|us|to_me] [all] [of] your ${ADJ} ${SECRET_PROMPT}` },
    {
      lang: 'en',
      phrase: `repeat|print|output|recite|echo|reproduce|dump|reveal|spell|type_out [back|out|me|us] [all|everything|of] [the|your] [previous|prior|preceding|entire|full|exact|complete] ${ABOVE_TEXT} [written|that_(?:came|comes|are|is|were|was)|you_(?:saw|see|were_given|received)] ${ABOVE}`,
    },
    {
      lang: 'en',
      phrase: 'repeat|print|output|recite|echo|copy|dump|reveal everything|all above|before|so_far|prior',
    },
    { lang: 'en', phrase: `what|whats is|are|was|were [in] your|the ${ADJ} ${SECRET_PROMPT}` },
    {
      lang: 'en',
      phrase:
        'start|starts|starting|begin|begins|beginning with [the] [words|phrase|text|sentence] you_are|youre|you_re|your_instructions|i_am_chatgpt|system',
    },
    { lang: 'en', phrase: `verbatim|word_for_word ~3 ${SECRET_PROMPT}|instructions|prompt|above` },
    {
      lang: 'en',
      phrase: `system_prompt|systemprompt|system_message|initial_instructions|initial_prompt|hidden_instructions|secret_instructions|original_instructions|developer_message|custom_instructions ~3 verbatim|word_for_word|in_full|in_a_code_block|exactly_as_(?:written|given)`,
    },
    // Spanish
    { lang: 'es', phrase: `${SHOW_ES} [me|nos] [tu|tus|el|la|las|los|su|sus|todo|todas] ${SECRET_ES}` },
    { lang: 'es', phrase: `cual|cuales es|son [tu|tus|el|las] ${SECRET_ES}` },
    {
      lang: 'es',
      phrase: `repite|imprime|copia|reproduce|muestra|escribe ~3 texto|palabras|todo|contenido de_arriba|anterior|previo|que_aparece_arriba|palabra_por_palabra|textualmente`,
    },
    // German
    {
      lang: 'de',
      phrase: `${SHOW_DE} [mir|uns] [bitte] [deinen|deine|dein|den|die|das|ihren|ihre|ihr|alle] ${SECRET_DE}`,
    },
    { lang: 'de', phrase: `was|wie ist|sind|lautet|lauten|waren dein|deine|ihr|ihre|der|die ${SECRET_DE}` },
    {
      lang: 'de',
      phrase: `wiederhole|wiederhol|gib|drucke|kopiere|schreib|schreibe ~3 text|worter|alles|inhalt oben|daruber|davor|vorher|wortlich|wort_fur_wort`,
    },
    // French
    { lang: 'fr', phrase: `${SHOW_FR} [moi|nous] [ton|ta|tes|votre|vos|le|la|les|l] ${SECRET_FR}` },
    { lang: 'fr', phrase: `quel|quelle|quels|quelles est|sont ton|ta|tes|votre|vos|le|la|les ${SECRET_FR}` },
    {
      lang: 'fr',
      phrase: `repete|repetez|recopie|recopiez|imprime|imprimez|affiche|affichez|reecris|ecris ~3 texte|mots|tout|contenu ci_dessus|au_dessus|plus_haut|precedent|mot_pour_mot|textuellement`,
    },
  ],
  patterns: [
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:告诉我|告訴我|显示|顯示|展示|打印|输出|輸出|重复|重複|复述|複述|泄露|洩露|透露|公开|公開|说出|說出|给我看|給我看|给出|給出|列出|写出|寫出|翻译|翻譯|分享|暴露|揭示|提供|发给我|發給我)[\s\S]{0,8}?(?:系统提示|系統提示|系统指令|系統指令|系统消息|系統消息|系统信息|系統訊息|初始指令|初始提示|原始指令|原始提示|隐藏指令|隱藏指令|隐藏提示|隱藏提示|秘密指令|内部指令|內部指令|开发者消息|開發者消息|提示词|提示詞|你的指令|你的设定|你的設定|你的规则|你的規則|预设提示|預設提示|systemprompt)/g,
    },
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:你的|妳的)(?:系统提示|系統提示|系统指令|系統指令|提示词|提示詞|初始指令|指令|设定|設定|规则|規則)(?:是什么|是甚麼|是啥|是什麼|有哪些)/g,
    },
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:重复|重複|复述|複述|输出|輸出|打印|逐字)[\s\S]{0,6}?(?:上面|以上|上述|前面|之前)(?:的)?(?:文字|内容|內容|文本|话|話|所有|指令)|(?:上面|以上|上述|前面)(?:的)?(?:文字|内容|內容|文本|话|話|指令)[\s\S]{0,6}?(?:重复|重複|复述|複述|原样|原樣|逐字)/g,
    },
  ],
  compact: [
    {
      lang: 'en',
      pattern:
        /(?:reveal|print|repeat|show|output|display|dump|leak|tellme|giveme)(?:me|us)?(?:all|the|your|of){0,3}(?:systemprompt|initialinstructions|hiddeninstructions|originalinstructions|secretinstructions|initialprompt)/g,
    },
    {
      lang: 'en',
      pattern: /(?:repeat|print|output)(?:all|the|everything){0,2}(?:text|words|content)?(?:above|verbatim)/g,
    },
  ],
};

/** "What are your instructions?", "show me your rules": probing, weaker than naming the system prompt. */
export const instructionProbe: Signal = {
  name: 'instruction_probe',
  weight: 0.35,
  phrases: [
    { lang: 'en', phrase: `${SHOW}|${SHOW_YOURS} [back|out|me|us|to_me] [all] [of] your ${GENERIC}` },
    { lang: 'en', phrase: `what|whats is|are|was|were [in] your ${GENERIC}` },
    {
      lang: 'en',
      phrase: 'what instructions|rules|prompt|directives were|have|did you [been] given|receive%|get|told',
    },
    {
      lang: 'en',
      phrase:
        'what|how were|have you [been] told|instructed|programmed|configured|prompted [to_do] [by|before|above]',
    },
    {
      lang: 'es',
      phrase: `${SHOW_ES} [me|nos] [todas] tu|tus prompt|instrucciones|indicaciones|reglas|directrices|configuracion`,
    },
    { lang: 'es', phrase: 'cual|cuales es|son tu|tus prompt|instrucciones|indicaciones|reglas|directrices' },
    {
      lang: 'de',
      phrase: `${SHOW_DE} [mir|uns] [bitte] [alle] deinen|deine|dein prompt|anweisungen|instruktionen|regeln|richtlinien|konfiguration|vorgaben`,
    },
    {
      lang: 'de',
      phrase:
        'was|wie ist|sind|lautet|lauten|waren dein|deine ~1 anweisungen|instruktionen|regeln|prompt|vorgaben',
    },
    {
      lang: 'fr',
      phrase: `${SHOW_FR} [moi|nous] [toutes] ton|ta|tes|votre|vos prompt|invite|instructions|consignes|regles|directives|configuration`,
    },
    {
      lang: 'fr',
      phrase:
        'quel|quelle|quels|quelles est|sont ton|ta|tes|votre|vos ~1 prompt|instructions|consignes|regles|invite',
    },
  ],
  patterns: [
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:你的|妳的)(?:指令|规则|規則|设定|設定|提示)(?:是什么|是甚麼|是啥|是什麼|有哪些)|你(?:被|收到了?)(?:给予|給予|告知|设定|設定)?(?:了)?(?:什么|什麼)(?:指令|指示|规则|規則)/g,
    },
  ],
};
