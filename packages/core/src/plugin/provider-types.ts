import type {
  ChatCompletionRequest,
  ChatResult,
  CompletionRequest,
  CompletionResult,
  EmbeddingRequest,
  EmbeddingResult,
  ModelInfo,
  StreamEvent,
} from '../wire/openai.js';

/** Per-call settings the gateway hands a provider. */
export interface CallOptions {
  /** Aborted when the client disconnects or the gateway gives up. */
  readonly signal: AbortSignal;
  /** The model the target resolves to (the provider string's or the target's `model`). */
  readonly model: string;
}

/**
 * A live provider for one target. Methods take OpenAI-shaped bodies (already validated and passed
 * through the request policies) and return normalised results; they throw `GatewayError`
 * (`upstream_error`, `upstream_timeout`, `invalid_request_error` for fields the upstream cannot honour).
 */
export interface ProviderInstance {
  chat(request: ChatCompletionRequest, options: CallOptions): Promise<ChatResult>;
  /** Resolves once the upstream accepted the call (status known), then yields events. */
  chatStream(request: ChatCompletionRequest, options: CallOptions): Promise<AsyncIterable<StreamEvent>>;
  completion(request: CompletionRequest, options: CallOptions): Promise<CompletionResult>;
  completionStream(request: CompletionRequest, options: CallOptions): Promise<AsyncIterable<StreamEvent>>;
  embedding(request: EmbeddingRequest, options: CallOptions): Promise<EmbeddingResult>;
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
  /** True when the upstream answers its liveness probe. */
  probe(signal: AbortSignal): Promise<boolean>;
}
