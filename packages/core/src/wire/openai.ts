import { z } from 'zod';

// OpenAI request bodies as the gateway accepts them. Objects are strict: a field the gateway
// does not know is refused by name (400) rather than silently ignored.

const imageUrlPart = z.strictObject({
  type: z.literal('image_url'),
  image_url: z.union([
    z.string(),
    z.strictObject({ url: z.string(), detail: z.enum(['auto', 'low', 'high']).optional() }),
  ]),
});
const textPart = z.strictObject({ type: z.literal('text'), text: z.string() });
const contentPart = z.discriminatedUnion('type', [textPart, imageUrlPart]);

/** A text or image part of a message's content. */
export type ContentPart = z.infer<typeof contentPart>;

const toolCall = z.strictObject({
  id: z.string(),
  type: z.literal('function'),
  function: z.strictObject({ name: z.string(), arguments: z.string() }),
});

/** A tool call as OpenAI sends it: arguments are a JSON string. */
export type ToolCall = z.infer<typeof toolCall>;

const systemMessage = z.strictObject({
  role: z.enum(['system', 'developer']),
  content: z.union([z.string(), z.array(textPart)]),
  name: z.string().optional(),
});
const userMessage = z.strictObject({
  role: z.literal('user'),
  content: z.union([z.string(), z.array(contentPart)]),
  name: z.string().optional(),
});
const assistantMessage = z.strictObject({
  role: z.literal('assistant'),
  content: z.union([z.string(), z.array(textPart), z.null()]).optional(),
  name: z.string().optional(),
  tool_calls: z.array(toolCall).optional(),
  refusal: z.string().nullable().optional(),
});
const toolMessage = z.strictObject({
  role: z.literal('tool'),
  content: z.union([z.string(), z.array(textPart)]),
  tool_call_id: z.string(),
  name: z.string().optional(),
});

/** One message of a chat request. */
export const chatMessageSchema = z.discriminatedUnion('role', [
  systemMessage,
  userMessage,
  assistantMessage,
  toolMessage,
]);
export type ChatMessage = z.infer<typeof chatMessageSchema>;

const functionTool = z.strictObject({
  type: z.literal('function'),
  function: z.strictObject({
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'expected 1-64 letters, digits, _ or -'),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullable().optional(),
  }),
});
export type FunctionTool = z.infer<typeof functionTool>;

const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.strictObject({ type: z.literal('function'), function: z.strictObject({ name: z.string() }) }),
]);
export type ToolChoice = z.infer<typeof toolChoice>;

const responseFormat = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text') }),
  z.strictObject({ type: z.literal('json_object') }),
  z.strictObject({
    type: z.literal('json_schema'),
    json_schema: z.strictObject({
      name: z.string(),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullable().optional(),
    }),
  }),
]);
export type ResponseFormat = z.infer<typeof responseFormat>;

const stop = z.union([z.string(), z.array(z.string()).max(4)]).nullable();
const streamOptions = z
  .strictObject({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() })
  .nullable();
const metadata = z.record(z.string(), z.string()).nullable();

/** Fields chat and completion requests share. */
const samplingFields = {
  model: z.string().min(1),
  stream: z.boolean().nullable().optional(),
  stream_options: streamOptions.optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  n: z.number().int().min(1).max(128).nullable().optional(),
  stop: stop.optional(),
  max_tokens: z.number().int().min(1).nullable().optional(),
  presence_penalty: z.number().min(-2).max(2).nullable().optional(),
  frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
  seed: z.number().int().nullable().optional(),
  user: z.string().optional(),
  logit_bias: z.record(z.string(), z.number()).nullable().optional(),
  metadata: metadata.optional(),
};

/** `POST /v1/chat/completions` body. */
export const chatCompletionRequestSchema = z.strictObject({
  ...samplingFields,
  messages: z.array(chatMessageSchema).min(1),
  max_completion_tokens: z.number().int().min(1).nullable().optional(),
  response_format: responseFormat.optional(),
  tools: z.array(functionTool).optional(),
  tool_choice: toolChoice.optional(),
  parallel_tool_calls: z.boolean().optional(),
  logprobs: z.boolean().nullable().optional(),
  top_logprobs: z.number().int().min(0).max(20).nullable().optional(),
  store: z.boolean().nullable().optional(),
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']).nullable().optional(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

/** `POST /v1/completions` body. */
export const completionRequestSchema = z.strictObject({
  ...samplingFields,
  prompt: z.union([z.string(), z.array(z.string()).length(1)]),
  suffix: z.string().nullable().optional(),
  echo: z.boolean().nullable().optional(),
  best_of: z.number().int().min(1).nullable().optional(),
  logprobs: z.number().int().min(0).max(5).nullable().optional(),
});
export type CompletionRequest = z.infer<typeof completionRequestSchema>;

/** `POST /v1/embeddings` body. */
export const embeddingRequestSchema = z.strictObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1).max(2048)]),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.number().int().min(1).optional(),
  user: z.string().optional(),
});
export type EmbeddingRequest = z.infer<typeof embeddingRequestSchema>;

/** Token counts, OpenAI's names. */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Why an answer ended, OpenAI's names. */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

/** A whole (non-streamed) chat answer, before the gateway adds id and created. */
export interface ChatResult {
  content: string;
  reasoning?: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: Usage;
}

/** A whole completion answer. */
export interface CompletionResult {
  text: string;
  finishReason: FinishReason;
  usage: Usage;
}

/** Embeddings in input order, as float arrays, with the upstream's prompt token count. */
export interface EmbeddingResult {
  embeddings: number[][];
  promptTokens: number;
}

/**
 * One event of a streamed answer, normalised across providers. A stream is any number of
 * `delta` events and then exactly one `done`; a failure mid-stream throws from the iterator.
 */
export type StreamEvent =
  | { type: 'delta'; content?: string; reasoning?: string; toolCalls?: ToolCall[] }
  | { type: 'done'; finishReason: FinishReason; usage: Usage };

/** A model the upstream offers, for `GET /v1/models`. */
export interface ModelInfo {
  id: string;
  created: number;
  ownedBy: string;
}
