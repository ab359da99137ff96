import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ollamaHandlers } from './msw-handlers.js';
import { type OllamaSimulator, startOllamaSimulator } from './simulator.js';
import { createSimulatorState } from './simulator-state.js';
import { ndjson, post } from './test-support/http-client.js';

const BASE = 'http://ollama.test:11434';
const state = createSimulatorState();
const server = setupServer(...ollamaHandlers(BASE, state));
let sim: OllamaSimulator;

beforeAll(async () => {
  sim = await startOllamaSimulator();
  server.listen({ onUnhandledFrame: 'bypass' });
});
afterAll(async () => {
  server.close();
  await sim.close();
});
beforeEach(() => {
  state.reset();
  sim.reset();
});

// created_at and durations differ between two calls; everything else must match.
function stable(value: Record<string, unknown>): Record<string, unknown> {
  const { created_at: _createdAt, total_duration: _t, load_duration: _l, ...rest } = value;
  return rest;
}

describe('ollamaHandlers', () => {
  it('answers a streamed chat exactly like the HTTP simulator', async () => {
    const body = { model: 'llama3.3', messages: [{ role: 'user', content: 'Compare <me>' }] };
    const mocked = await post(`${BASE}/api/chat`, body);
    const real = await post(`${sim.url}/api/chat`, body);
    expect(mocked.headers.get('content-type')).toBe(real.headers.get('content-type'));
    expect((await ndjson(mocked)).map(stable)).toEqual((await ndjson(real)).map(stable));
  });

  it.each([
    ['an error', '/api/chat', { model: 'nope', messages: [] }],
    ['an embedding', '/api/embed', { model: 'nomic-embed-text', input: ['a', 'b'] }],
    ['a 404', '/api/nothing', {}],
  ])('answers %s with the same status and body', async (_name, path, body) => {
    const mocked = await post(`${BASE}${path}`, body);
    const real = await post(`${sim.url}${path}`, body);
    expect(mocked.status).toBe(real.status);
    const text = async (response: Response) => {
      const raw = await response.text();
      return raw.startsWith('{') ? stable(JSON.parse(raw) as Record<string, unknown>) : raw;
    };
    expect(await text(mocked)).toEqual(await text(real));
  });

  it('answers GET / and records requests in the shared state', async () => {
    const response = await fetch(`${BASE}/`);
    expect(await response.text()).toBe('Ollama is running');
    expect(state.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /']);
  });

  it('applies the knobs of the shared state', async () => {
    state.failNext({ status: 503, error: 'busy' });
    const failed = await post(`${BASE}/api/generate`, { model: 'mistral', prompt: 'x' });
    expect([failed.status, await failed.json()]).toEqual([503, { error: 'busy' }]);
    state.errorNextStreamAfter(1);
    const lines = await ndjson(await post(`${BASE}/api/generate`, { model: 'mistral', prompt: 'x' }));
    expect(lines).toEqual([
      expect.objectContaining({ response: 'You' }),
      { error: 'an error was encountered while running the model' },
    ]);
  });

  it('ends a dropped stream after N lines without a done line', async () => {
    state.dropNextStreamAfter(1);
    const response = await post(`${BASE}/api/chat`, {
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'a b' }],
    });
    // msw ends the mocked body when its stream errors, so the client sees a clean EOF after the first line.
    const lines = await ndjson(response);
    expect(lines).toEqual([
      expect.objectContaining({ message: { role: 'assistant', content: 'You' }, done: false }),
    ]);
  });

  it('hangs until the client aborts', async () => {
    state.hangNext();
    const controller = new AbortController();
    const hung = fetch(`${BASE}/api/chat`, { method: 'POST', body: '{}', signal: controller.signal });
    await expect.poll(() => state.requests.length).toBe(1);
    controller.abort();
    await expect(hung).rejects.toThrow();
  });

  it('serves below a path prefix', async () => {
    const prefixed = setupServer(...ollamaHandlers('http://proxy.test/ollama/', state));
    server.close();
    prefixed.listen({ onUnhandledFrame: 'bypass' });
    try {
      const response = await post('http://proxy.test/ollama/api/show', { model: 'phi4' });
      expect(await response.json()).toMatchObject({ capabilities: ['completion'] });
      expect(state.requests.map((request) => request.path)).toEqual(['/api/show']);
    } finally {
      prefixed.close();
      server.listen({ onUnhandledFrame: 'bypass' });
    }
  });

  it('leaves other hosts alone', async () => {
    const response = await fetch(`${sim.url}/api/version`);
    expect(await response.json()).toEqual({ version: '0.13.3' });
    expect(state.requests).toEqual([]);
  });
});
