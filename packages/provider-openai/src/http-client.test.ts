import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { type ChatCompletionRequest, GatewayError } from '@keeptrusts/core';
import { setupUpstreamServer } from '@keeptrusts/testkit';
import { HttpResponse, http, passthrough } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  answerWith,
  BASE_URL,
  callOptions,
  chunk,
  collect,
  sse,
  testProvider,
} from './test-support/msw-openai.js';

// The HTTP layer: each server's error shapes and statuses, unreachable servers, bad JSON,
// timeouts, aborts and auth, through the provider.

const server = setupUpstreamServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const request: ChatCompletionRequest = { model: 'vllm-qwen', messages: [{ role: 'user', content: 'Hi' }] };
const TOKEN = 'sk-very-secret-7781';

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

async function closedPort(): Promise<number> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  return port;
}

describe('upstream errors', () => {
  it.each([
    {
      name: 'vLLM’s flat error object',
      status: 400,
      body: {
        object: 'error',
        message: "This model's maximum context length is 4096 tokens",
        type: 'BadRequestError',
        param: null,
        code: 400,
      },
      code: 'invalid_request_error',
      message: "This model's maximum context length is 4096 tokens",
    },
    {
      name: 'llama.cpp’s nested error',
      status: 400,
      body: {
        error: {
          code: 400,
          message: 'the request exceeds the available context size',
          type: 'invalid_request_error',
        },
      },
      code: 'invalid_request_error',
      message: 'the request exceeds the available context size',
    },
    {
      name: 'LM Studio’s string error on an unknown model',
      status: 404,
      body: { error: 'Model "qwen" not found. Please load it first.' },
      code: 'upstream_error',
      message: 'Model "qwen" not found. Please load it first. (the target\'s model is not served by vLLM',
    },
    {
      name: 'a 401 from a server with --api-key',
      status: 401,
      body: { error: { message: 'Invalid API Key', type: 'authentication_error', code: 401 } },
      code: 'upstream_error',
      message:
        "refused the gateway with HTTP 401: Invalid API Key; check the target's secret_key_ref (VLLM_API_KEY)",
    },
    {
      name: 'a 429',
      status: 429,
      body: { error: { message: 'slots full' } },
      code: 'upstream_error',
      message: 'is busy (HTTP 429): slots full',
    },
    {
      name: 'a 500',
      status: 500,
      body: { object: 'error', message: 'CUDA out of memory', type: 'InternalServerError', code: 500 },
      code: 'upstream_error',
      message: 'CUDA out of memory',
    },
    {
      name: 'llama.cpp’s 501 for embeddings without --embeddings',
      status: 501,
      body: {
        error: {
          code: 501,
          message: 'This server does not support embeddings. Start it with `--embeddings`',
          type: 'not_supported_error',
        },
      },
      code: 'upstream_error',
      message: 'Start it with `--embeddings`',
    },
    {
      name: 'a proxy’s 504',
      status: 504,
      body: 'Gateway Time-out',
      code: 'upstream_timeout',
      message: 'Gateway Time-out',
    },
    {
      name: 'a plain-text 404 (wrong base_url)',
      status: 404,
      body: '404 page not found',
      code: 'upstream_error',
      message:
        "has no /chat/completions (HTTP 404: 404 page not found); check that base_url ends in the API's root",
    },
  ])('maps $name to $code, keeping the server’s message', async ({ status, body, code, message }) => {
    answerWith(
      server,
      'chat/completions',
      typeof body === 'string' ? new HttpResponse(body, { status }) : HttpResponse.json(body, { status }),
    );
    const error = await failure(testProvider().chat(request, callOptions()));
    expect(error).toMatchObject({ code, unreachable: false });
    expect(error.message).toContain(message);
  });

  it('reports an answer that is not JSON', async () => {
    answerWith(server, 'chat/completions', new HttpResponse('<html>hi</html>', { status: 200 }));
    const error = await failure(testProvider().chat(request, callOptions()));
    expect(error).toMatchObject({ code: 'upstream_error' });
    expect(error.message).toBe(
      `vLLM at ${BASE_URL} answered /chat/completions with something that is not JSON`,
    );
  });

  it('does not follow a redirect', async () => {
    answerWith(
      server,
      'chat/completions',
      new HttpResponse(null, {
        status: 307,
        headers: { location: 'http://elsewhere.test/v1/chat/completions' },
      }),
    );
    const error = await failure(testProvider().chat(request, callOptions()));
    expect(error.message).toContain('answered with a redirect (HTTP 307)');
  });
});

describe('connections, timeouts and aborts', () => {
  it('reports a refused connection as unreachable, naming the server but no credentials', async () => {
    server.use(http.all('*', () => passthrough()));
    const port = await closedPort();
    const error = await failure(
      testProvider({ baseUrl: `http://admin:hunter2@127.0.0.1:${port}/v1` }).chat(request, callOptions()),
    );
    expect(error).toMatchObject({ code: 'upstream_error', unreachable: true });
    expect(error.message).toBe(`could not reach vLLM at http://127.0.0.1:${port}/v1: ECONNREFUSED`);
  });

  it('gives up after timeout_seconds with upstream_timeout', async () => {
    server.use(http.post(`${BASE_URL}/chat/completions`, () => new Promise<Response>(() => undefined)));
    const error = await failure(testProvider({ timeoutSeconds: 0.05 }).chat(request, callOptions()));
    expect(error).toMatchObject({ code: 'upstream_timeout', status: 504 });
    expect(error.message).toContain('did not answer within 0.05 s (timeout_seconds)');
  });

  // A stream that stalls mid-body is in http-client.socket.test.ts: it needs a real socket.
  it('rejects with the client’s own reason when it goes away', async () => {
    server.use(http.post(`${BASE_URL}/chat/completions`, () => new Promise<Response>(() => undefined)));
    const controller = new AbortController();
    const pending = testProvider().chat(request, callOptions(controller.signal));
    const reason = new Error('client left');
    setTimeout(() => controller.abort(reason), 10);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('auth', () => {
  it('sends the bearer token from secret_key_ref and keeps it out of messages', async () => {
    const seen = answerWith(
      server,
      'chat/completions',
      HttpResponse.json({ error: { message: 'boom' } }, { status: 500 }),
    );
    const error = await failure(testProvider({}, { VLLM_API_KEY: TOKEN }).chat(request, callOptions()));
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(error.message).not.toContain(TOKEN);
  });

  it('turns base_url credentials into Basic auth when no token is set', async () => {
    const base = 'http://proxy.test/v1';
    const seen = answerWith(server, 'models', HttpResponse.json({ object: 'list', data: [] }), base);
    await testProvider({ baseUrl: 'http://me:p%40ss@proxy.test/v1' }).listModels(
      new AbortController().signal,
    );
    expect(seen[0]?.headers.get('authorization')).toBe(`Basic ${Buffer.from('me:p@ss').toString('base64')}`);
  });

  it('sends no authorization header without a token', async () => {
    const seen = answerWith(server, 'chat/completions', sse([chunk({ content: 'ok' }), chunk({}, 'stop')]));
    await collect(await testProvider().chatStream({ ...request, stream: true }, callOptions()));
    expect(seen[0]?.headers.get('authorization')).toBeNull();
  });
});
