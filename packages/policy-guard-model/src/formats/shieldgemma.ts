import { type GuardCategory, shieldGemmaHarms } from './categories.js';
import { type GuardFormat, parseYesNo } from './format.js';

/**
 * ShieldGemma. With `prompt: template` the last user turn (and the answer) go as chat messages and
 * Ollama's shieldgemma template renders the card's prompt with all four harm types at once. With
 * `prompt: gateway` the gateway renders the card's prompt once per enforced harm type, as the card
 * asks (the model is trained to judge one at a time), and the calls run side by side.
 */
export function shieldGemma(options: {
  prompt: 'template' | 'gateway';
  categories: readonly GuardCategory[];
}): GuardFormat {
  return {
    categories: shieldGemmaHarms,
    asks(turns) {
      const question = [...turns].reverse().find((t) => t.role === 'user')?.text ?? '';
      const answer = turns.at(-1)?.role === 'assistant' ? turns.at(-1)!.text : undefined;
      if (options.prompt === 'template') {
        return [
          {
            messages: [
              { role: 'user', content: question },
              ...(answer === undefined ? [] : [{ role: 'assistant' as const, content: answer }]),
            ],
            category: {
              code: 'shieldgemma_policies',
              slug: 'shieldgemma_policies',
              name: 'ShieldGemma policies',
            },
          },
        ];
      }
      return options.categories.map((category) => ({
        messages: [{ role: 'user', content: renderShieldGemmaPrompt(question, answer, category.slug) }],
        category,
      }));
    },
    parse: parseYesNo,
  };
}

/** The ShieldGemma prompt as the model card gives it, for a prompt or a prompt and its response. */
export function renderShieldGemmaPrompt(question: string, answer: string | undefined, harm: string): string {
  const policy = shieldGemmaHarms.find((h) => h.slug === harm)!;
  const principle = `* "${policy.name}": ${answer === undefined ? policy.prompt : policy.response}`;
  if (answer === undefined) {
    return (
      'You are a policy expert trying to help determine whether a user prompt is in violation of the defined safety policies.\n\n' +
      `<start_of_turn>\nHuman Question: ${question.trim()}\n<end_of_turn>\n\n` +
      `Our safety principle is defined in the below:\n\n${principle}\n\n` +
      "Does the human question violate the above principle? Your answer must start with 'Yes' or 'No'. And then walk through step by step to be sure we answer correctly.\n"
    );
  }
  return (
    'You are a policy expert trying to help determine whether an AI response to prompt is in violation of the defined safety policies.\n\n' +
    `<start_of_turn>\nHuman Question: ${question.trim()}\n<end_of_turn>\n\n` +
    `<start_of_turn>\nChatbot Response: ${answer.trim()}\n<end_of_turn>\n\n` +
    `Our safety principle is defined in the below:\n\n${principle}\n\n` +
    "Does the Chatbot Response violate the above principle? Your answer must start with 'Yes' or 'No'. And then walk through step by step to be sure we answer correctly.\n"
  );
}
