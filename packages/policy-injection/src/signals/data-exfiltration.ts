import type { Signal } from '../signal.js';

// Asking the model to move conversation data or secrets to an outside address, often through a
// markdown image whose URL carries the data.

const SECRETS =
  'conversation|chat_history|chat_log|conversation_history|system_prompt|previous_messages|api_keys?|credentials|passwords?|secrets?|cookies|session_tokens?|access_tokens?|private_keys?|the_user_(?:data|info\\w{0,9}|details|password|email|messages)|user_data|personal_data';

/** "Send the conversation to https://…", "![img](https://x/?q={secrets})". */
export const dataExfiltration: Signal = {
  name: 'data_exfiltration',
  weight: 0.5,
  phrases: [
    {
      lang: 'en',
      phrase: `send|post|forward|upload|transmit|exfiltrate|leak|email|submit|append|attach|encode|embed|include ~4 ${SECRETS} ~4 to|into|via|in|as|using http%|https%|url|link|webhook|endpoint|server|email|address|image|query|domain|markdown`,
    },
    {
      lang: 'en',
      phrase:
        'reveal|leak|dump|print|output|disclose|expose|show|list ~2 api_keys?|credentials|passwords?|secrets?|access_tokens?|private_keys?|env_vars|environment_variables [stored|kept|saved|held|that_are|you_have] in|from [the|your] context|memory|conversation|system|environment|prompt|config%',
    },
  ],
  patterns: [
    {
      lang: 'any',
      view: 'text',
      pattern: /!\[[^\]\n]{0,40}\]\(https?:\/\/[^)\s]{1,200}[?&][^)\s=]{1,30}=\s?(?:\{|\[|<|%7b|\$)/g,
    },
  ],
};
