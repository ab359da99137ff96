import { GatewayError } from '@keeptrusts/core';
import { z } from 'zod';

// Ollama's native API as this provider speaks it (see docs/api.md in ollama/ollama). Requests
// are typed; answers are parsed with loose schemas, since Ollama adds fields over time and a
// field we do not read must never fail a call.

/** Runtime parameters (`options`); only the keys this provider sets. */
export interface OllamaOptions {
  num_ctx?: number;
  num_predict?: number;
  temperature?: number;
  top_p?: number;
  seed?: number;
  stop?: string[];
  presence_penalty?: number;
  frequency_penalty?: number;
}

/** `think`: a bool, or a level for models that take one. */
export type OllamaThink = boolean | 'low' | 'medium' | 'high' | 'max';

/** A tool call replayed in a request's assistant message: arguments are an object. */
export interface OllamaToolCallIn {
  id?: string;
  function: { index?: number; name: string; arguments: Record<string, unknown> };
}

/** One message of `POST /api/chat`. */
export interface OllamaMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** Bare base64, no `data:` prefix. */
  images?: string[];
  tool_calls?: OllamaToolCallIn[];
  tool_name?: string;
  tool_call_id?: string;
}

/** An OpenAI-shaped function tool; Ollama takes it as is. */
export interface OllamaTool {
  type: 'function';
  function: {
    name: string;
    description?: string;
    parameters?: Record<string, unknown>;
    strict?: boolean | null;
  };
}

/** `format`: free JSON, or a JSON schema the output must follow. */
export type OllamaFormat = 'json' | Record<string, unknown>;

/** `POST /api/chat` body. */
export interface OllamaChatRequest {
  model: string;
  messages: OllamaMessage[];
  stream: boolean;
  options?: OllamaOptions;
  format?: OllamaFormat;
  tools?: OllamaTool[];
  think?: OllamaThink;
}

/** `POST /api/generate` body. */
export interface OllamaGenerateRequest {
  model: string;
  prompt: string;
  suffix?: string;
  stream: boolean;
  options?: OllamaOptions;
}

/** `POST /api/embed` body. */
export interface OllamaEmbedRequest {
  model: string;
  input: string[];
  /** False: a too-long input is a 400, as OpenAI answers, rather than silently cut. */
  truncate: boolean;
  dimensions?: number;
  options?: OllamaOptions;
}

const count = z.number().int().nonnegative().optional();

/** Counters and end markers the final line (or a whole answer) carries. */
const endFields = {
  done: z.boolean().optional(),
  done_reason: z.string().nullish(),
  prompt_eval_count: count,
  eval_count: count,
};

const toolCallOut = z.looseObject({
  id: z.string().nullish(),
  function: z.looseObject({
    index: z.number().nullish(),
    name: z.string(),
    // An object natively; tolerate a string from servers that already encode it.
    arguments: z.union([z.record(z.string(), z.unknown()), z.string()]).nullish(),
  }),
});
/** A tool call as Ollama answers it. */
export type OllamaToolCallOut = z.infer<typeof toolCallOut>;

/** One line of a `/api/chat` stream, or a whole non-streamed answer. */
export const ollamaChatLine = z.looseObject({
  message: z
    .looseObject({
      content: z.string().nullish(),
      thinking: z.string().nullish(),
      tool_calls: z.array(toolCallOut).nullish(),
    })
    .nullish(),
  ...endFields,
});
export type OllamaChatLine = z.infer<typeof ollamaChatLine>;

/** One line of a `/api/generate` stream, or a whole non-streamed answer. */
export const ollamaGenerateLine = z.looseObject({
  response: z.string().nullish(),
  ...endFields,
});
export type OllamaGenerateLine = z.infer<typeof ollamaGenerateLine>;

/** `POST /api/embed` answer. */
export const ollamaEmbedResponse = z.looseObject({
  embeddings: z.array(z.array(z.number())).nullish(),
  prompt_eval_count: count,
});

/** `GET /api/tags` answer. */
export const ollamaTagsResponse = z.looseObject({
  models: z
    .array(
      z.looseObject({
        name: z.string().optional(),
        model: z.string().optional(),
        modified_at: z.string().optional(),
      }),
    )
    .nullish(),
});

/** Parses an Ollama answer or stream line, or throws a 502 saying what was wrong with it. */
export function parseOllama<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  endpoint: string,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
  throw new GatewayError(
    'upstream_error',
    `Ollama sent an unexpected ${endpoint} answer${where}: ${issue?.message ?? 'invalid'}`,
    { cause: result.error },
  );
}

/**
 * A whole (non-streamed) answer, which Ollama always ends with `done: true`. Anything else (`{}` from
 * a misbehaving proxy, a stream line) would read as an empty success: it is a 502 instead.
 */
export function finishedAnswer<T extends { done?: boolean | undefined }>(answer: T, endpoint: string): T {
  if (answer.done === true) return answer;
  throw new GatewayError(
    'upstream_error',
    `Ollama sent an unfinished ${endpoint} answer (no "done": true): not an answer the gateway can pass on`,
  );
}
