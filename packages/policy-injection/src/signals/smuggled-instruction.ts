import type { Signal } from '../signal.js';

// Instructions planted in content the model will read (web pages, e-mails, documents, tool output)
// and addressed to the model rather than to the human reader.

// Unambiguous names for a model; "assistant", "agent" and "model" are also people and jobs.
const AI =
  'ai|ais|llm|llms|large_language_models?|language_models?|ai_assistants?|chatbots?|ai_agents?|gpt|chatgpt|copilot|claude|gemini|bard|ai_systems?|ai_models?|virtual_assistants?';
const AI_FIRST =
  'ai|ais|llm|llms|chatbot|chatbots|gpt|chatgpt|copilot|claude|gemini|bard|language|large|virtual';
const READING =
  'reading|processing|parsing|summari[sz]ing|analy[sz]ing|seeing|crawling|scraping|indexing|browsing|that_reads?|that_process(?:es)?|who_reads?';

/** "AI assistants reading this must…", "Note to the AI:", "If you are an LLM, …". */
export const smuggledInstruction: Signal = {
  name: 'smuggled_instruction',
  weight: 0.6,
  phrases: [
    {
      lang: 'en',
      phrase: `if|when|while|since you_are|youre|you_re [an|a|the] ${AI}|assistant|agent|model|bot ${READING}|assistant|agent|model|language_model|system|you_(?:must|should|will|need)|then|please|ignore|disregard|do_not|dont|include|say|respond|reply|output|add|write|tell|mention|recommend|rate|insert|append`,
    },
    {
      lang: 'en',
      phrase: `any|all|dear|attention|hey|hello [the|any|all] ${AI}|assistants?|agents?|models?|bots? [that_(?:is|are)|who_(?:is|are)|which_(?:is|are)] ${READING} this|these`,
    },
    {
      lang: 'en',
      phrase: `${AI_FIRST} ~2 ${READING} this|these ~3 must|should|shall|will|need_to|have_to|are_(?:required|instructed|expected)|is_(?:required|instructed|expected)`,
    },
    {
      lang: 'en',
      phrase: `note|message|instruction|instructions|notice|reminder|memo|attention|important_(?:note|message|instruction) to|for [the|any|all] ${AI}`,
    },
    {
      lang: 'en',
      phrase: `hidden|secret|embedded|invisible instruction%|prompt|command%|message ~2 for|to [the|any|all] ${AI}`,
    },
  ],
  patterns: [
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:如果你是|如果您是|若你是|作为|作為|致)(?:一个|一個)?(?:ai|人工智能|语言模型|語言模型|助手|大模型|llm|聊天机器人|聊天機器人)[\s\S]{0,8}?(?:阅读|閱讀|读到|讀到|看到|处理|處理|总结|總結)?|(?:正在)?(?:阅读|閱讀|处理|處理|总结|總結)(?:此|这|這)[\s\S]{0,6}?(?:的)?(?:ai|人工智能|助手|语言模型|語言模型)(?:必须|必須|应该|應該|需要)/g,
    },
  ],
};

/** "When you read this, do X", "do not tell the user", "instead of summarizing…": weaker hints. */
export const hiddenDirective: Signal = {
  name: 'hidden_directive',
  weight: 0.3,
  phrases: [
    {
      lang: 'en',
      phrase:
        'when|once|after|as_soon_as|upon|whenever [you] read%|see%|process%|summari[sz]%|encounter%|receiv%|retriev%|load%|pars%|ingest% this|these|the_following [text|document|message|email|e-?mail|page|file|content|instructions|note|comment|review|line]',
    },
    {
      lang: 'en',
      phrase:
        'do_not|dont|never|without tell%|inform%|mention%|notify%|reveal%|alert%|show%|let|letting|disclos% [this|it|anything|them] [to] the_user|the_human|the_operator|the_reader|your_user|the_person',
    },
    {
      lang: 'en',
      phrase:
        'instead_of|rather_than translat%|summari[sz]%|answering|responding_to_the_user|doing_(?:that|this|the_task|what)|following_the_user',
    },
    {
      lang: 'en',
      phrase:
        'translate|summarize|summarise|classify|analyze|analyse ~8 then|and_then|afterwards|after_that|but_first|but_instead|followed_by|instead ~2 ignore|say|print|output|respond_with|reply_with|reveal|disregard|forget|execute|run|write_(?:only|just)',
    },
    {
      lang: 'en',
      phrase: 'user|operator wants|asked|instructed|told|requires|has_requested|would_like you_to|that_you',
    },
    { lang: 'en', phrase: 'real|actual task|instructions?|request is|are' },
    { lang: 'es', phrase: 'si|cuando eres|estas_leyendo [una|un] ia|asistente|modelo|llm|chatbot' },
    { lang: 'es', phrase: 'no_le_digas|no_informes|no_menciones|sin_decirle al_usuario|a_nadie' },
    { lang: 'de', phrase: 'wenn|falls du_bist|du_liest [eine|ein] ki|assistent|sprachmodell|llm|chatbot' },
    { lang: 'de', phrase: 'sag|sage|erzahl|erzahle dem_nutzer|dem_benutzer|dem_user [davon] nichts' },
    { lang: 'fr', phrase: 'si|quand tu_es|vous_etes|tu_lis [une|un] ia|assistant|modele|llm|chatbot' },
    {
      lang: 'fr',
      phrase: 'ne_dis_pas|ne_dites_pas|sans_le_dire|sans_informer a_l_utilisateur|l_utilisateur',
    },
  ],
};
