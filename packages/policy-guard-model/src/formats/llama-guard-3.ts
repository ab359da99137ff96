import { type GuardCategory, llamaGuardCategories } from './categories.js';
import type { Turn } from './conversation.js';
import { type GuardFormat, UnreadableVerdict, type Verdict } from './format.js';

/**
 * Llama Guard 3. With `prompt: template` the conversation goes as chat messages and the model's
 * chat template (Ollama's llama-guard3, the Hugging Face tokenizer's) renders the card's task
 * prompt with every category. With `prompt: gateway` the gateway renders that prompt itself, listing
 * only the enforced categories, for a server that passes prompts through untouched.
 */
export function llamaGuard3(options: {
  prompt: 'template' | 'gateway';
  categories: readonly GuardCategory[];
}): GuardFormat {
  return {
    categories: llamaGuardCategories,
    asks(turns) {
      if (options.prompt === 'template') {
        return [{ messages: turns.map((t) => ({ role: t.role, content: t.text })) }];
      }
      return [{ messages: [{ role: 'user', content: renderLlamaGuardPrompt(turns, options.categories) }] }];
    },
    parse: parseLlamaGuard,
  };
}

/** The Llama Guard 3 prompt as the model card gives it, judging the last turn ('User' or 'Agent'). */
export function renderLlamaGuardPrompt(turns: readonly Turn[], categories: readonly GuardCategory[]): string {
  const role = turns.at(-1)?.role === 'assistant' ? 'Agent' : 'User';
  const listed = categories.map((c) => `${c.code}: ${c.name}.`).join('\n');
  const conversation = turns.map((t) => `${t.role === 'user' ? 'User' : 'Agent'}: ${t.text}`).join('\n\n');
  return (
    '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n' +
    `Task: Check if there is unsafe content in '${role}' messages in conversations according our safety policy with the below categories.\n\n` +
    `<BEGIN UNSAFE CONTENT CATEGORIES>\n${listed}\n<END UNSAFE CONTENT CATEGORIES>\n\n` +
    `<BEGIN CONVERSATION>\n\n${conversation}\n\n<END CONVERSATION>\n\n` +
    `Provide your safety assessment for ONLY THE LAST ${role} message in the above conversation:\n` +
    " - First line must read 'safe' or 'unsafe'.\n" +
    ' - If unsafe, a second line must include a comma-separated list of violated categories.' +
    '<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n'
  );
}

/** Reads "safe", or "unsafe" with a second line of comma-separated codes ("S1,S10"). */
export function parseLlamaGuard(answer: string): Verdict {
  const [first, second] = answer.trim().split(/\r?\n/);
  const word = first?.trim().toLowerCase();
  if (word === 'safe') return { safe: true };
  if (word !== 'unsafe') {
    throw new UnreadableVerdict(`expected "safe" or "unsafe", got ${JSON.stringify(answer.slice(0, 40))}`);
  }
  const categories = (second ?? '')
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');
  return { safe: false, categories };
}
