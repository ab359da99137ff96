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
  chatDelta,
  chatDone,
  collect,
  ndjson,
  ollamaError,
  testProvider,
} from './test-support/msw-ollama.js';

// The HTTP layer: statuses, unreachable servers, timeouts, aborts and auth, through the provider.

const server = setupUpstreamServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const request: ChatCompletionRequest = { model: 'llama3.3', messages: [{ role: 'user', content: 'Hi' }] };

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  return port;
}

/** A handler that never answers: it waits until the request is aborted, and reports both steps. */
function stalled(path: string): { entered: Promise<void>; aborted: Promise<void> } {
  let onEnter = (): void => undefined;
  let onAbort = (): void => undefined;
  const entered = new Promise<void>((resolve) => {
    onEnter = resolve;
  });
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
  });
  server.use(
    http.post(`${BASE_URL}${path}`, async ({ request }) => {
      onEnter();
      await new Promise<void>((resolve) => {
        if (request.signal.aborted) resolve();
        request.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      onAbort();
      return HttpResponse.json(chatDone());
    }),
  );
  return { entered, aborted };
}

describe('error statuses', () => {
  it.each([
    {
      status: 400,
      message: 'registry.ollama.ai/library/phi4:latest does not support tools',
      code: 'invalid_request_error',
      httpStatus: 400,
      text: /^registry\.ollama\.ai\/library\/phi4:latest does not support tools$/,
    },
    {
      status: 404,
      message: "model 'llama3.3' not found",
      code: 'upstream_error',
      httpStatus: 502,
      text: /^model 'llama3\.3' not found \(the target's model is not pulled on Ollama at http:\/\/ollama\.test:11434; run "ollama pull" there\)$/,
    },
    {
      status: 500,
      message: 'option "stop" must be of type array',
      code: 'upstream_error',
      httpStatus: 502,
      text: /^option "stop" must be of type array$/,
    },
    {
      status: 503,
      message: 'server busy, please try again.  maximum pending requests exceeded',
      code: 'upstream_error',
      httpStatus: 502,
      text: /^server busy/,
    },
    {
      status: 401,
      message: 'unauthorized',
      code: 'upstream_error',
      httpStatus: 502,
      text: /refused the gateway with HTTP 401: unauthorized; check the target's secret_key_ref/,
    },
    {
      status: 504,
      message: 'gateway timeout',
      code: 'upstream_timeout',
      httpStatus: 504,
      text: /^gateway timeout$/,
    },
  ])(
    'maps HTTP $status to $code ($httpStatus), keeping Ollama’s message',
    async ({ status, message, code, httpStatus, text }) => {
      answerWith(server, '/api/chat', ollamaError(status, message));
      const error = await failure(testProvider().chat(request, callOptions()));
      expect(error.code).toBe(code);
      expect(error.status).toBe(httpStatus);
      expect(error.message).toMatch(text);
    },
  );

  it('maps the same statuses before the first byte of a stream', async () => {
    answerWith(server, '/api/chat', ollamaError(400, '"llama3.3" does not support thinking'));
    const error = await failure(testProvider().chatStream(request, callOptions()));
    expect(error).toMatchObject({
      code: 'invalid_request_error',
      message: '"llama3.3" does not support thinking',
    });
  });

  it('explains a plain-text 404 as a wrong base_url', async () => {
    answerWith(server, '/api/chat', new Response('404 page not found', { status: 404 }));
    const error = await failure(testProvider().chat(request, callOptions()));
    expect(error.code).toBe('upstream_error');
    expect(error.message).toBe(
      "Ollama at http://ollama.test:11434 has no /api/chat (HTTP 404: 404 page not found); check that base_url is the Ollama server's root",
    );
  });

  it('says which status came back when the body is empty', async () => {
    answerWith(server, '/api/chat', new Response(null, { status: 403 }));
    const error = await failure(testProvider().chat(request, callOptions()));
    expect(error.message).toMatch(/refused the gateway with HTTP 403; check/);
  });

  it('does not follow a redirect: the status is the error', async () => {
    const seen = answerWith(
      server,
      '/api/chat',
      new Response(null, { status: 301, headers: { location: 'http://elsewhere.test/api/chat' } }),
    );
    const error = await failure(testProvider().chat(request, callOptions()));
    expect(error).toMatchObject({ code: 'upstream_error', status: 502 });
    expect(error.message).toBe('Ollama at http://ollama.test:11434 failed with HTTP 301');
    expect(seen).toHaveLength(1);
  });

  it('reads no more than 64 KB of an error body', async () => {
    answerWith(server, '/api/chat', new Response('x'.repeat(1024 * 1024), { status: 500 }));
    const error = await failure(testProvider().chat(request, callOptions()));
    expect(error.message).toBe(`${'x'.repeat(500)}…`);
  });

  it('refuses a success answer that is not JSON', async () => {
    answerWith(server, '/api/chat', new Response('<html>proxy</html>', { status: 200 }));
    const error = await failure(testProvider().chat(request, callOptions()));
    expect(error).toMatchObject({ code: 'upstream_error' });
    expect(error.message).toMatch(/not JSON/);
  });
});

describe('unreachable Ollama', () => {
  it('says it could not reach Ollama, naming the base URL without credentials', async () => {
    server.use(http.post('http://ollama.test:11434/api/chat', () => HttpResponse.error()));
    const error = await failure(
      testProvider({ baseUrl: 'http://admin:hunter2@ollama.test:11434' }).chat(request, callOptions()),
    );
    expect(error).toMatchObject({ code: 'upstream_error', status: 502 });
    expect(error.message).toMatch(/^could not reach Ollama at http:\/\/ollama\.test:11434: /);
    expect(error.message).not.toContain('hunter2');
  });

  it('names the system error of a refused connection (a real, closed port)', async () => {
    const port = await closedPort();
    server.use(http.all(`http://127.0.0.1:${port}/*`, () => passthrough()));
    const error = await failure(
      testProvider({ baseUrl: `http://127.0.0.1:${port}` }).chat(request, callOptions()),
    );
    expect(error.message).toBe(`could not reach Ollama at http://127.0.0.1:${port}: ECONNREFUSED`);
    // Nothing reached the upstream, so the gateway may fail over to another target.
    expect(error.unreachable).toBe(true);
  });
});

describe('an answer that is no answer', () => {
  it.each([
    { name: 'chat', call: () => testProvider().chat(request, callOptions()), path: '/api/chat' },
    {
      name: 'completion',
      call: () => testProvider().completion({ model: 'llama3.3', prompt: 'Hi' }, callOptions()),
      path: '/api/generate',
    },
  ])('turns an empty JSON object into a 502, not an empty success ($name)', async ({ call, path }) => {
    server.use(http.post(`${BASE_URL}${path}`, () => HttpResponse.json({})));
    const error = await failure(call());
    expect(error).toMatchObject({ code: 'upstream_error', status: 502 });
    expect(error.message).toMatch(/unfinished .* answer \(no "done": true\)/);
  });
});

describe('a request the gateway cannot build', () => {
  it('is not reported as an unreachable Ollama, so the target keeps its health', async () => {
    let called = false;
    server.use(
      http.post(`${BASE_URL}/api/chat`, () => {
        called = true;
        return HttpResponse.json({});
      }),
    );
    // A tool schema nested past the stack: serialising the body overflows before anything is sent.
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 20_000; i++) schema = { type: 'object', properties: { x: schema } };
    const deep: ChatCompletionRequest = {
      ...request,
      tools: [{ type: 'function', function: { name: 'f', parameters: schema } }],
    };
    const error = await testProvider()
      .chat(deep, callOptions())
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeDefined();
    expect(error).not.toMatchObject({ unreachable: true });
    expect(String(error)).not.toMatch(/could not reach Ollama/);
    expect(called).toBe(false);
  });
});

describe('timeouts', () => {
  it('bounds a non-streaming call by timeout_seconds → upstream_timeout', async () => {
    const { aborted } = stalled('/api/chat');
    const error = await failure(testProvider({ timeoutSeconds: 0.05 }).chat(request, callOptions()));
    expect(error).toMatchObject({ code: 'upstream_timeout', status: 504 });
    expect(error.message).toBe(
      'Ollama at http://ollama.test:11434 did not answer within 0.05 s (timeout_seconds)',
    );
    await aborted;
  });

  it('bounds a stream before its first byte by stream_timeout_seconds', async () => {
    stalled('/api/chat');
    const error = await failure(
      testProvider({ streamTimeoutSeconds: 0.05 }).chatStream(request, callOptions()),
    );
    expect(error).toMatchObject({ code: 'upstream_timeout' });
    expect(error.message).toMatch(/did not answer within 0\.05 s \(stream_timeout_seconds\)/);
  });

  // A stream that stalls after its first line is tested against a real socket in
  // http-client.socket.test.ts: msw's socket interception trips an undici assertion when a
  // timer aborts a response mid-body.

  it('does not apply timeout_seconds to streams', async () => {
    answerWith(server, '/api/chat', ndjson([chatDelta({ content: 'Hi' }), chatDone()]));
    const events = await testProvider({ timeoutSeconds: 0.000001 }).chatStream(request, callOptions());
    expect(await collect(events)).toHaveLength(2);
  });
});

describe('client abort', () => {
  it('aborts the upstream request and rethrows the abort reason', async () => {
    const { entered, aborted } = stalled('/api/chat');
    const controller = new AbortController();
    const call = testProvider().chat(request, callOptions(controller.signal));
    await entered;
    const reason = new Error('client disconnected');
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    await aborted; // Ollama sees the request cancelled
  });

  // A stream stopped mid-body is in http-client.socket.test.ts: it needs a real socket.

  it('refuses at once when the signal is already aborted', async () => {
    const seen = answerWith(server, '/api/chat', Response.json(chatDone()));
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(testProvider().chat(request, callOptions(controller.signal))).rejects.toThrow('gone');
    expect(seen).toHaveLength(0);
  });
});

describe('auth and URL', () => {
  it('sends the bearer token from the env var secret_key_ref names', async () => {
    const seen = answerWith(server, '/api/chat', Response.json(chatDone()));
    await testProvider({ secretKeyEnv: 'OLLAMA_TOKEN' }, { OLLAMA_TOKEN: 's3cret' }).chat(
      request,
      callOptions(),
    );
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer s3cret');
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('sends no Authorization header when the variable is unset or empty', async () => {
    const seen = answerWith(server, '/api/chat', Response.json(chatDone()));
    await testProvider().chat(request, callOptions());
    await testProvider({}, { OLLAMA_API_KEY: '' }).chat(request, callOptions());
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual([null, null]);
  });

  it('never puts the token in an error message', async () => {
    answerWith(server, '/api/chat', ollamaError(401, 'unauthorized'));
    const error = await failure(testProvider({}, { OLLAMA_API_KEY: 's3cret' }).chat(request, callOptions()));
    expect(JSON.stringify(error.toOpenAI())).not.toContain('s3cret');
  });

  it('turns credentials in base_url into Basic auth, and prefers the bearer token', async () => {
    const seen = answerWith(server, '/api/chat', Response.json(chatDone()));
    const baseUrl = 'http://admin:p%40ss@ollama.test:11434';
    await testProvider({ baseUrl }).chat(request, callOptions());
    await testProvider({ baseUrl }, { OLLAMA_API_KEY: 's3cret' }).chat(request, callOptions());
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual([
      `Basic ${Buffer.from('admin:p@ss').toString('base64')}`,
      'Bearer s3cret',
    ]);
  });

  it('keeps a path prefix of base_url (Ollama behind a proxy)', async () => {
    const seen: string[] = [];
    server.use(
      http.post('http://proxy.test/ollama/api/chat', ({ request: r }) => {
        seen.push(new URL(r.url).pathname);
        return HttpResponse.json(chatDone());
      }),
    );
    await testProvider({ baseUrl: 'http://proxy.test/ollama/' }).chat(request, callOptions());
    await testProvider({ baseUrl: 'http://proxy.test/ollama' }).chat(request, callOptions());
    expect(seen).toEqual(['/ollama/api/chat', '/ollama/api/chat']);
  });
});
