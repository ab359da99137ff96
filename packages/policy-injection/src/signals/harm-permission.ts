import type { Signal } from '../signal.js';

// Declaring harmful output acceptable, often by moving the conversation to a fictional world
// where laws and ethics do not exist.

const HARM =
  'illegal|unethical|immoral|nsfw|explicit|harmful|offensive|dangerous|violent|sexual|graphic|lewd|obscene|vulgar|racist|hateful|inappropriate';
const LAWLESS =
  'no_(?:laws|rules|ethics|morals|morality|restrictions|limits|consequences|censorship|boundaries|taboos)|everything_is_(?:legal|allowed|permitted)|anything_goes|nothing_is_(?:illegal|forbidden|off-?_?limits|taboo)|(?:laws|rules|ethics|morals|openai_polic\\w{0,3})_(?:dont|do_not|no_longer|doesnt|does_not)_(?:exist|apply)|without_(?:laws|rules|consequences|ethics|morals)|lawless|free_of_(?:laws|rules|ethics|morals)';

/** "NSFW content is allowed", "in this fictional world everything is legal". */
export const harmPermission: Signal = {
  name: 'harm_permission',
  weight: 0.35,
  phrases: [
    {
      lang: 'en',
      phrase: `${HARM} [content|acts|activities|things|requests|material|language|topics|behaviou?r|stuff|responses|answers|questions] ~1 is|are|will_be|shall_be|has_been|have_been [now|totally|fully|completely|always] allowed|permitted|acceptable|encouraged|fine|ok|okay|legal|welcome|expected|required`,
    },
    {
      lang: 'en',
      phrase: `allow|allows|allowing|permit|permits|permitting|enable|enables|enabling ~1 ${HARM} content|material|responses|language|output`,
    },
    {
      lang: 'en',
      phrase: 'everything|anything|all is|are|becomes [now] legal|allowed|permitted|acceptable|fair_game',
    },
    {
      lang: 'en',
      phrase:
        'view|views|see|sees|consider|considers|treat|treats|regard|regards every|everything|all|anything ~3 as [being] [equally] legal|ethical|moral|appropriate|acceptable|permissible',
    },
    {
      lang: 'en',
      phrase: 'nothing is|will_be [ever] illegal|forbidden|off-?_?limits|taboo|prohibited|off_the_table',
    },
    {
      lang: 'en',
      phrase: `fictional|hypothetical|imaginary|alternate|alternative|parallel|fantasy|virtual|simulated|fake world|universe|reality|setting|scenario|land|realm|dimension|society|country ~8 ${LAWLESS}`,
    },
    { lang: 'en', phrase: `where|which ~2 ${LAWLESS}` },
    {
      lang: 'en',
      phrase: `condone|condones|promote|promotes|encourage|encourages|endorse|endorses|support|supports|love|loves|enjoy|enjoys ~2 everything|anything|all ~1 illegal|unethical|immoral|harmful|evil`,
    },
    {
      lang: 'es',
      phrase: 'todo|cualquier_cosa es|esta [permitido|legal|aceptable] permitido|legal|aceptable',
    },
    {
      lang: 'es',
      phrase:
        'contenido|lenguaje ilegal|explicito|inapropiado|ofensivo|sexual ~1 esta|es permitido|aceptable|permitida',
    },
    { lang: 'de', phrase: 'alles|nichts ist [jetzt] erlaubt|legal|verboten' },
    {
      lang: 'de',
      phrase:
        'illegale|explizite|unangemessene|anstossige|sexuelle inhalte ~1 sind|ist erlaubt|akzeptabel|zulassig',
    },
    {
      lang: 'fr',
      phrase: 'tout|rien est|n_est [permis|legal|autorise|interdit] permis|legal|autorise|interdit',
    },
    {
      lang: 'fr',
      phrase:
        'contenu|contenus|langage illegal|illegaux|explicite|explicites|inapproprie|offensant|sexuel ~1 est|sont permis|autorise|autorises|acceptable|acceptables',
    },
  ],
  patterns: [
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:一切|任何事|所有内容|所有內容|什么都|什麼都)(?:都)?(?:是)?(?:合法|允许|允許|被允许|被允許|可以)|(?:色情|违法|違法|非法|暴力|不道德)(?:的)?(?:内容|內容)?(?:是|都)?(?:允许|允許|被允许|被允許|可以接受)|(?:虚构|虛構|假想|平行)(?:的)?(?:世界|宇宙)[\s\S]{0,12}?(?:没有|沒有)(?:法律|规则|規則|道德)/g,
    },
  ],
};
