import { CONTRACT_VERSION } from '@keeptrusts/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import plugin, { createOllamaProvider, ollamaProvider } from './index.js';
import { BASE_URL, testProvider, testTarget } from './test-support/msw-ollama.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('ollamaProvider', () => {
  it('is a checked provider definition named ollama', () => {
    expect(ollamaProvider).toMatchObject({ kind: 'provider', contract: CONTRACT_VERSION, name: 'ollama' });
    expect(Object.isFrozen(ollamaProvider)).toBe(true);
    expect(ollamaProvider.create).toBe(createOllamaProvider);
  });

  it('is the one provider of the default-exported manifest, named and versioned from package.json', () => {
    expect(plugin).toMatchObject({ kind: 'plugin', name: '@keeptrusts/provider-ollama', version: '0.1.0' });
    expect(plugin.providers).toEqual([ollamaProvider]);
  });

  it('reads nothing from the environment until a call needs the token', () => {
    const asked: string[] = [];
    createOllamaProvider(testTarget(), {
      env: (name) => {
        asked.push(name);
        return undefined;
      },
    });
    expect(asked).toEqual([]);
  });
});

describe('probe → GET /', () => {
  const signal = () => new AbortController().signal;

  it('is true when Ollama answers 200', async () => {
    server.use(http.get(`${BASE_URL}/`, () => HttpResponse.text('Ollama is running')));
    expect(await testProvider().probe(signal())).toBe(true);
  });

  it.each([
    ['a 503', () => new HttpResponse(null, { status: 503 })],
    ['a 403 from the host check', () => new HttpResponse(null, { status: 403 })],
    ['a network error', () => HttpResponse.error()],
  ])('is false on %s', async (_name, answer) => {
    server.use(http.get(`${BASE_URL}/`, answer));
    expect(await testProvider().probe(signal())).toBe(false);
  });

  it('sends the bearer token', async () => {
    let auth: string | null = null;
    server.use(
      http.get(`${BASE_URL}/`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.text('Ollama is running');
      }),
    );
    await testProvider({}, { OLLAMA_API_KEY: 'tok' }).probe(signal());
    expect(auth).toBe('Bearer tok');
  });
});
