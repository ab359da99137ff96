import type { CallOptions, ProviderInstance, TargetConfig } from '@keeptrusts/core';
import type { UpstreamServer } from '@keeptrusts/testkit';
import { HttpResponse, http } from 'msw';
import { createOllamaProvider, ollamaProvider } from '../ollama-provider.js';
import type { OllamaTargetOptions } from '../target-options.js';

// Shared by the msw unit tests of the provider's HTTP layer (not built into dist).

export const BASE_URL = 'http://ollama.test:11434';

/** A target as the config loader would hand it over, defaults applied. */
export function testTarget(
  overrides: Partial<TargetConfig<OllamaTargetOptions>> = {},
): TargetConfig<OllamaTargetOptions> {
  return {
    id: 'ollama-llama3',
    providerName: 'ollama',
    definition: ollamaProvider,
    provider: 'ollama:chat:llama3.3',
    kind: 'chat',
    model: 'llama3.3',
    baseUrl: BASE_URL,
    secretKeyEnv: 'OLLAMA_API_KEY',
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
  overrides: Partial<TargetConfig<OllamaTargetOptions>> = {},
  env: Record<string, string> = {},
): ProviderInstance {
  return createOllamaProvider(testTarget(overrides), { env: (name) => env[name] });
}

/** Call options for model `llama3.3` with a signal that never aborts unless given one. */
export function callOptions(signal: AbortSignal = new AbortController().signal): CallOptions {
  return { signal, model: 'llama3.3' };
}

/** A recorded request: what the provider sent. */
export interface Recorded {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

/**
 * Answers `POST {BASE_URL}{path}` with `answer` and records every request there, body parsed.
 * `answer` may be a Response or a function of the parsed body.
 */
export function answerWith(
  server: UpstreamServer,
  path: string,
  answer: Response | ((body: unknown) => Response | Promise<Response>),
): Recorded[] {
  const seen: Recorded[] = [];
  server.use(
    http.all(`${BASE_URL}${path}`, async ({ request }) => {
      const text = request.method === 'GET' ? '' : await request.text();
      const body: unknown = text === '' ? undefined : JSON.parse(text);
      seen.push({
        method: request.method,
        path: new URL(request.url).pathname,
        headers: request.headers,
        body,
      });
      return typeof answer === 'function' ? answer(body) : answer.clone();
    }),
  );
  return seen;
}

/** An NDJSON body of the given lines, each `\n`-terminated, in one chunk. */
export function ndjson(lines: readonly unknown[], init: ResponseInit = {}): Response {
  return new Response(lines.map((line) => `${JSON.stringify(line)}\n`).join(''), {
    headers: { 'content-type': 'application/x-ndjson' },
    ...init,
  });
}

/** A body sent as raw text chunks, optionally left open after them (a stalled stream). */
export function chunked(chunks: readonly string[], options: { leaveOpen?: boolean } = {}): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (options.leaveOpen !== true) controller.close();
    },
    cancel() {},
  });
  return new Response(stream, { headers: { 'content-type': 'application/x-ndjson' } });
}

/** An Ollama error answer: `{"error": message}` with a status. */
export function ollamaError(status: number, message: string): Response {
  return HttpResponse.json({ error: message }, { status });
}

/** A final `/api/chat` line. */
export function chatDone(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'llama3.3',
    created_at: '2025-07-07T20:32:53.844124Z',
    message: { role: 'assistant', content: '' },
    done: true,
    done_reason: 'stop',
    prompt_eval_count: 26,
    eval_count: 298,
    ...extra,
  };
}

/** A content line of an `/api/chat` stream. */
export function chatDelta(message: Record<string, unknown>): Record<string, unknown> {
  return {
    model: 'llama3.3',
    created_at: '2025-07-07T20:32:53.844124Z',
    message: { role: 'assistant', content: '', ...message },
    done: false,
  };
}

/** Collects an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
