import { z } from 'zod';

// The seed lists `format: "openai"` among an Ollama target's fields: Ollama's OpenAI-compatible
// `/v1` API. This provider speaks Ollama's native API only; until an OpenAI-compatible provider
// serves that format, a target asking for it is refused at load rather than silently ignored.
const formatRefused =
  "format is not supported yet: the ollama provider speaks Ollama's native API (/api/chat, /api/generate, /api/embed); remove format to use it";

/** The target fields of the `ollama` provider beside core's (`base_url`, `timeout_seconds`, …). */
export const ollamaTargetSchema = z.strictObject({
  format: z
    .unknown()
    .optional()
    .superRefine((value, ctx) => {
      if (value !== undefined) ctx.addIssue({ code: 'custom', message: formatRefused });
    }),
});
/** The `ollama` provider's own target fields after parsing. */
export type OllamaTargetOptions = z.output<typeof ollamaTargetSchema>;
