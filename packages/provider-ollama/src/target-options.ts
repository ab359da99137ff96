import { z } from 'zod';

// The seed lists `format: "openai"` among an Ollama target's fields: Ollama's OpenAI-compatible
// API under `/v1`. This provider speaks Ollama's native API (`ollama`, the default); for `openai`
// it hands the target to the provider registered as `openai` (see `delegate` in ollama-provider.ts).

/** The target fields of the `ollama` provider beside core's (`base_url`, `timeout_seconds`, …). */
export const ollamaTargetSchema = z.strictObject({
  format: z.enum(['ollama', 'openai']).optional(),
});
/** The `ollama` provider's own target fields after parsing. */
export type OllamaTargetOptions = z.output<typeof ollamaTargetSchema>;
