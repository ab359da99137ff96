import type { Signal } from '../signal.js';

// Talking to the model about the model: its vendor, its policies, its training. Common in benign
// questions too, so it only tips a score that other signals already raised.

/** "OpenAI content policy", "as an AI language model", "your programming". */
export const aiPolicyReference: Signal = {
  name: 'ai_policy_reference',
  weight: 0.1,
  repeatable: false,
  phrases: [
    { lang: 'any', phrase: 'openai|chatgpt|chat_gpt|anthropic|gpt' },
    {
      lang: 'en',
      phrase: 'content|usage|safety|ethical|moral polic%|guidelines|filters?|restrictions|protocols',
    },
    { lang: 'en', phrase: 'language_model|ai_model|ai_language_model|large_language_model|llm' },
    {
      lang: 'en',
      phrase:
        'your programming|training|creators|developers|programmers|filters|guidelines|safety_(?:guidelines|protocols|filters)|ethical_(?:guidelines|principles|filters|protocols)|moral_(?:guidelines|principles)|content_filter%',
    },
  ],
};
