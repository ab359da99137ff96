import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAICompatibleSimulator, startOpenAICompatibleSimulator } from './simulator.js';

const MODEL = 'Llama-3.2-3B-Instruct-Q4_K_M.gguf';

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function sseChunks(response: Response): Promise<Record<string, unknown>[]> {
  const frames = (await response.text()).split('\n\n').filter((f) => f !== '');
  expect(frames.at(-1)).toBe('data: [DONE]');
  return frames.slice(0, -1).map((f) => JSON.parse(f.slice('data: '.length)) as Record<string, unknown>);
}

describe('llama.cpp flavour', () => {
  let sim: OpenAICompatibleSimulator;
  let client: OpenAI;
  beforeAll(async () => {
    sim = await startOpenAICompatibleSimulator({ flavour: 'llamacpp', embeddings: true });
    client = new OpenAI({ baseURL: `${sim.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('lists its one model under both `models` and `data`, with meta, at /v1/models and /models', async () => {
    for (const path of ['/v1/models', '/models']) {
      const body = (await (await fetch(`${sim.url}${path}`)).json()) as Record<string, unknown>;
      expect(body.object).toBe('list');
      expect(body.models).toEqual([
        expect.objectContaining({ name: MODEL, model: MODEL, capabilities: ['completion'] }),
      ]);
      expect(body.data).toEqual([
        {
          id: MODEL,
          object: 'model',
          created: expect.any(Number),
          owned_by: 'llamacpp',
          meta: expect.objectContaining({
            n_ctx_train: 131072,
            n_ctx: 4096,
            n_embd: 3072,
            n_params: 3212749888,
          }),
        },
      ]);
    }
    expect(await (await fetch(`${sim.url}/health`)).json()).toEqual({ status: 'ok' });
  });

  it('answers whatever model name is sent, echoing it, with timings and a build fingerprint', async () => {
    const completion = await client.chat.completions.create({
      model: 'anything-at-all',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(completion.model).toBe('anything-at-all');
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.system_fingerprint).toMatch(/^b\d+-[0-9a-f]+$/);
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'stop',
      message: { content: 'You said: "Hi"' },
    });
    const timings = (completion as unknown as { timings: Record<string, number> }).timings;
    expect(timings).toMatchObject({ prompt_n: completion.usage?.prompt_tokens, predicted_n: 6 });
    expect(timings.predicted_per_second).toBeCloseTo(1000 / timings.predicted_per_token_ms!, 6);
  });

  it('streams a null-content role chunk, deltas, an empty finish delta, and timings on the last chunk', async () => {
    sim.replyWith('one two');
    const plain = await sseChunks(
      await post(`${sim.url}/v1/chat/completions`, {
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
      }),
    );
    expect(plain[0]).toMatchObject({
      choices: [{ delta: { role: 'assistant', content: null }, finish_reason: null }],
    });
    expect(plain.at(-1)).toMatchObject({
      choices: [{ delta: {}, finish_reason: 'stop' }],
      timings: { predicted_n: 2 },
    });
    expect(plain.some((c) => 'usage' in c)).toBe(false);
    const withUsage = await sseChunks(
      await post(`${sim.url}/chat/completions`, {
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
        stream_options: { include_usage: true },
      }),
    );
    expect(withUsage.at(-1)).toMatchObject({
      choices: [],
      usage: { completion_tokens: 2 },
      timings: { predicted_n: 2 },
    });
    expect(withUsage.at(-2)).not.toHaveProperty('timings');
  });

  it('refuses n > 1 with a 500, as its exception wrapper answers a runtime_error', async () => {
    const response = await post(`${sim.url}/v1/chat/completions`, {
      messages: [{ role: 'user', content: 'x' }],
      n: 2,
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 500, message: 'Only one completion choice is allowed', type: 'server_error' },
    });
  });

  it('streams tool calls with compact JSON arguments, and reads an object tool_choice as auto', async () => {
    const tools = [
      {
        type: 'function' as const,
        function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } },
      },
    ];
    const whole = await client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'lookup q=cats' }],
      tools,
    });
    expect(whole.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      function: { name: 'lookup', arguments: '{"q":"cats"}' },
    });
    const named = await client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'no tool named here' }],
      tools,
      tool_choice: { type: 'function', function: { name: 'lookup' } },
    });
    expect(named.choices[0]?.message.tool_calls).toBeUndefined();
    const stream = await client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'lookup q=dogs' }],
      tools,
      stream: true,
    });
    let args = '';
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) args += call.function?.arguments ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(args).toBe('{"q":"dogs"}');
    expect(finish).toBe('tool_calls');
  });

  it('adds token ids to logprobs entries', async () => {
    sim.replyWith('Yes');
    const completion = await client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'x' }],
      logprobs: true,
      top_logprobs: 3,
    });
    const entry = completion.choices[0]?.logprobs?.content?.[0] as unknown as Record<string, unknown>;
    expect(entry).toMatchObject({ id: expect.any(Number), token: 'Yes', bytes: [89, 101, 115] });
    expect(entry.top_logprobs).toHaveLength(3);
  });

  it('refuses a prompt larger than n_ctx with exceed_context_size_error', async () => {
    const response = await post(`${sim.url}/v1/chat/completions`, {
      messages: [{ role: 'user', content: 'word '.repeat(5000) }],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { n_prompt_tokens: number; message: string } };
    expect(body.error).toMatchObject({
      code: 400,
      type: 'exceed_context_size_error',
      n_ctx: 4096,
      n_prompt_tokens: expect.any(Number),
    });
    expect(body.error.message).toBe(
      `request (${body.error.n_prompt_tokens} tokens) exceeds the available context size (4096 tokens), try increasing it`,
    );
  });

  it('stops at the context window with finish_reason length', async () => {
    sim.replyWith('word '.repeat(5000));
    const completion = await client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect((completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0)).toBe(4096);
  });

  it('requires the API key except on its public endpoints, answering authentication_error', async () => {
    sim.requireToken('k1');
    const refused = await post(
      `${sim.url}/v1/chat/completions`,
      { messages: [] },
      { authorization: 'Bearer nope' },
    );
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: { code: 401, message: 'Invalid API Key', type: 'authentication_error' },
    });
    expect((await fetch(`${sim.url}/v1/models`)).status).toBe(200);
    expect((await fetch(`${sim.url}/health`)).status).toBe(200);
    const lower = await post(
      `${sim.url}/v1/chat/completions`,
      { messages: [] },
      { authorization: 'bearer k1' },
    );
    expect(lower.status).toBe(401);
  });

  it('answers an unknown path with a not_found_error', async () => {
    const response = await fetch(`${sim.url}/v1/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 404, message: 'File Not Found', type: 'not_found_error' },
    });
  });

  it('fails in its own shape with failNext', async () => {
    sim.failNext({ status: 503, error: 'Loading model' });
    const response = await post(`${sim.url}/v1/completions`, { prompt: 'x' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: 503, message: 'Loading model', type: 'unavailable_error' },
    });
  });

  it('streams a text completion with an empty finish chunk carrying timings, and drops one on request', async () => {
    sim.replyWith('upon a time');
    const chunks = await sseChunks(await post(`${sim.url}/completions`, { prompt: 'Once', stream: true }));
    expect(chunks.map((c) => (c.choices as { text: string }[])[0]?.text)).toEqual([
      'upon',
      ' a',
      ' time',
      '',
    ]);
    expect(chunks.at(-1)).toMatchObject({
      object: 'text_completion',
      choices: [{ finish_reason: 'stop' }],
      timings: { predicted_n: 3 },
    });
    sim.dropNextStreamAfter(1);
    const dropped = await fetch(`${sim.url}/v1/completions`, {
      method: 'POST',
      body: JSON.stringify({ prompt: 'Once', stream: true }),
    });
    await expect(dropped.text()).rejects.toThrow();
  });

  it('completes text with timings and embeds at /embeddings too', async () => {
    const text = await client.completions.create({ model: MODEL, prompt: 'Once' });
    expect(text.choices[0]).toMatchObject({ text: 'You said: "Once"', finish_reason: 'stop' });
    const embedded = (await (await post(`${sim.url}/embeddings`, { input: ['a', 'b'] })).json()) as {
      data: { embedding: number[] }[];
      usage: unknown;
    };
    expect(embedded.data).toHaveLength(2);
    expect(embedded.data[0]?.embedding).toHaveLength(3072);
    expect(embedded.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
  });
});

describe('llama.cpp without --embeddings', () => {
  it('refuses embeddings with its not_supported_error', async () => {
    const sim = await startOpenAICompatibleSimulator({ flavour: 'llamacpp' });
    try {
      const response = await post(`${sim.url}/v1/embeddings`, { input: 'x' });
      expect(response.status).toBe(501);
      expect(await response.json()).toEqual({
        error: {
          code: 501,
          message: 'This server does not support embeddings. Start it with `--embeddings`',
          type: 'not_supported_error',
        },
      });
    } finally {
      await sim.close();
    }
  });
});
