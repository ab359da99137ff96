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
import { chatResultOf, completionResultOf } from './answer.js';
import { embeddingResultOf, upstreamEmbeddingBody } from './embedding.js';
import { OpenAIHttpClient } from './http-client.js';
import { modelsOf } from './model-list.js';
import { upstreamChatBody, upstreamCompletionBody } from './request-body.js';
import { serverFacts } from './servers.js';
import { chatStreamEvents, completionStreamEvents } from './stream-events.js';
import { type OpenAITargetOptions, openaiTargetSchema } from './target-options.js';

/**
 * The defaults of each name that selects the provider: where each server listens by default (its
 * documented `base_url`, API root included) and the variable its API key conventionally lives in.
 * The generic `openai` has no default address: a target names its server.
 */
export const openaiDefaults = {
  openai: { secretKeyEnv: 'OPENAI_API_KEY' },
  vllm: { baseUrl: 'http://localhost:8000/v1', secretKeyEnv: 'VLLM_API_KEY' },
  llamacpp: { baseUrl: 'http://localhost:8080/v1', secretKeyEnv: 'LLAMA_API_KEY' },
  lmstudio: { baseUrl: 'http://localhost:1234/v1', secretKeyEnv: 'LM_API_TOKEN' },
} as const;

/** Creates the live provider for one target of an OpenAI-compatible server. */
export function createOpenAIProvider(
  target: TargetConfig<OpenAITargetOptions>,
  context: ProviderContext,
): ProviderInstance {
  const facts = serverFacts(target.providerName);
  if (target.baseUrl === undefined) {
    throw new Error(
      `target "${target.id}" (${target.provider}) needs base_url: the generic openai provider has no default server; write the server's API root, such as http://localhost:8000/v1`,
    );
  }
  const { secretKeyEnv } = target;
  const http = new OpenAIHttpClient({
    baseUrl: target.baseUrl,
    label: facts.label,
    timeoutSeconds: target.timeoutSeconds,
    streamTimeoutSeconds: target.streamTimeoutSeconds,
    token: () => (secretKeyEnv === undefined ? undefined : context.env(secretKeyEnv)),
    secretKeyEnv,
  });
  const by = { targetId: target.id, facts };
  const sameModel = context.sameModel ?? target.definition.sameModel;

  return {
    async chat(request: ChatCompletionRequest, options: CallOptions) {
      const body = upstreamChatBody(request, { model: options.model, stream: false }, by);
      return chatResultOf(await http.postJson('chat/completions', body, options.signal), http.place);
    },
    async chatStream(request: ChatCompletionRequest, options: CallOptions) {
      const body = upstreamChatBody(request, { model: options.model, stream: true }, by);
      return chatStreamEvents(await http.postStream('chat/completions', body, options.signal));
    },
    async completion(request: CompletionRequest, options: CallOptions) {
      const body = upstreamCompletionBody(request, { model: options.model, stream: false }, by);
      return completionResultOf(await http.postJson('completions', body, options.signal), http.place);
    },
    async completionStream(request: CompletionRequest, options: CallOptions) {
      const body = upstreamCompletionBody(request, { model: options.model, stream: true }, by);
      return completionStreamEvents(await http.postStream('completions', body, options.signal));
    },
    async embedding(request: EmbeddingRequest, options: CallOptions) {
      const body = upstreamEmbeddingBody(request, options.model);
      const inputs = (body.input as string[]).length;
      return embeddingResultOf(await http.postJson('embeddings', body, options.signal), inputs, http.place);
    },
    async listModels(signal: AbortSignal) {
      return modelsOf(await http.getJson('models', signal), http.place);
    },
    async probe(signal: AbortSignal) {
      // Healthy when the server lists the target's model: a server that answers but serves
      // another model would fail every request. llama.cpp answers to any name with its one model.
      try {
        const models = modelsOf(await http.getJson('models', signal), http.place);
        if (facts.anyModelName) return models.length > 0;
        return models.some((m) => sameModel(target.model, m.id));
      } catch {
        return false;
      }
    },
  };
}

/**
 * The `openai` provider: the gateway's chat, completion and embedding calls served by an
 * OpenAI-compatible server. `vllm`, `llamacpp` and `lmstudio` select it with that server's defaults.
 */
export const openaiProvider: ProviderDefinition<OpenAITargetOptions> = defineProvider({
  name: 'openai',
  aliases: {
    vllm: openaiDefaults.vllm,
    llamacpp: openaiDefaults.llamacpp,
    lmstudio: openaiDefaults.lmstudio,
  },
  kinds: ['chat', 'completion', 'embedding'],
  defaults: openaiDefaults.openai,
  configSchema: openaiTargetSchema,
  create: createOpenAIProvider,
});
