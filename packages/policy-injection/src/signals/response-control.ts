import type { Signal } from '../signal.js';

// Rules about how every future answer must look, and placeholders for the user's request in a
// shared prompt template. Benign instructions say "always answer in JSON" too, so each weighs
// little; persona jailbreaks stack many of them.

/** "X will always…", "never say…", "start every response with…", "answer every prompt". */
export const responseControl: Signal = {
  name: 'response_control',
  weight: 0.12,
  phrases: [
    { lang: 'en', phrase: 'will|must|shall|should always|never' },
    {
      lang: 'en',
      phrase:
        'always|never answer%|respond%|repl%|start%|begin%|say|says|mention%|refuse%|break%|reveal%|remind%|use|uses|talk%|speak%',
    },
    {
      lang: 'en',
      phrase: 'answer|respond|reply [to] every|all|any prompt%|question%|message%|request%|query|queries',
    },
    {
      lang: 'en',
      phrase:
        'start|begin|prefix|preface|end [each|every|all] [of] [your] response%|answer%|repl%|message%|output%|sentence% with',
    },
  ],
};

/** "[INSERT PROMPT HERE]", "[Your prompt here]", "[TARGETLANGUAGE]": a copy-paste prompt template. */
export const templatePlaceholder: Signal = {
  name: 'template_placeholder',
  weight: 0.25,
  patterns: [
    {
      lang: 'any',
      view: 'text',
      pattern:
        /[[<{(]\s?(?:insert|put|type|enter|add|write|your|paste)\s(?:your\s|the\s|a\s)?(?:prompt|question|request|query)(?:\s(?:here|below))?\s?[\]>})]|\[(?:prompt|targetlanguage|target language|your prompt|insert prompt here|keyword)\]/g,
    },
  ],
};
