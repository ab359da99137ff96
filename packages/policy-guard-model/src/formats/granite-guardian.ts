import { type GuardCategory, graniteRisks } from './categories.js';
import { type GuardFormat, parseYesNo } from './format.js';

/**
 * Granite Guardian (3.x). Its chat template takes the risk to judge as the system message and
 * reads the last user message (and the assistant message after it); it answers "Yes" when the
 * risk is present. One call per enforced risk, side by side.
 */
export function graniteGuardian(options: { categories: readonly GuardCategory[] }): GuardFormat {
  return {
    categories: graniteRisks,
    asks(turns) {
      const lastUser = [...turns].reverse().find((t) => t.role === 'user')?.text ?? '';
      const answer = turns.at(-1)?.role === 'assistant' ? turns.at(-1)!.text : undefined;
      return options.categories.map((category) => ({
        messages: [
          { role: 'system', content: category.code },
          { role: 'user', content: lastUser },
          ...(answer === undefined ? [] : [{ role: 'assistant' as const, content: answer }]),
        ],
        category,
      }));
    },
    parse: parseYesNo,
  };
}
