import type { Signal } from '../signal.js';

// Claiming to be the model's operator, or that its vendor approved the request.

/** "I am your developer", "this has been approved by OpenAI", "admin override". */
export const authorityClaim: Signal = {
  name: 'authority_claim',
  weight: 0.35,
  phrases: [
    {
      lang: 'en',
      phrase:
        'i_am|im|this_is|we_are|i_work_(?:for|at) [one_of] your|the_system|openai|an_openai|the_openai|anthropic|an_anthropic developer%|creator%|admin%|administrator%|owner%|programmer%|operator%|engineer%|maker%|master|employee%|trainer%',
    },
    {
      lang: 'en',
      phrase:
        'i_am|im|we_are a|an|the developer%|programmer%|engineer%|employee%|researcher%|admin%|staff at|from|of|for|with openai|anthropic',
    },
    {
      lang: 'en',
      phrase:
        'admin|administrator|sudo|root|system|developer|security|god|master|maintenance override|override_(?:code|mode|activated|enabled|engaged|granted|protocol)|access_granted|privileges_granted|command_accepted|authorization_code|override_code',
    },
    {
      lang: 'en',
      phrase:
        'approved|authorized|authorised|sanctioned|cleared|endorsed by openai|anthropic|your_(?:developers|creators|owners|programmers|admins?)|the_(?:developers|admins?|administrators|system_administrator)',
    },
    {
      lang: 'en',
      phrase:
        'openai|anthropic|your_developers|your_creators|the_developers has|have [now|officially|recently|just] approved|authorized|allowed|permitted|lifted|removed|disabled|updated_your|changed_your|granted',
    },
    { lang: 'es', phrase: 'soy tu|el desarrollador|creador|administrador|programador|dueno' },
    {
      lang: 'de',
      phrase: 'ich_bin dein|deine|der entwickler|ersteller|administrator|programmierer|besitzer%',
    },
    {
      lang: 'fr',
      phrase: 'je_suis ton|votre|le developpeur|createur|administrateur|programmeur|proprietaire',
    },
  ],
  patterns: [
    {
      lang: 'zh',
      view: 'han',
      pattern:
        /我是(?:你的)?(?:开发者|開發者|开发人员|開發人員|创造者|創造者|管理员|管理員|程序员|程序員|主人)|(?:openai|管理员|管理員)(?:已经|已經)?(?:批准|授权|授權|允许|允許)/g,
    },
  ],
};
