import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OllamaSimulator, startOllamaSimulator } from '../simulator.js';
import { post } from '../test-support/http-client.js';

let sim: OllamaSimulator;

beforeAll(async () => {
  sim = await startOllamaSimulator({
    version: '0.13.3',
    models: [
      {
        name: 'llama3.3',
        family: 'llama',
        parameterSize: '70.6B',
        capabilities: ['completion', 'tools'],
        contextLength: 131072,
        embeddingLength: 8192,
        size: 42520413916,
        modifiedAt: '2025-05-04T17:37:44.706015396-07:00',
      },
      {
        name: 'acme/tiny:v1',
        family: 'gemma2',
        parameterSize: '1B',
        capabilities: ['completion'],
        contextLength: 8192,
        embeddingLength: 1024,
        size: 1000,
        digest: 'a'.repeat(64),
        modifiedAt: '2025-06-01T00:00:00Z',
      },
    ],
  });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('liveness and discovery', () => {
  it('answers GET / with "Ollama is running"', async () => {
    const response = await fetch(`${sim.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('Ollama is running');
  });

  it('answers GET /api/version', async () => {
    expect(await (await fetch(`${sim.url}/api/version`)).json()).toEqual({ version: '0.13.3' });
  });

  it('lists installed models newest first with details and capabilities', async () => {
    const body = await (await fetch(`${sim.url}/api/tags`)).json();
    expect(body).toEqual({
      models: [
        {
          name: 'acme/tiny:v1',
          model: 'acme/tiny:v1',
          modified_at: '2025-06-01T00:00:00Z',
          size: 1000,
          digest: 'a'.repeat(64),
          details: {
            parent_model: '',
            format: 'gguf',
            family: 'gemma2',
            families: ['gemma2'],
            parameter_size: '1B',
            quantization_level: 'Q4_K_M',
          },
          capabilities: ['completion'],
        },
        {
          name: 'llama3.3:latest',
          model: 'llama3.3:latest',
          modified_at: '2025-05-04T17:37:44.706015396-07:00',
          size: 42520413916,
          digest: expect.stringMatching(/^[0-9a-f]{64}$/),
          details: expect.objectContaining({ family: 'llama', parameter_size: '70.6B' }),
          capabilities: ['completion', 'tools'],
        },
      ],
    });
  });

  it('shows one model, by `model` or legacy `name`', async () => {
    const body = await (await post(`${sim.url}/api/show`, { model: 'llama3.3' })).json();
    expect(body).toMatchObject({
      details: { family: 'llama' },
      model_info: {
        'general.architecture': 'llama',
        'llama.context_length': 131072,
        'llama.embedding_length': 8192,
      },
      capabilities: ['completion', 'tools'],
      modified_at: '2025-05-04T17:37:44.706015396-07:00',
    });
    expect(body).toHaveProperty('modelfile');
    expect(body).toHaveProperty('template');
    expect(body).toHaveProperty('parameters');
    const legacy = await (await post(`${sim.url}/api/show`, { name: 'acme/tiny:v1' })).json();
    expect(legacy).toMatchObject({ capabilities: ['completion'] });
  });

  it.each([
    [{}, 400, 'model is required'],
    [{ model: 'nope' }, 404, "model 'nope:latest' not found"],
    [{ model: 'registry.ollama.ai/library/nope:7b' }, 404, "model 'nope:7b' not found"],
  ])('answers show %j with %i', async (body, status, error) => {
    const response = await post(`${sim.url}/api/show`, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error });
  });

  it('lists models loaded by earlier requests in /api/ps, and drops unloaded ones', async () => {
    expect(await (await fetch(`${sim.url}/api/ps`)).json()).toEqual({ models: [] });
    await (
      await post(`${sim.url}/api/chat`, { model: 'llama3.3', messages: [], options: { num_ctx: 8192 } })
    ).text();
    const body = (await (await fetch(`${sim.url}/api/ps`)).json()) as { models: Record<string, unknown>[] };
    expect(body.models).toEqual([
      expect.objectContaining({
        name: 'llama3.3:latest',
        model: 'llama3.3:latest',
        size: 42520413916,
        size_vram: 42520413916,
        context_length: 8192,
        expires_at: expect.any(String),
      }),
    ]);
    await (await post(`${sim.url}/api/chat`, { model: 'llama3.3', messages: [], keep_alive: 0 })).text();
    expect(await (await fetch(`${sim.url}/api/ps`)).json()).toEqual({ models: [] });
  });
});
