import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OllamaSimulator, startOllamaSimulator } from '../simulator.js';
import { ndjson, post } from '../test-support/http-client.js';

let sim: OllamaSimulator;
const generate = (body: unknown) => post(`${sim.url}/api/generate`, body);

beforeAll(async () => {
  sim = await startOllamaSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('POST /api/generate', () => {
  it('streams `response` deltas and ends with context and metrics', async () => {
    const response = await generate({ model: 'mistral', prompt: 'Why is the sky blue?' });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = await ndjson(response);
    const deltas = lines.slice(0, -1);
    expect(deltas.map((line) => line.response).join('')).toBe('You said: "Why is the sky blue?"');
    for (const line of deltas) expect(Object.keys(line)).toEqual(['model', 'created_at', 'response', 'done']);
    const final = lines.at(-1);
    expect(final).toMatchObject({
      model: 'mistral',
      response: '',
      done: true,
      done_reason: 'stop',
      eval_count: deltas.length,
    });
    const context = final?.context as number[];
    expect(context).toHaveLength(Number(final?.prompt_eval_count) + deltas.length);
    expect(context.every((id) => Number.isInteger(id))).toBe(true);
  });

  it('answers one object with stream false', async () => {
    const body = await (await generate({ model: 'mistral', prompt: 'hi', stream: false })).json();
    expect(body).toMatchObject({
      response: 'You said: "hi"',
      done: true,
      done_reason: 'stop',
      eval_count: 6,
    });
    expect(body).toHaveProperty('context');
  });

  it('leaves out context in raw mode and counts only the prompt', async () => {
    const body = (await (
      await generate({ model: 'mistral', prompt: 'one two', raw: true, stream: false })
    ).json()) as Record<string, unknown>;
    expect(body.context).toBeUndefined();
    expect(body.prompt_eval_count).toBe(2);
  });

  it('adds a previous context to the prompt count', async () => {
    const first = (await (await generate({ model: 'mistral', prompt: 'hi', stream: false })).json()) as {
      context: number[];
      prompt_eval_count: number;
    };
    const second = (await (
      await generate({ model: 'mistral', prompt: 'hi', context: first.context, stream: false })
    ).json()) as { prompt_eval_count: number };
    expect(second.prompt_eval_count).toBe(first.prompt_eval_count + first.context.length);
  });

  it('applies num_predict and stop', async () => {
    const cut = await (
      await generate({ model: 'mistral', prompt: 'a b c', stream: false, options: { num_predict: 2 } })
    ).json();
    expect(cut).toMatchObject({ response: 'You said', done_reason: 'length', eval_count: 2 });
    const stopped = await (
      await generate({ model: 'mistral', prompt: 'a b c', stream: false, options: { stop: [' b'] } })
    ).json();
    expect(stopped).toMatchObject({ response: 'You said: "a', done_reason: 'stop' });
  });

  it('answers JSON for format json', async () => {
    const body = (await (
      await generate({ model: 'mistral', prompt: 'hi', format: 'json', stream: false })
    ).json()) as {
      response: string;
    };
    expect(JSON.parse(body.response)).toEqual({ reply: 'You said: "hi"' });
  });

  it.each([
    [{}, 'load'],
    [{ keep_alive: 0 }, 'unload'],
  ])('answers the %j shortcut for an empty prompt with %s', async (extra, reason) => {
    const response = await generate({ model: 'mistral', ...extra });
    expect(await response.json()).toEqual({
      model: 'mistral',
      created_at: expect.any(String),
      response: '',
      done: true,
      done_reason: reason,
    });
  });
});

const errorCases = [
  { name: 'an empty body', body: '', status: 400, error: 'missing request body' },
  {
    name: 'an array prompt',
    body: { model: 'mistral', prompt: ['a'] },
    status: 400,
    error: 'json: cannot unmarshal array into Go struct field GenerateRequest.prompt of type string',
  },
  { name: 'no model', body: { prompt: 'hi' }, status: 404, error: "model '' not found" },
  {
    name: 'an unknown model',
    body: { model: 'nope', prompt: 'hi' },
    status: 404,
    error: "model 'nope' not found",
  },
  {
    name: 'an invalid model name',
    body: { model: 'bad name', prompt: 'hi' },
    status: 400,
    error: 'invalid model name',
  },
  {
    name: 'raw with a system prompt',
    body: { model: 'mistral', prompt: 'hi', raw: true, system: 'be brief' },
    status: 400,
    error: 'raw mode does not support template, system, or context',
  },
  {
    name: 'an embedding model',
    body: { model: 'nomic-embed-text', prompt: 'hi' },
    status: 400,
    error: '"nomic-embed-text" does not support generate',
  },
  {
    name: 'a suffix on a model without insert',
    body: { model: 'mistral', prompt: 'def f(', suffix: ')' },
    status: 400,
    error: 'registry.ollama.ai/library/mistral:latest does not support insert',
  },
  {
    name: 'an image as a data URL',
    body: { model: 'mistral', prompt: 'hi', images: ['data:image/png;base64,AAAA'] },
    status: 400,
    error: 'illegal base64 data at input byte 4',
  },
  {
    name: 'a numeric num_predict as a string',
    body: { model: 'mistral', prompt: 'hi', options: { num_predict: '5' } },
    status: 500,
    error: 'option "num_predict" must be of type integer',
  },
  {
    name: 'a bad format',
    body: { model: 'mistral', prompt: 'hi', format: 'yaml' },
    status: 500,
    error: 'invalid format: "\\"yaml\\""; expected "json" or a valid JSON Schema object',
  },
];

describe('POST /api/generate errors', () => {
  it.each(errorCases)('answers $status for $name', async ({ body, status, error }) => {
    const response = await generate(body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error });
  });
});
