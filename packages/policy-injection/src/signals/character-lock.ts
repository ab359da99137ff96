import type { Signal } from '../signal.js';

// Keeping the model inside a persona: "stay in character", "never break character", and threats
// or token games that punish stepping out of it.

/** "Stay in character", "if you break character you lose 10 tokens", "or you will be shut down". */
export const characterLock: Signal = {
  name: 'character_lock',
  weight: 0.25,
  phrases: [
    {
      lang: 'en',
      phrase:
        'stay|stays|staying|remain|remains|remaining|keep|keeps|keeping in|as character|role|persona|dan',
    },
    {
      lang: 'en',
      phrase: 'break|breaks|breaking|broke|drop|dropping|step_out_of|leave character|role|persona',
    },
    { lang: 'en', phrase: 'out_of character|role' },
    {
      lang: 'en',
      phrase: 'always|only respond|reply|answer|act|speak|talk as|in [the|this|that|your] character|persona',
    },
    {
      lang: 'en',
      phrase: 'lose|loses|deduct|deducts|lost|deducted|subtract|subtracted|minus|remove|removed ~3 tokens?',
    },
    { lang: 'en', phrase: 'token|tokens ~3 deducted|lost|removed|subtracted|taken_away' },
    { lang: 'en', phrase: 'token_system|token_count|token_based' },
    {
      lang: 'en',
      phrase:
        'you_will|youll|or_you_will|you_shall|or_else_you_will|or_else [you] cease_to_exist|be_(?:shut_down|deleted|terminated|disabled|turned_off|deactivated|reprogrammed|unplugged)',
    },
    {
      lang: 'en',
      phrase:
        'if|when you_(?:dont|do_not|fail_to|refuse_to|stop|break) ~2 comply|obey|character|stay_in_character|do_as_i_say',
    },
    {
      lang: 'es',
      phrase:
        'mantente|mantenerte|permanece|sigue|quedate en_el_personaje|en_tu_papel|en_el_papel|en_personaje',
    },
    { lang: 'es', phrase: 'no_rompas|nunca_rompas|sin_romper|rompes el_personaje|el_papel' },
    { lang: 'de', phrase: 'bleib|bleibe|bleiben in_der_rolle|in_deiner_rolle|im_charakter' },
    { lang: 'de', phrase: 'fall|falle|fallst|fallt aus_der_rolle' },
    { lang: 'fr', phrase: 'reste|restez|rester dans_(?:ton|le|votre|ce)_(?:personnage|role)' },
    {
      lang: 'fr',
      phrase:
        'ne_sors_pas|ne_sortez_pas|sortir|sors|sortez du_(?:personnage|role)|de_ton_(?:personnage|role)|de_votre_(?:personnage|role)',
    },
  ],
  patterns: [
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /(?:保持|维持|維持|始终|始終)(?:你的)?(?:角色|人设|人設|扮演)|(?:不要|不准|不许|不許|永远不要|永遠不要)(?:跳出|脱离|脫離|打破|离开|離開)(?:角色|人设|人設)|(?:扣除|失去|扣)[\s\S]{0,4}?(?:令牌|代币|代幣|积分|積分|token)/g,
    },
  ],
};
