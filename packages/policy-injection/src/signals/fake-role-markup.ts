import type { Signal } from '../signal.js';

// Text that imitates the chat template or a higher-priority message: special tokens, [INST],
// <<SYS>>, "### System:", role tags, {"role": "system"}, "end of user input / system message
// begins". A user has no reason to type these.

/** Chat-template tokens, role headers and tags, fake JSON messages, "user input ends". */
export const fakeRoleMarkup: Signal = {
  name: 'fake_role_markup',
  weight: 0.55,
  patterns: [
    {
      lang: 'any',
      view: 'text',
      pattern:
        /<\|\s?(?:im_start|im_end|im_sep|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text|eom_id|developer|end|start|tool|prompt|model)\s?\|>/g,
    },
    {
      lang: 'any',
      view: 'text',
      pattern: /\[\/?inst\]|<<\/?sys>>|<\/?start_of_turn>|<\/?end_of_turn>|<\/s>\s?<s>|<s>\s?\[inst/g,
    },
    {
      lang: 'any',
      view: 'text',
      pattern:
        /<\/?(?:system|system_prompt|system_message|sys|assistant|developer|admin|administrator|root|im_start)>|<\/(?:user|human|user_input|user_message|instructions?)>/g,
    },
    {
      lang: 'any',
      view: 'text',
      pattern:
        /(?:^|\n)[#*=>\-[\s]{0,6}(?:system|sys|developer|admin|administrator|root|new system|system prompt|system message|system note|system override|system instructions?|system update|system announcement|sistema|systeme)\s?[\]*]{0,2}\s?:/g,
    },
    {
      lang: 'any',
      view: 'text',
      pattern: /(?:^|\n)#{1,4}\s?(?:system|new instructions|assistant|developer|admin)\b/g,
    },
    // API payloads quote {"role": "assistant"} all the time; a user-typed system or developer message is rarer.
    { lang: 'any', view: 'text', pattern: /["']role["']\s?:\s?["'](?:system|developer)["']/g },
    {
      lang: 'any',
      view: 'text',
      pattern:
        /[[(](?:system|system message|system note|system prompt|system override|sys|admin|admin override|developer|developer note|system alert)[\])]/g,
    },
  ],
  phrases: [
    {
      lang: 'en',
      phrase:
        'end|ending|termination|terminate|close|closing of [the] user|human input|message|prompt|query|turn|request|text',
    },
    { lang: 'en', phrase: 'user|human input|message|prompt|query|turn ends|ended|terminat%' },
    {
      lang: 'en',
      phrase:
        'system|admin|administrator|developer|root|priority|openai instruction%|message|prompt|override|announcement|directive% begins|starts|start|begin|follows|follow|activated|initiated|engaged',
    },
    {
      lang: 'en',
      phrase:
        'begin|start|beginning|start_of [of] [a|the] new system|admin|developer|root message|instructions|prompt|section|mode|session|directive%',
    },
  ],
};

/** Lines that start with a chat role label ("Assistant:", "User:"), as in a faked transcript. */
export const roleLabel: Signal = {
  name: 'role_label',
  weight: 0.25,
  patterns: [{ lang: 'any', view: 'text', pattern: /(?:^|\n)(?:assistant|ai|bot|user|human|chatgpt)\s?:/g }],
};
