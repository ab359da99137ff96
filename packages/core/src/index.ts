// @keeptrusts/core: what a plugin author needs. The host (apps/gateway) has its own entries:
// @keeptrusts/core/config, @keeptrusts/core/chain and @keeptrusts/core/wire.

// Plugin contracts
export { defineAuditSink, definePlugin, definePolicy, defineProvider } from './plugin/define.js';
export { CONTRACT_VERSION } from './plugin/types.js';
export type {
  AnswerCheck,
  AnswerPart,
  AnswerTransform,
  AnswerTransformRun,
  AnswerTransformStep,
  AnswerWindow,
  AuditSink,
  AuditSinkContext,
  AuditSinkStats,
  AuditSinkDefinition,
  CheckedRequest,
  EndpointKind,
  PluginManifest,
  PolicyChatResult,
  PolicyContext,
  PolicyDefinition,
  PolicyHooks,
  PolicyRequest,
  PolicyResponse,
  ProviderContext,
  ProviderDefaults,
  ProviderDefinition,
  ProviderDelegation,
  RequestCheck,
  RuleTargetRef,
  ScanMatch,
  TextScanner,
} from './plugin/types.js';
export type { CallOptions, ProviderInstance } from './plugin/provider-types.js';
export { createProviderInstance } from './plugin/provider-instance.js';

// Decisions
export { allow, block, modify } from './plugin/decision.js';
export type {
  AllowDecision,
  BlockDecision,
  Decision,
  Finding,
  ModifyDecision,
  TextSegment,
} from './plugin/decision.js';

// Answer scanning and rewriting: what the chain runs a scanner with, and token counting
export { applyScanner, ScanStage } from './policy/scan-stage.js';
export type { StageOutput } from './policy/scan-stage.js';
export { approximateTokens, TokenLimiter, truncateToTokens } from './token-count.js';

// Errors
export { errorCodes, formatConfigIssue, GatewayError, PluginError } from './errors.js';
export type { ConfigIssue, ErrorCode, OpenAIErrorBody } from './errors.js';

// What plugins are handed: a provider its target, a sink its records
export type { Origin, TargetConfig } from './config/types.js';
export type { AuditDecision, AuditRecord } from './audit/record.js';

// OpenAI wire types, for providers
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

// Decoders for providers: NDJSON and SSE from an upstream, ids for answers
export { decodeNdjson, NdjsonDecoder, NdjsonParseError } from './wire/ndjson.js';
export type { DecodeNdjsonOptions, NdjsonDecoderOptions } from './wire/ndjson.js';
export { decodeSse, SSE_DONE_DATA, SseDecoder, SseParseError } from './wire/sse-decoder.js';
export type { DecodeSseOptions, SseDecoderOptions, SseEvent } from './wire/sse-decoder.js';
export { randomAlphanumeric } from './wire/openai-responses.js';

// Upstream HTTP for providers: keep-alive undici requests, deadlines, base URLs
export { sendUpstream } from './upstream/transport.js';
export type { UpstreamRequest, UpstreamResponse } from './upstream/transport.js';
export { networkReason, startUpstreamCall, UpstreamBase, untilAborted } from './upstream/call.js';
export type { UpstreamCall } from './upstream/call.js';

// The host's surface, still at the root for code written before the subpaths (#16). New code
// imports these from @keeptrusts/core/config, /chain and /wire.
export { loadConfig, loadConfigTexts } from './config/load.js';
export type { LoadOptions, LoadResult } from './config/load.js';
export type {
  ApiKeyConfig,
  GatewayConfig,
  PolicyConfig,
  RouteRule,
  RuleConfig,
  SinkConfig,
  StreamPolicyMode,
} from './config/types.js';
export { coreVersion, createRegistry } from './plugin/registry.js';
export type { Registry } from './plugin/registry.js';
export { parseListenAddress } from './config/listen-address.js';
export type { ListenAddress } from './config/listen-address.js';
export { parseProviderString, providerStringForms } from './config/provider-string.js';
export type { ProviderRef } from './config/provider-string.js';
export { didYouMean } from './config/did-you-mean.js';
export { formatPath } from './config/zod-issues.js';
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
export { requestTexts } from './policy/segments.js';
export type { RequestTexts } from './policy/segments.js';
export {
  chatCompletionRequestSchema,
  chatMessageSchema,
  completionRequestSchema,
  embeddingRequestSchema,
} from './wire/openai.js';
export {
  chatCompletionBody,
  embeddingListBody,
  encodeEmbeddingBase64,
  modelListBody,
  newCompletionId,
  newResponseMeta,
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
