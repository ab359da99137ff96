import {
  type CallOptions,
  type ChatCompletionRequest,
  type CompletionRequest,
  defineProvider,
  type EmbeddingRequest,
  type ProviderContext,
  type ProviderDefinition,
  type ProviderInstance,
  type TargetConfig,
} from '@keeptrusts/core';
import { toOllamaChatRequest } from './chat-request.js';
import { chatResultFromOllama, chatStreamEvents } from './chat-response.js';
import { completionResultFromOllama, completionStreamEvents, toOllamaGenerateRequest } from './completion.js';
import { embeddingResultFromOllama, toOllamaEmbedRequest } from './embedding.js';
import { OllamaHttpClient } from './http-client.js';
import { modelsFromOllama } from './model-list.js';
import { sameOllamaModel } from './model-name.js';
import { type OllamaTargetOptions, ollamaTargetSchema } from './target-options.js';

/** Where `ollama serve` listens and where a proxy in front of it finds its bearer token, by default. */
export const ollamaDefaults = { baseUrl: 'http://localhost:11434', secretKeyEnv: 'OLLAMA_API_KEY' } as const;

/** Creates the live provider for one Ollama target. */
export function createOllamaProvider(
  target: TargetConfig<OllamaTargetOptions>,
  context: ProviderContext,
): ProviderInstance {
  if (target.options.format === 'openai') {
    // Served by another provider (see `delegate`); speaking the native API here would ignore the
    // operator's choice without a word.
    throw new Error(
      `target "${target.id}" has format: openai, which the ollama provider hands to the openai provider; create it with core's createProviderInstance`,
    );
  }
  const { secretKeyEnv } = target;
  const http = new OllamaHttpClient({
    // The loader fills in ollamaDefaults.baseUrl; a hand-built target may leave it out.
    baseUrl: target.baseUrl ?? ollamaDefaults.baseUrl,
    timeoutSeconds: target.timeoutSeconds,
    streamTimeoutSeconds: target.streamTimeoutSeconds,
    token: () => (secretKeyEnv === undefined ? undefined : context.env(secretKeyEnv)),
  });
  const maxContextTokens = target.maxContextTokens;
  const toolPolicy = (request: ChatCompletionRequest) => ({
    singleToolCall: request.parallel_tool_calls === false,
  });

  return {
    async chat(request: ChatCompletionRequest, options: CallOptions) {
      const body = toOllamaChatRequest(request, { model: options.model, stream: false, maxContextTokens });
      return chatResultFromOllama(
        await http.postJson('/api/chat', body, options.signal),
        toolPolicy(request),
      );
    },
    async chatStream(request: ChatCompletionRequest, options: CallOptions) {
      const body = toOllamaChatRequest(request, { model: options.model, stream: true, maxContextTokens });
      return chatStreamEvents(await http.postStream('/api/chat', body, options.signal), toolPolicy(request));
    },
    async completion(request: CompletionRequest, options: CallOptions) {
      const body = toOllamaGenerateRequest(request, {
        model: options.model,
        stream: false,
        maxContextTokens,
      });
      return completionResultFromOllama(await http.postJson('/api/generate', body, options.signal));
    },
    async completionStream(request: CompletionRequest, options: CallOptions) {
      const body = toOllamaGenerateRequest(request, { model: options.model, stream: true, maxContextTokens });
      return completionStreamEvents(await http.postStream('/api/generate', body, options.signal));
    },
    async embedding(request: EmbeddingRequest, options: CallOptions) {
      const body = toOllamaEmbedRequest(request, { model: options.model, maxContextTokens });
      return embeddingResultFromOllama(
        await http.postJson('/api/embed', body, options.signal),
        body.input.length,
      );
    },
    async listModels(signal: AbortSignal) {
      return modelsFromOllama(await http.getJson('/api/tags', signal));
    },
    async probe(signal: AbortSignal) {
      if (!(await http.probe(signal))) return false;
      if (target.kind === 'embedding') return true;
      // Model-aware: an empty prompt makes Ollama load the model and answer at once (done_reason
      // "load") without generating. An Ollama whose GET / answers while its runner hangs, or that
      // lacks the model, fails here and leaves rotation; the model also stays loaded (warm).
      try {
        const answer = await http.postJson(
          '/api/generate',
          { model: target.model, prompt: '', stream: false },
          signal,
        );
        return (answer as { done?: unknown }).done === true;
      } catch {
        return false;
      }
    },
  };
}

/** The `ollama` provider: OpenAI chat, completion and embedding calls served by Ollama's native API. */
export const ollamaProvider: ProviderDefinition<OllamaTargetOptions> = defineProvider({
  name: 'ollama',
  kinds: ['chat', 'completion', 'embedding'],
  defaults: ollamaDefaults,
  configSchema: ollamaTargetSchema,
  sameModel: sameOllamaModel,
  // `format: openai`: Ollama's OpenAI-compatible API under /v1, served by whichever provider the
  // registry holds as `openai`. Named, not imported, so neither plugin depends on the other; the
  // target keeps Ollama's defaults and model naming (`llama3.3` is `llama3.3:latest`).
  delegate: (target) =>
    target.options.format === 'openai'
      ? { provider: 'openai', baseUrl: `${target.baseUrl ?? ollamaDefaults.baseUrl}/v1` }
      : undefined,
  create: createOllamaProvider,
});
