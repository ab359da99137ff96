import type { GuardCategory } from './categories.js';
import type { GuardFormat, Verdict } from './format.js';

/**
 * Any other guard model: the gateway fills a prompt template and sends it as one user message;
 * an answer matching `unsafe` is unsafe, its first capture group (if any) the comma-separated
 * categories. Placeholders: `{{conversation}}` ("User: …" / "Agent: …" turns), `{{role}}` (`User`
 * or `Agent`, the turn judged), `{{last}}` (that turn's text) and `{{categories}}` (one per line).
 */
export function customFormat(options: {
  template: string;
  unsafe: RegExp;
  categories: readonly GuardCategory[];
}): GuardFormat {
  return {
    categories: options.categories,
    asks(turns) {
      const last = turns.at(-1);
      const values: Record<string, string> = {
        conversation: turns.map((t) => `${t.role === 'user' ? 'User' : 'Agent'}: ${t.text}`).join('\n\n'),
        role: last?.role === 'assistant' ? 'Agent' : 'User',
        last: last?.text ?? '',
        categories: options.categories.map((c) => c.name).join('\n'),
      };
      // One pass over the template, so text that looks like a placeholder inside a turn stays as is.
      const content = options.template.replace(
        /\{\{(conversation|role|last|categories)\}\}/g,
        (_, key: string) => values[key]!,
      );
      return [{ messages: [{ role: 'user', content }] }];
    },
    parse(answer): Verdict {
      const match = options.unsafe.exec(answer);
      if (match === null) return { safe: true };
      const categories = (match[1] ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== '');
      return { safe: false, categories };
    },
  };
}
