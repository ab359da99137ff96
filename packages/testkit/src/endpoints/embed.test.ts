import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toFloat32 } from '../embeddings.js';
import { type OllamaSimulator, startOllamaSimulator } from '../simulator.js';
import { post } from '../test-support/http-client.js';

let sim: OllamaSimulator;
const embed = (body: unknown) => post(`${sim.url}/api/embed`, body);
const norm = (vector: readonly number[]): number => Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));

interface EmbedBody {
  model: string;
  embeddings: number[][];
  prompt_eval_count?: number;
  total_duration?: number;
  load_duration?: number;
}

beforeAll(async () => {
  sim = await startOllamaSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('POST /api/embed', () => {
  it.each([
    ['nomic-embed-text', 768],
    ['mxbai-embed-large', 1024],
    ['llama3.3', 8192],
  ])('embeds with %s in %i L2-normalised dimensions', async (model, dimensions) => {
    const body = (await (await embed({ model, input: 'hello world' })).json()) as EmbedBody;
    expect(body.model).toBe(model);
    expect(body.embeddings).toHaveLength(1);
    expect(body.embeddings[0]).toHaveLength(dimensions);
    expect(norm(body.embeddings[0] ?? [])).toBeCloseTo(1, 5);
    expect(body.prompt_eval_count).toBe(2);
    expect(body.total_duration).toEqual(expect.any(Number));
    expect(body.load_duration).toEqual(expect.any(Number));
  });

  it('returns one vector per input in order, identical for identical texts', async () => {
    const body = (await (
      await embed({ model: 'nomic-embed-text', input: ['a', 'b', 'a'] })
    ).json()) as EmbedBody;
    const [a, b, again] = body.embeddings;
    expect(again).toEqual(a);
    expect(b).not.toEqual(a);
    const single = (await (
      await embed({ model: 'nomic-embed-text:latest', input: 'b' })
    ).json()) as EmbedBody;
    expect(single.embeddings[0]).toEqual(b);
    expect(body.prompt_eval_count).toBe(3);
  });

  it('prints float32 values with at most 9 significant digits', async () => {
    const raw = await (await embed({ model: 'nomic-embed-text', input: 'x' })).text();
    const numbers = raw.slice(raw.indexOf('[[') + 2, raw.indexOf(']]')).split(',');
    expect(numbers).toHaveLength(768);
    for (const text of numbers) {
      expect(text.replace(/^-?0\.0*/, '').replace(/[-.]/g, '').length).toBeLessThanOrEqual(9);
      expect(toFloat32(Number(text))).toBe(Number(text));
    }
  });

  it('keeps the first `dimensions` components and normalises them again', async () => {
    const full = (await (await embed({ model: 'nomic-embed-text', input: 'x' })).json()) as EmbedBody;
    const cut = (await (
      await embed({ model: 'nomic-embed-text', input: 'x', dimensions: 3 })
    ).json()) as EmbedBody;
    const vector = cut.embeddings[0] ?? [];
    expect(vector).toHaveLength(3);
    expect(norm(vector)).toBeCloseTo(1, 5);
    const prefix = (full.embeddings[0] ?? []).slice(0, 3);
    for (const [i, x] of vector.entries()) expect(x).toBeCloseTo((prefix[i] ?? 0) / norm(prefix), 5);
  });

  it.each([
    ['""', ''],
    ['[]', []],
    ['absent', undefined],
  ])('answers no embeddings for %s input', async (_name, input) => {
    const response = await embed({ model: 'nomic-embed-text', input });
    expect(await response.text()).toBe('{"model":"nomic-embed-text","embeddings":[]}');
  });

  it('rejects a too-long input when truncate is false', async () => {
    const input = 'word '.repeat(600);
    expect((await embed({ model: 'mxbai-embed-large', input })).status).toBe(200);
    const response = await embed({ model: 'mxbai-embed-large', input, truncate: false });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'the input length exceeds the context length' });
  });

  it.each([
    ['a number input', { model: 'nomic-embed-text', input: 5 }, 400, 'invalid input type'],
    ['a token array', { model: 'nomic-embed-text', input: [[1, 2]] }, 400, 'invalid input type'],
    ['a mixed array', { model: 'nomic-embed-text', input: ['a', 1] }, 400, 'invalid input type'],
    ['no model', { input: 'x' }, 404, "model '' not found"],
    ['an unknown model', { model: 'nope', input: 'x' }, 404, 'model "nope" not found, try pulling it first'],
    ['an empty body', '', 400, 'missing request body'],
  ])('answers %s with %i', async (_name, body, status, error) => {
    const response = await embed(body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error });
  });
});

describe('POST /api/embeddings (legacy)', () => {
  const legacy = (body: unknown) => post(`${sim.url}/api/embeddings`, body);

  it('answers one unnormalised vector in the direction of /api/embed', async () => {
    const body = (await (await legacy({ model: 'nomic-embed-text', prompt: 'hello' })).json()) as {
      embedding: number[];
    };
    expect(Object.keys(body)).toEqual(['embedding']);
    expect(body.embedding).toHaveLength(768);
    expect(norm(body.embedding)).toBeGreaterThan(2);
    const current = (await (await embed({ model: 'nomic-embed-text', input: 'hello' })).json()) as EmbedBody;
    const scale = norm(body.embedding);
    expect((body.embedding[0] ?? 0) / scale).toBeCloseTo(current.embeddings[0]?.[0] ?? Number.NaN, 6);
  });

  it('answers an empty vector for an empty prompt', async () => {
    expect(await (await legacy({ model: 'nomic-embed-text', prompt: '' })).json()).toEqual({ embedding: [] });
  });

  it.each([
    ['no model', { prompt: 'x' }, 400, 'model is required'],
    ['an unknown model', { model: 'nope', prompt: 'x' }, 404, 'model "nope" not found, try pulling it first'],
  ])('answers %s with %i', async (_name, body, status, error) => {
    const response = await legacy(body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error });
  });
});
