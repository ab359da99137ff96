// @keeptrusts/core/wire: OpenAI's HTTP shapes, in and out, for the host (apps/gateway).
// Providers find the types and decoders they need at the root too.

export type { DecodeNdjsonOptions, NdjsonDecoderOptions } from './wire/ndjson.js';
// Decoders: NDJSON and SSE in
export { decodeNdjson, NdjsonDecoder, NdjsonParseError } from './wire/ndjson.js';
export type {
  ChatCompletionRequest,
  ChatMessage,
  ChatResult,
  CompletionRequest,
  CompletionResult,
  ContentPart,
  EmbeddingRequest,
  EmbeddingResult,
  FinishReason,
  FunctionTool,
  ModelInfo,
  ResponseFormat,
  StreamEvent,
  ToolCall,
  ToolChoice,
  Usage,
} from './wire/openai.js';
// OpenAI request bodies
export {
  chatCompletionRequestSchema,
  chatMessageSchema,
  completionRequestSchema,
  embeddingRequestSchema,
} from './wire/openai.js';
export type {
  AssistantMessageOut,
  ChatCompletionBody,
  ChatCompletionChunk,
  ChatDelta,
  EmbeddingListBody,
  ModelListBody,
  ResponseMeta,
  TextCompletionBody,
  ToolCallOut,
} from './wire/openai-responses.js';
// OpenAI response bodies
export {
  chatCompletionBody,
  embeddingListBody,
  encodeEmbeddingBase64,
  modelListBody,
  newCompletionId,
  newResponseMeta,
  randomAlphanumeric,
  textCompletionBody,
} from './wire/openai-responses.js';
export type { SseEncoderOptions } from './wire/sse.js';
// SSE out
export { encodeSseStream, OpenAISseEncoder, SSE_DONE_FRAME, sseFrame, streamErrorBody } from './wire/sse.js';
export type { DecodeSseOptions, SseDecoderOptions, SseEvent } from './wire/sse-decoder.js';
export { decodeSse, SSE_DONE_DATA, SseDecoder, SseParseError } from './wire/sse-decoder.js';
