import type {
  ChatResult,
  CompletionResult,
  EmbeddingResult,
  FinishReason,
  ModelInfo,
  ToolCall,
  Usage,
} from './openai.js';

// OpenAI response bodies the gateway sends, built from a provider's normalised results. The
// shapes follow OpenAI's API reference; fields OpenAI always sends (`logprobs: null`,
// `refusal: null`) are sent too, so strict clients and typed SDKs find them.

/** Identity every body or chunk of one answer repeats. */
export interface ResponseMeta {
  /** `chatcmpl-…` or `cmpl-…`; see {@link newCompletionId}. */
  id: string;
  /** Unix seconds. */
  created: number;
  /** The model as the client asked for it. */
  model: string;
  systemFingerprint?: string;
}

/** A tool call as a chat answer carries it; `index` only appears in stream deltas. */
export interface ToolCallOut {
  index?: number;
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** The assistant message of a non-streamed chat answer. */
export interface AssistantMessageOut {
  role: 'assistant';
  /** `null` when the answer is only tool calls, as OpenAI sends it. */
  content: string | null;
  refusal: null;
  /** Thinking text of reasoning models, under Ollama's OpenAI layer's name. */
  reasoning?: string;
  tool_calls?: ToolCallOut[];
}

/** `POST /v1/chat/completions` answer (`stream: false`). */
export interface ChatCompletionBody {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  system_fingerprint?: string;
  choices: [{ index: 0; message: AssistantMessageOut; finish_reason: FinishReason; logprobs: null }];
  usage: Usage;
}

/** The `delta` of a chat stream chunk. */
export interface ChatDelta {
  role?: 'assistant';
  content?: string;
  reasoning?: string;
  tool_calls?: ToolCallOut[];
}

/** One `chat.completion.chunk` of a chat stream. */
export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  system_fingerprint?: string;
  choices: { index: 0; delta: ChatDelta; finish_reason: FinishReason | null; logprobs: null }[];
  usage?: Usage | null;
}

/** `POST /v1/completions` answer, and (same object) each chunk of its stream. */
export interface TextCompletionBody {
  id: string;
  object: 'text_completion';
  created: number;
  model: string;
  system_fingerprint?: string;
  choices: { index: 0; text: string; finish_reason: FinishReason | null; logprobs: null }[];
  usage?: Usage | null;
}

/** `POST /v1/embeddings` answer. */
export interface EmbeddingListBody {
  object: 'list';
  data: { object: 'embedding'; index: number; embedding: number[] | string }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

/** `GET /v1/models` answer. */
export interface ModelListBody {
  object: 'list';
  data: { id: string; object: 'model'; created: number; owned_by: string }[];
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// Random bytes are drawn a few kilobytes at a time: one getRandomValues call per id cost more than
// the rest of building the answer (#14).
const POOL_SIZE = 4096;
let pool: Uint8Array | undefined;
let poolAt = POOL_SIZE;

function randomByte(): number {
  if (poolAt === POOL_SIZE) {
    pool = crypto.getRandomValues(pool ?? new Uint8Array(POOL_SIZE));
    poolAt = 0;
  }
  return pool![poolAt++]!;
}

/** Random letters and digits, for ids clients only compare. */
export function randomAlphanumeric(length: number): string {
  // 62 * 4 = 248 ≤ 256, so rejecting bytes ≥ 248 keeps every character equally likely.
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    if (byte < 248) out += ID_ALPHABET[byte % 62];
  }
  return out;
}

/** A fresh answer id in OpenAI's form: `chatcmpl-<29 random>` for chat, `cmpl-<29 random>` for completions. */
export function newCompletionId(kind: 'chat' | 'completion'): string {
  return `${kind === 'chat' ? 'chatcmpl' : 'cmpl'}-${randomAlphanumeric(29)}`;
}

/** Identity for a new answer: a fresh id and the current time. */
export function newResponseMeta(kind: 'chat' | 'completion', model: string): ResponseMeta {
  return { id: newCompletionId(kind), created: Math.floor(Date.now() / 1000), model };
}

function head(meta: ResponseMeta): {
  id: string;
  created: number;
  model: string;
  system_fingerprint?: string;
} {
  return {
    id: meta.id,
    created: meta.created,
    model: meta.model,
    ...(meta.systemFingerprint === undefined ? {} : { system_fingerprint: meta.systemFingerprint }),
  };
}

function toolCallsOut(calls: readonly ToolCall[]): ToolCallOut[] {
  return calls.map((call) => ({
    id: call.id,
    type: 'function',
    function: { name: call.function.name, arguments: call.function.arguments },
  }));
}

/** Builds the `chat.completion` body of a non-streamed chat answer. */
export function chatCompletionBody(result: ChatResult, meta: ResponseMeta): ChatCompletionBody {
  const hasCalls = result.toolCalls.length > 0;
  const message: AssistantMessageOut = {
    role: 'assistant',
    content: hasCalls && result.content === '' ? null : result.content,
    refusal: null,
    ...(result.reasoning ? { reasoning: result.reasoning } : {}),
    ...(hasCalls ? { tool_calls: toolCallsOut(result.toolCalls) } : {}),
  };
  const { id, created, model, system_fingerprint } = head(meta);
  return {
    id,
    object: 'chat.completion',
    created,
    model,
    ...(system_fingerprint === undefined ? {} : { system_fingerprint }),
    choices: [{ index: 0, message, finish_reason: result.finishReason, logprobs: null }],
    usage: { ...result.usage },
  };
}

/** Builds the `text_completion` body of a non-streamed completion. */
export function textCompletionBody(result: CompletionResult, meta: ResponseMeta): TextCompletionBody {
  const { id, created, model, system_fingerprint } = head(meta);
  return {
    id,
    object: 'text_completion',
    created,
    model,
    ...(system_fingerprint === undefined ? {} : { system_fingerprint }),
    choices: [{ index: 0, text: result.text, finish_reason: result.finishReason, logprobs: null }],
    usage: { ...result.usage },
  };
}

/**
 * Encodes an embedding as OpenAI's `encoding_format: "base64"` does: the little-endian float32
 * bytes, standard base64.
 *
 * @example encodeEmbeddingBase64([0.1, -0.2, 0.3]) === 'zczMPc3MTL6amZk+'
 */
export function encodeEmbeddingBase64(values: readonly number[]): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => {
    view.setFloat32(i * 4, value, true);
  });
  return Buffer.from(bytes).toString('base64');
}

/** Builds the `list` body of an embeddings answer, in input order. */
export function embeddingListBody(
  result: EmbeddingResult,
  options: { model: string; encodingFormat?: 'float' | 'base64' | undefined },
): EmbeddingListBody {
  const base64 = options.encodingFormat === 'base64';
  return {
    object: 'list',
    data: result.embeddings.map((embedding, index) => ({
      object: 'embedding',
      index,
      embedding: base64 ? encodeEmbeddingBase64(embedding) : embedding,
    })),
    model: options.model,
    usage: { prompt_tokens: result.promptTokens, total_tokens: result.promptTokens },
  };
}

/** Builds the `list` body of `GET /v1/models`. */
export function modelListBody(models: readonly ModelInfo[]): ModelListBody {
  return {
    object: 'list',
    data: models.map((m) => ({ id: m.id, object: 'model', created: m.created, owned_by: m.ownedBy })),
  };
}
