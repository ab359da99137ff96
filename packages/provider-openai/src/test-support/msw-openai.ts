import type { CallOptions, ProviderContext, ProviderInstance, TargetConfig } from '@keeptrusts/core';
import type { UpstreamServer } from '@keeptrusts/testkit';
import { HttpResponse, http } from 'msw';
import { createOpenAIProvider, openaiProvider } from '../openai-provider.js';
import type { OpenAITargetOptions } from '../target-options.js';

// Shared by the msw unit tests of the provider's HTTP layer (not built into dist).

export const BASE_URL = 'http://vllm.test:8000/v1';

/** A target as the config loader would hand it over, defaults applied. */
export function testTarget(
  overrides: Partial<TargetConfig<OpenAITargetOptions>> = {},
): TargetConfig<OpenAITargetOptions> {
  return {
    id: 'vllm-qwen',
    providerName: 'vllm',
    definition: openaiProvider,
    provider: 'vllm:chat:qwen2.5-7b',
    kind: 'chat',
    model: 'qwen2.5-7b',
    baseUrl: BASE_URL,
    secretKeyEnv: 'VLLM_API_KEY',
    timeoutSeconds: 30,
    streamTimeoutSeconds: 120,
    maxContextTokens: undefined,
    description: undefined,
    weight: 1,
    healthProbe: false,
    options: {},
    origin: { file: 'policy-config.yaml', path: ['providers', 'targets', 0] },
    ...overrides,
  };
}

/** A provider for {@link testTarget}, with an environment given as a plain object. */
export function testProvider(
  overrides: Partial<TargetConfig<OpenAITargetOptions>> = {},
  env: Record<string, string> = {},
  context: Partial<ProviderContext> = {},
): ProviderInstance {
  return createOpenAIProvider(testTarget(overrides), { env: (name) => env[name], ...context });
}

/** Call options for the test model with a signal that never aborts unless given one. */
export function callOptions(signal: AbortSignal = new AbortController().signal): CallOptions {
  return { signal, model: 'qwen2.5-7b' };
}

/** A recorded request: what the provider sent. */
export interface Recorded {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

/** Answers `{BASE_URL}/{path}` with `answer` and records every request there, body parsed. */
export function answerWith(
  server: UpstreamServer,
  path: string,
  answer: Response | (() => Response),
  base: string = BASE_URL,
): Recorded[] {
  const seen: Recorded[] = [];
  server.use(
    http.all(`${base}/${path}`, async ({ request }) => {
      const text = request.method === 'GET' ? '' : await request.text();
      seen.push({
        method: request.method,
        path: new URL(request.url).pathname,
        headers: request.headers,
        body: text === '' ? undefined : JSON.parse(text),
      });
      return typeof answer === 'function' ? answer() : answer.clone();
    }),
  );
  return seen;
}

/** An SSE response of these data values (objects are JSON-encoded), optionally ended by `[DONE]`. */
export function sse(values: readonly unknown[], done = true): Response {
  const body =
    values.map((v) => `data: ${typeof v === 'string' ? v : JSON.stringify(v)}\n\n`).join('') +
    (done ? 'data: [DONE]\n\n' : '');
  return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } });
}

/** One chat chunk with this delta (and finish reason). */
export function chunk(delta: Record<string, unknown>, finish: string | null = null): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'qwen2.5-7b',
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  };
}

/** The usage chunk a server sends after the finish chunk when asked for `include_usage`. */
export function usageChunk(prompt: number, completion: number): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'qwen2.5-7b',
    choices: [],
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
  };
}

/** Reads an async iterable to its end. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
