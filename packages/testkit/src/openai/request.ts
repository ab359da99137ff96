// The request bodies of the OpenAI-compatible endpoints, read with zod the way vLLM's pydantic models and
// llama.cpp's json_value reads do: unknown fields pass (vLLM logs and ignores them), types are checked.
import { z } from 'zod';

const contentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

const toolCallIn = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string().optional() }),
});

const message = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  name: z.string().optional(),
  tool_calls: z.array(toolCallIn).nullish(),
  tool_call_id: z.string().optional(),
});

const tool = z.looseObject({
  type: z.literal('function').optional(),
  function: z.looseObject({
    name: z.string(),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  }),
});

const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) }),
]);

const responseFormat = z.looseObject({
  type: z.enum(['text', 'json_object', 'json_schema']),
  json_schema: z
    .looseObject({ name: z.string().optional(), schema: z.record(z.string(), z.unknown()).optional() })
    .optional(),
});

const streamOptions = z.looseObject({
  include_usage: z.boolean().nullish(),
  continuous_usage_stats: z.boolean().nullish(),
});

const stop = z.union([z.string(), z.array(z.string())]).nullish();

/** A POST /v1/chat/completions body. */
export const chatCompletionRequest = z.looseObject({
  model: z.string().nullish(),
  messages: z.array(message),
  stream: z.boolean().nullish(),
  stream_options: streamOptions.nullish(),
  max_tokens: z.int().nullish(),
  max_completion_tokens: z.int().nullish(),
  stop,
  seed: z.int().nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  n: z.int().nullish(),
  tools: z.array(tool).nullish(),
  tool_choice: toolChoice.nullish(),
  response_format: responseFormat.nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.int().nullish(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequest>;
export type ChatMessageIn = z.infer<typeof message>;
export type ToolIn = z.infer<typeof tool>;
export type ToolChoiceIn = z.infer<typeof toolChoice>;
export type ResponseFormatIn = z.infer<typeof responseFormat>;

/** A POST /v1/completions body. */
export const completionRequest = z.looseObject({
  model: z.string().nullish(),
  prompt: z.union([z.string(), z.array(z.string()).min(1)]),
  stream: z.boolean().nullish(),
  stream_options: streamOptions.nullish(),
  max_tokens: z.int().nullish(),
  stop,
  seed: z.int().nullish(),
  temperature: z.number().nullish(),
  n: z.int().nullish(),
  echo: z.boolean().nullish(),
  logprobs: z.int().nullish(),
  suffix: z.string().nullish(),
});
export type CompletionRequest = z.infer<typeof completionRequest>;

/** A POST /v1/embeddings body. */
export const embeddingRequest = z.looseObject({
  model: z.string().nullish(),
  input: z.union([z.string(), z.array(z.string()).min(1)]),
  encoding_format: z.enum(['float', 'base64']).nullish(),
  dimensions: z.int().nullish(),
});
export type EmbeddingRequest = z.infer<typeof embeddingRequest>;

/** The text of a message's content, string or parts. */
export function contentText(content: ChatMessageIn['content']): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  return content.map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
}
