import { CONTRACT_VERSION, formatConfigIssue } from '@keeptrusts/core';
import { createRegistry, loadConfigTexts } from '@keeptrusts/core/config';
import { setupUpstreamServer } from '@keeptrusts/testkit';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import plugin, { createOllamaProvider, ollamaProvider } from './index.js';
import { BASE_URL, testProvider, testTarget } from './test-support/msw-ollama.js';

const server = setupUpstreamServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('ollamaProvider', () => {
  it('is a checked provider definition named ollama', () => {
    expect(ollamaProvider).toMatchObject({ kind: 'provider', contract: CONTRACT_VERSION, name: 'ollama' });
    expect(Object.isFrozen(ollamaProvider)).toBe(true);
    expect(ollamaProvider.create).toBe(createOllamaProvider);
  });

  it('serves every endpoint kind with Ollama’s defaults and its model naming', () => {
    expect(ollamaProvider).toMatchObject({
      kinds: ['chat', 'completion', 'embedding'],
      defaults: { baseUrl: 'http://localhost:11434', secretKeyEnv: 'OLLAMA_API_KEY' },
      aliases: {},
      fields: ['format'],
    });
    expect(ollamaProvider.sameModel('llama3.3', 'llama3.3:latest')).toBe(true);
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

describe('ollama targets in a config', () => {
  async function load(target: string) {
    const registry = createRegistry();
    registry.register(plugin);
    return loadConfigTexts([{ file: 'c.yaml', text: `providers:\n  targets:\n    - id: a\n${target}` }], {
      registry,
      env: () => undefined,
    });
  }

  it('get Ollama’s base URL and token variable when they are not written', async () => {
    const result = await load('      provider: ollama:chat:llama3.3\n');
    expect(result.ok && result.config.targets[0]).toMatchObject({
      providerName: 'ollama',
      baseUrl: 'http://localhost:11434',
      secretKeyEnv: 'OLLAMA_API_KEY',
      options: {},
    });
  });

  it('take format: openai, and hand such a target to the openai provider at Ollama’s /v1', async () => {
    const result = await load(
      '      provider: ollama:chat:llama3.3\n      base_url: http://gpu-1:11434/\n      format: openai\n',
    );
    expect(result.ok).toBe(true);
    const target = result.ok ? result.config.targets[0]! : testTarget();
    expect(target).toMatchObject({ options: { format: 'openai' }, baseUrl: 'http://gpu-1:11434' });
    expect(ollamaProvider.delegate?.(target as never)).toEqual({
      provider: 'openai',
      baseUrl: 'http://gpu-1:11434/v1',
    });
    expect(() => createOllamaProvider(target as never, { env: () => undefined })).toThrow(
      'target "a" has format: openai, which the ollama provider hands to the openai provider',
    );
  });

  it('serve format: ollama (and no format) themselves', async () => {
    for (const format of ['', '      format: ollama\n']) {
      const result = await load(`      provider: ollama:chat:llama3.3\n${format}`);
      expect(result.ok && ollamaProvider.delegate?.(result.config.targets[0] as never)).toBeUndefined();
    }
  });

  it('refuse another format, naming the line and the choices', async () => {
    const result = await load('      provider: ollama:chat:llama3.3\n      format: anthropic\n');
    expect(result.ok ? [] : result.issues.map(formatConfigIssue)).toEqual([
      'c.yaml:5:15 providers.targets[0].format: expected one of "ollama", "openai", got "anthropic"',
    ]);
  });

  it('name every field when a key is misspelt', async () => {
    const result = await load('      provider: ollama:chat:llama3.3\n      bse_url: http://x\n');
    expect(result.ok ? [] : result.issues.map(formatConfigIssue)).toEqual([
      'c.yaml:5:7 providers.targets[0].bse_url: unknown key "bse_url"; expected one of: id, provider, model, base_url, secret_key_ref, timeout_seconds, stream_timeout_seconds, max_context_tokens, description, weight, health_probe, format (did you mean "base_url"?)',
    ]);
  });
});

describe('probe → GET /, then loading the model', () => {
  const signal = () => new AbortController().signal;
  const loaded = () =>
    http.post(`${BASE_URL}/api/generate`, () =>
      HttpResponse.json({
        model: 'llama3.3',
        created_at: '2026-01-01T00:00:00Z',
        response: '',
        done: true,
        done_reason: 'load',
      }),
    );

  it('is true when Ollama answers 200 and loads the model', async () => {
    let asked: unknown;
    server.use(
      http.get(`${BASE_URL}/`, () => HttpResponse.text('Ollama is running')),
      http.post(`${BASE_URL}/api/generate`, async ({ request }) => {
        asked = await request.json();
        return HttpResponse.json({ model: 'llama3.3', response: '', done: true, done_reason: 'load' });
      }),
    );
    expect(await testProvider().probe(signal())).toBe(true);
    expect(asked).toEqual({ model: 'llama3.3', prompt: '', stream: false });
  });

  it.each([
    [
      'the model is not pulled',
      () => HttpResponse.json({ error: "model 'llama3.3' not found" }, { status: 404 }),
    ],
    ['the runner hangs past the probe deadline', () => new Promise<never>(() => {})],
  ])('is false when GET / answers but %s', async (_name, answer) => {
    server.use(
      http.get(`${BASE_URL}/`, () => HttpResponse.text('Ollama is running')),
      http.post(`${BASE_URL}/api/generate`, answer),
    );
    expect(await testProvider().probe(AbortSignal.timeout(200))).toBe(false);
  });

  it('only checks GET / for an embedding target', async () => {
    server.use(http.get(`${BASE_URL}/`, () => HttpResponse.text('Ollama is running')));
    expect(await testProvider({ kind: 'embedding', model: 'nomic-embed-text' }).probe(signal())).toBe(true);
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
      loaded(),
    );
    await testProvider({}, { OLLAMA_API_KEY: 'tok' }).probe(signal());
    expect(auth).toBe('Bearer tok');
  });
});
