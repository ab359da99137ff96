import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OllamaSimulator, startOllamaSimulator } from '../simulator.js';
import { post } from '../test-support/http-client.js';

let sim: OllamaSimulator;
let client: OpenAI;

beforeAll(async () => {
  sim = await startOllamaSimulator();
  client = new OpenAI({ baseURL: `${sim.url}/v1`, apiKey: 'ollama', maxRetries: 0 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('GET /v1/models and /v1/models/{model}', () => {
  it('lists the same models as /api/tags, owned by their namespace', async () => {
    const tags = (await (await fetch(`${sim.url}/api/tags`)).json()) as { models: { model: string }[] };
    const listed = [];
    for await (const model of client.models.list()) listed.push(model);
    expect(listed.map((m) => m.id)).toEqual(tags.models.map((m) => m.model));
    expect(listed[0]).toEqual({
      id: 'llama3.3:latest',
      object: 'model',
      created: 1746405464,
      owned_by: 'library',
    });
  });

  it('lists null data when nothing is installed', async () => {
    const empty = await startOllamaSimulator({ models: [] });
    try {
      expect(await (await fetch(`${empty.url}/v1/models`)).json()).toEqual({ object: 'list', data: null });
    } finally {
      await empty.close();
    }
  });

  it('retrieves one model as requested, and 404s an unknown one in the OpenAI envelope', async () => {
    expect(await client.models.retrieve('mistral')).toEqual({
      id: 'mistral',
      object: 'model',
      created: 1744742720,
      owned_by: 'library',
    });
    const missing = await fetch(`${sim.url}/v1/models/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { message: "model 'nope:latest' not found", type: 'not_found_error', param: null, code: null },
    });
  });
});

describe('POST /v1/completions', () => {
  it('completes a prompt through /api/generate', async () => {
    const completion = await client.completions.create({ model: 'mistral', prompt: 'Once' });
    expect(completion).toMatchObject({
      id: expect.stringMatching(/^cmpl-\d{1,3}$/),
      object: 'text_completion',
      system_fingerprint: 'fp_ollama',
      choices: [{ text: 'You said: "Once"', index: 0, finish_reason: 'stop' }],
      usage: { completion_tokens: 6 },
    });
  });

  it('streams every native line as a chunk, with zero usage on each and the real one last', async () => {
    sim.replyWith('up on');
    const response = await post(`${sim.url}/v1/completions`, {
      model: 'mistral',
      prompt: 'x',
      stream: true,
      stream_options: { include_usage: true },
    });
    const frames = (await response.text()).split('\n\n').filter((f) => f !== '');
    expect(frames.at(-1)).toBe('data: [DONE]');
    const chunks = frames.slice(0, -1).map((f) => JSON.parse(f.slice(6)) as Record<string, unknown>);
    expect(chunks.map((c) => c.choices)).toEqual([
      [{ text: 'up', index: 0, finish_reason: null }],
      [{ text: ' on', index: 0, finish_reason: null }],
      [{ text: '', index: 0, finish_reason: 'stop' }],
      [],
    ]);
    expect(
      chunks
        .slice(0, 3)
        .every(
          (c) => JSON.stringify(c.usage) === '{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}',
        ),
    ).toBe(true);
    expect(chunks[3]?.usage).toMatchObject({ completion_tokens: 2 });
  });

  it.each([
    {
      body: { model: 'mistral', prompt: ['a'] },
      message: 'json: cannot unmarshal array into Go struct field CompletionRequest.prompt of type string',
    },
    {
      body: { model: 'mistral', prompt: 'a', stop: ['x', 1] },
      message: "invalid type for 'stop' field: float64",
    },
  ])('refuses $body.prompt / $body.stop with a 400', async ({ body, message }) => {
    const response = await post(`${sim.url}/v1/completions`, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { message, type: 'invalid_request_error', param: null, code: null },
    });
  });
});

describe('POST /v1/embeddings', () => {
  it('embeds through /api/embed, as floats or base64 float32', async () => {
    const floats = await client.embeddings.create({
      model: 'nomic-embed-text',
      input: ['a', 'b'],
      encoding_format: 'float',
    });
    expect(floats).toMatchObject({ object: 'list', model: 'nomic-embed-text' });
    expect(floats.data.map((d) => d.index)).toEqual([0, 1]);
    expect(floats.data[0]?.embedding).toHaveLength(768);
    const native = (await (
      await post(`${sim.url}/api/embed`, { model: 'nomic-embed-text', input: ['a', 'b'] })
    ).json()) as {
      embeddings: number[][];
      prompt_eval_count: number;
    };
    expect(floats.data[0]?.embedding).toEqual(native.embeddings[0]);
    expect(floats.usage).toEqual({
      prompt_tokens: native.prompt_eval_count,
      total_tokens: native.prompt_eval_count,
    });
    const raw = (await (
      await post(`${sim.url}/v1/embeddings`, {
        model: 'nomic-embed-text',
        input: 'a',
        encoding_format: 'base64',
      })
    ).json()) as { data: { embedding: string }[] };
    const bytes = Buffer.from(raw.data[0]!.embedding, 'base64');
    expect(bytes.length).toBe(768 * 4);
    expect(bytes.readFloatLE(0)).toBeCloseTo(native.embeddings[0]![0]!, 6);
  });

  it.each([
    { body: { model: 'nomic-embed-text' }, message: 'invalid input' },
    { body: { model: 'nomic-embed-text', input: [] }, message: 'invalid input' },
    {
      body: { model: 'nomic-embed-text', input: 'a', encoding_format: 'hex' },
      message: "Invalid value for 'encoding_format' = hex. Supported values: ['float', 'base64'].",
    },
  ])('refuses $body with a 400', async ({ body, message }) => {
    const response = await post(`${sim.url}/v1/embeddings`, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { message, type: 'invalid_request_error', param: null, code: null },
    });
  });

  it('404s an unknown model with the native message', async () => {
    const response = await post(`${sim.url}/v1/embeddings`, { model: 'nope', input: 'a' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { message: 'model "nope" not found, try pulling it first', type: 'not_found_error' },
    });
  });
});
