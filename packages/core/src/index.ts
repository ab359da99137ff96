// Plugin contracts
export { defineAuditSink, definePlugin, definePolicy, defineProvider } from './plugin/define.js';
export { allow, block, modify } from './plugin/decision.js';
export type {
  AllowDecision,
  BlockDecision,
  Decision,
  Finding,
  ModifyDecision,
  TextSegment,
} from './plugin/decision.js';
export { CONTRACT_VERSION } from './plugin/types.js';
export type {
  AuditSink,
  AuditSinkContext,
  AuditSinkDefinition,
  EndpointKind,
  PluginManifest,
  PolicyContext,
  PolicyDefinition,
  PolicyHooks,
  PolicyRequest,
  PolicyResponse,
  AnswerPart,
  ProviderContext,
  ProviderDefaults,
  ProviderDefinition,
  ScanMatch,
  TextScanner,
} from './plugin/types.js';
export type { CallOptions, ProviderInstance } from './plugin/provider-types.js';

// Registry
export { coreVersion, createRegistry } from './plugin/registry.js';
export type { Registry } from './plugin/registry.js';

// Config
export { loadConfig, loadConfigTexts } from './config/load.js';
export type { LoadOptions, LoadResult } from './config/load.js';
export type {
  ApiKeyConfig,
  GatewayConfig,
  KeyLimits,
  LimitStoreConfig,
  Origin,
  PolicyConfig,
  RouteRule,
  RuleConfig,
  SinkConfig,
  StreamPolicyMode,
  TargetConfig,
} from './config/types.js';
export { parseListenAddress } from './config/listen-address.js';
export type { ListenAddress } from './config/listen-address.js';
export { parseProviderString, providerStringForms } from './config/provider-string.js';
export type { ProviderRef } from './config/provider-string.js';
export { didYouMean } from './config/did-you-mean.js';
export { formatPath } from './config/zod-issues.js';

// Errors
export { errorCodes, formatConfigIssue, GatewayError, PluginError } from './errors.js';
export type { ConfigIssue, ErrorCode, OpenAIErrorBody } from './errors.js';

// Audit
export type { AuditDecision, AuditRecord } from './audit/record.js';

// Policy chain
export { createPolicyChain } from './policy/chain.js';
export type {
  AnswerInput,
  BlockedBy,
  PolicyChain,
  RequestOutcome,
  ResponseOutcome,
  Scope,
  StreamFilter,
  StreamPlan,
  StreamPlanChoice,
} from './policy/chain.js';
export { applyScanner, ScanStage } from './policy/scan-stage.js';
export type { StageOutput } from './policy/scan-stage.js';
export { requestTexts } from './policy/segments.js';
export type { RequestTexts } from './policy/segments.js';
export { approximateTokens, TokenLimiter, truncateToTokens } from './policy/token-limit.js';

// OpenAI wire types
export {
  chatCompletionRequestSchema,
  chatMessageSchema,
  completionRequestSchema,
  embeddingRequestSchema,
} from './wire/openai.js';
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

// Wire codecs: NDJSON and SSE in; OpenAI JSON bodies and SSE out
export { decodeNdjson, NdjsonDecoder, NdjsonParseError } from './wire/ndjson.js';
export type { DecodeNdjsonOptions, NdjsonDecoderOptions } from './wire/ndjson.js';
export { decodeSse, SSE_DONE_DATA, SseDecoder, SseParseError } from './wire/sse-decoder.js';
export type { DecodeSseOptions, SseDecoderOptions, SseEvent } from './wire/sse-decoder.js';
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
export { encodeSseStream, OpenAISseEncoder, SSE_DONE_FRAME, sseFrame, streamErrorBody } from './wire/sse.js';
export type { SseEncoderOptions } from './wire/sse.js';
