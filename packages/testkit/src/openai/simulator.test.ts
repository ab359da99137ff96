import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rawRequest } from '../test-support/http-client.js';
import { type OpenAICompatibleSimulator, startOpenAICompatibleSimulator } from './simulator.js';

const VLLM_MODEL = 'meta-llama/Llama-3.1-8B-Instruct';

async function sse(response: Response): Promise<{ frames: string[]; chunks: Record<string, unknown>[] }> {
  const text = await response.text();
  const frames = text.split('\n\n').filter((f) => f !== '');
  const chunks = frames
    .filter((f) => f.startsWith('data: ') && f !== 'data: [DONE]')
    .map((f) => JSON.parse(f.slice(6)) as Record<string, unknown>);
  return { frames, chunks };
}

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('vLLM flavour', () => {
  let sim: OpenAICompatibleSimulator;
  let client: OpenAI;
  beforeAll(async () => {
    sim = await startOpenAICompatibleSimulator({ flavour: 'vllm' });
    client = new OpenAI({ baseURL: `${sim.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('lists its models as vLLM ModelCards', async () => {
    const body = (await (await fetch(`${sim.url}/v1/models`)).json()) as { object: string; data: unknown[] };
    expect(body).toMatchObject({ object: 'list' });
    expect(body.data[0]).toMatchObject({
      id: VLLM_MODEL,
      object: 'model',
      owned_by: 'vllm',
      root: VLLM_MODEL,
      parent: null,
      max_model_len: 8192,
      permission: [expect.objectContaining({ object: 'model_permission', allow_sampling: true })],
    });
    const listed = [];
    for await (const model of client.models.list()) listed.push(model.id);
    expect(listed).toEqual([VLLM_MODEL, 'BAAI/bge-m3']);
  });

  it('answers a chat with the quoted prompt, a finish reason and usage', async () => {
    const completion = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'Hello there' }],
    });
    expect(completion.id).toMatch(/^chatcmpl-[0-9a-f]{32}$/);
    expect(completion.model).toBe(VLLM_MODEL);
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0]).toMatchObject({
      index: 0,
      finish_reason: 'stop',
      message: { role: 'assistant', content: 'You said: "Hello there"', tool_calls: [] },
    });
    const usage = completion.usage!;
    expect(usage.completion_tokens).toBe(7);
    expect(usage.prompt_tokens).toBeGreaterThan(2);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
  });

  it('streams deltas that add up to the answer, with a usage chunk only when asked', async () => {
    sim.replyWith('One two three.');
    const withUsage = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of withUsage) chunks.push(chunk);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('One two three.');
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ completion_tokens: 4 });
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.slice(0, -1).every((c) => c.usage === undefined)).toBe(true);

    const raw = await sse(
      await post(`${sim.url}/v1/chat/completions`, {
        model: VLLM_MODEL,
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
      }),
    );
    expect(raw.frames.at(-1)).toBe('data: [DONE]');
    expect(raw.chunks.some((c) => 'usage' in c)).toBe(false);

    // vLLM's StreamOptions defaults include_usage to true once stream_options is sent.
    const defaulted = await sse(
      await post(`${sim.url}/v1/chat/completions`, {
        model: VLLM_MODEL,
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
        stream_options: {},
      }),
    );
    expect(defaulted.chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 4 } });
  });

  it('reports running usage on every chunk with continuous_usage_stats', async () => {
    sim.replyWith('a b c');
    const { chunks } = await sse(
      await post(`${sim.url}/v1/chat/completions`, {
        model: VLLM_MODEL,
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
        stream_options: { include_usage: true, continuous_usage_stats: true },
      }),
    );
    const counts = chunks.map((c) => (c.usage as { completion_tokens: number }).completion_tokens);
    expect(counts).toEqual([0, 1, 2, 3, 3, 3]);
    const without = await sse(
      await post(`${sim.url}/v1/chat/completions`, {
        model: VLLM_MODEL,
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
        stream_options: { include_usage: false, continuous_usage_stats: true },
      }),
    );
    expect(without.chunks.some((c) => 'usage' in c)).toBe(false);
  });

  it('cuts at max_tokens with finish_reason length on the last token chunk, and at a stop string', async () => {
    sim.replyWith('one two three four five');
    const cut = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'x' }],
      max_completion_tokens: 2,
    });
    expect(cut.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'one two' } });
    const { chunks } = await sse(
      await post(`${sim.url}/v1/chat/completions`, {
        model: VLLM_MODEL,
        messages: [{ role: 'user', content: 'x' }],
        max_tokens: 2,
        stream: true,
      }),
    );
    expect(chunks.at(-1)).toMatchObject({
      choices: [{ delta: { content: ' two' }, finish_reason: 'length' }],
    });
    const stopped = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'x' }],
      stop: ' three',
    });
    expect(stopped.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'one two' } });
  });

  it('answers n choices, streamed by index', async () => {
    const completion = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'hi' }],
      n: 3,
    });
    expect(completion.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(completion.usage?.completion_tokens).toBe(3 * 6);
    const stream = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'hi' }],
      n: 2,
      stream: true,
    });
    const texts = ['', ''];
    for await (const chunk of stream) {
      for (const choice of chunk.choices) texts[choice.index] += choice.delta.content ?? '';
    }
    expect(texts).toEqual(['You said: "hi"', 'You said: "hi"']);
  });

  const weather = {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  };

  it('calls a tool the user names, with Python-style JSON arguments', async () => {
    const completion = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'call get_weather city=Tokyo' }],
      tools: [weather],
    });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([
      {
        id: expect.stringMatching(/^chatcmpl-tool-[0-9a-f]{32}$/),
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city": "Tokyo"}' },
      },
    ]);
  });

  it('streams a named tool call as a name delta and argument fragments, ending with stop', async () => {
    const stream = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'weather please, city=Paris' }],
      tools: [weather],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      stream: true,
    });
    const deltas = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) deltas.push(call);
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(deltas[0]).toMatchObject({
      index: 0,
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.map((d) => d.function?.arguments ?? '').join('')).toBe('{"city": "Paris"}');
    // A named tool_choice ends with "stop" in vLLM, as in OpenAI's API; auto and required end with "tool_calls".
    expect(finish).toBe('stop');
    const whole = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'city=Paris' }],
      tools: [weather],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(whole.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: '' } });
    expect(whole.choices[0]?.message.tool_calls).toHaveLength(1);
  });

  it('streams long arguments whole and several calls by index', async () => {
    const note = {
      type: 'function' as const,
      function: {
        name: 'save_note',
        parameters: { type: 'object', properties: { text: { type: 'string' } } },
      },
    };
    const text = 'a fairly long note that needs many argument fragments to arrive';
    sim.replyWithToolCall([
      { name: 'save_note', arguments: { text } },
      { name: 'get_weather', arguments: { city: 'Rome' } },
    ]);
    const stream = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'x' }],
      tools: [note, weather],
      stream: true,
    });
    const args = ['', ''];
    const names: string[] = [];
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
        if (call.function?.name) names.push(call.function.name);
        args[call.index] += call.function?.arguments ?? '';
      }
    }
    expect(names).toEqual(['save_note', 'get_weather']);
    expect(args.map((a) => JSON.parse(a))).toEqual([{ text }, { city: 'Rome' }]);
  });

  it('does not call a tool with tool_choice none, and calls the first with required', async () => {
    const none = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'get_weather city=Oslo' }],
      tools: [weather],
      tool_choice: 'none',
    });
    expect(none.choices[0]?.message.tool_calls).toEqual([]);
    const required = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'hello' }],
      tools: [weather],
      tool_choice: 'required',
    });
    expect(required.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      function: { name: 'get_weather', arguments: '{"city": "example"}' },
    });
    expect(required.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('answers JSON for json_object and json_schema', async () => {
    const object = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'hi' }],
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(object.choices[0]?.message.content ?? '')).toEqual({ reply: 'You said: "hi"' });
    const schema = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'hi' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'person',
          schema: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } },
        },
      },
    });
    expect(JSON.parse(schema.choices[0]?.message.content ?? '')).toEqual({ name: 'example', age: 42 });
  });

  it('returns logprobs with top_logprobs in OpenAI shape', async () => {
    sim.replyWith('Hi there');
    const completion = await client.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'x' }],
      logprobs: true,
      top_logprobs: 2,
    });
    const content = completion.choices[0]?.logprobs?.content ?? [];
    expect(content.map((c) => c.token)).toEqual(['Hi', ' there']);
    for (const entry of content) {
      expect(entry.logprob).toBeLessThanOrEqual(0);
      expect(entry.bytes).toEqual([...Buffer.from(entry.token)]);
      expect(entry.top_logprobs).toHaveLength(2);
      expect(entry.top_logprobs[0]).toMatchObject({ token: entry.token, logprob: entry.logprob });
      expect(entry.top_logprobs[1]!.logprob).toBeLessThan(entry.logprob);
    }
  });

  it.each([
    {
      name: 'an unknown model',
      body: { model: 'nope', messages: [{ role: 'user', content: 'x' }] },
      status: 404,
      error: {
        message: 'The model `nope` does not exist.',
        type: 'NotFoundError',
        param: 'model',
        code: 404,
      },
    },
    {
      name: 'stream_options without stream',
      body: { model: VLLM_MODEL, messages: [], stream_options: { include_usage: true } },
      status: 400,
      error: {
        message: 'Stream options can only be defined when `stream=True`.',
        type: 'BadRequestError',
        code: 400,
      },
    },
    {
      name: 'top_logprobs without logprobs',
      body: { model: VLLM_MODEL, messages: [], top_logprobs: 2 },
      status: 400,
      error: { message: 'when using `top_logprobs`, `logprobs` must be set to true.', code: 400 },
    },
    {
      name: 'a missing messages field',
      body: { model: VLLM_MODEL },
      status: 400,
      error: { type: 'Bad Request', param: 'messages', code: 400 },
    },
    {
      name: 'a prompt longer than max_model_len',
      body: { model: VLLM_MODEL, messages: [{ role: 'user', content: 'word '.repeat(9000) }] },
      status: 400,
      error: {
        message: expect.stringMatching(
          /^This model's maximum context length is 8192 tokens\. However, your request has \d+ input tokens\./,
        ),
        type: 'BadRequestError',
        param: 'input_tokens',
      },
    },
    {
      name: 'a max_tokens that does not fit',
      body: { model: VLLM_MODEL, messages: [{ role: 'user', content: 'x' }], max_tokens: 9000 },
      status: 400,
      error: {
        message: expect.stringContaining("'max_tokens' or 'max_completion_tokens' is too large: 9000."),
        param: 'max_tokens',
      },
    },
    {
      name: 'chat with an embedding model',
      body: { model: 'BAAI/bge-m3', messages: [{ role: 'user', content: 'x' }] },
      status: 400,
      error: { message: 'The model does not support Chat Completions API' },
    },
  ])('refuses $name in vLLM’s error shape', async ({ body, status, error }) => {
    const response = await post(`${sim.url}/v1/chat/completions`, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: expect.objectContaining(error) });
  });

  it('surfaces a failNext in vLLM’s shape through the SDK', async () => {
    sim.failNext({ status: 503, error: 'engine is sleeping' });
    const error = await client.chat.completions
      .create({ model: VLLM_MODEL, messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ status: 503, message: expect.stringContaining('engine is sleeping') });
    expect((error as InstanceType<typeof OpenAI.APIError>).error).toEqual({
      message: 'engine is sleeping',
      type: 'Service Unavailable',
      param: null,
      code: 503,
    });
  });

  it('requires the API key on /v1 paths only, answering {"error":"Unauthorized"}', async () => {
    sim.requireToken('sekret');
    const refused = await post(`${sim.url}/v1/chat/completions`, { messages: [] });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'Unauthorized' });
    expect((await fetch(`${sim.url}/health`)).status).toBe(200);
    const authed = new OpenAI({ baseURL: `${sim.url}/v1`, apiKey: 'sekret', maxRetries: 0 });
    const ok = await authed.chat.completions.create({
      model: VLLM_MODEL,
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(ok.choices[0]?.message.content).toBe('You said: "x"');
  });

  it('answers unknown routes as FastAPI does', async () => {
    const missing = await fetch(`${sim.url}/v1/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: 'Not Found' });
    const method = await fetch(`${sim.url}/v1/chat/completions`);
    expect(method.status).toBe(405);
  });

  it('embeds as floats or base64 float32, the same text giving the same vector', async () => {
    const floats = await client.embeddings.create({
      model: 'BAAI/bge-m3',
      input: ['alpha', 'beta', 'alpha'],
      encoding_format: 'float',
    });
    expect(floats.data).toHaveLength(3);
    expect(floats.data[0]?.embedding).toHaveLength(1024);
    expect(floats.data[2]?.embedding).toEqual(floats.data[0]?.embedding);
    expect(floats.data[1]?.embedding).not.toEqual(floats.data[0]?.embedding);
    expect(floats.usage.prompt_tokens).toBe(6);
    const raw = (await (
      await post(`${sim.url}/v1/embeddings`, {
        model: 'BAAI/bge-m3',
        input: 'alpha',
        encoding_format: 'base64',
      })
    ).json()) as { data: { embedding: string }[] };
    const bytes = Buffer.from(raw.data[0]!.embedding, 'base64');
    const decoded = Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
    expect(decoded).toHaveLength(1024);
    for (const [i, value] of decoded.entries()) expect(value).toBeCloseTo(floats.data[0]!.embedding[i]!, 6);
  });

  it('completes text with vLLM’s default max_tokens of 16, streamed or not', async () => {
    sim.replyWith(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '));
    const whole = await client.completions.create({ model: VLLM_MODEL, prompt: 'Once' });
    expect(whole.id).toMatch(/^cmpl-/);
    expect(whole.choices[0]).toMatchObject({ finish_reason: 'length', index: 0 });
    expect(whole.usage?.completion_tokens).toBe(16);
    sim.replyWith('upon a time');
    const stream = await client.completions.create({
      model: VLLM_MODEL,
      prompt: 'Once',
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.text ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('upon a time');
    expect(usage).toMatchObject({ completion_tokens: 3, prompt_tokens: 2 });
  });

  it('hangs until the client goes away, and the abort is logged', async () => {
    sim.hangNext();
    const controller = new AbortController();
    const pending = client.chat.completions.create(
      { model: VLLM_MODEL, messages: [{ role: 'user', content: 'x' }] },
      { signal: controller.signal },
    );
    await vi.waitFor(() => expect(sim.requests).toHaveLength(1));
    controller.abort();
    await expect(pending).rejects.toThrow();
    await vi.waitFor(() => expect(sim.abortedRequests).toHaveLength(1));
  });

  it('stops a stream when the client goes away, and logs the abort, not a completion', async () => {
    sim.replyWith(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '));
    sim.setTokenDelay(10);
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: VLLM_MODEL, messages: [{ role: 'user', content: 'x' }], stream: true },
      { signal: controller.signal },
    );
    const reader = stream[Symbol.asyncIterator]();
    await reader.next();
    controller.abort();
    // The SDK ends the iteration on an abort; what matters is that the server sees the client go.
    await reader.next().catch(() => undefined);
    await vi.waitFor(() => expect(sim.abortedRequests).toHaveLength(1));
    expect(sim.completedRequests).toHaveLength(0);
  });

  it('drops a stream after n token chunks without [DONE]', async () => {
    sim.replyWith('a b c d e');
    sim.dropNextStreamAfter(2);
    const exchange = await rawRequest(`${sim.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: VLLM_MODEL, messages: [{ role: 'user', content: 'x' }], stream: true }),
    });
    expect(exchange.complete).toBe(false);
    expect(exchange.body).toContain('"content":" b"');
    expect(exchange.body).not.toContain('" c"');
    expect(exchange.body).not.toContain('[DONE]');
  });

  it('sends an in-stream error frame then [DONE] with errorNextStreamAfter', async () => {
    sim.replyWith('a b c');
    sim.errorNextStreamAfter(1, { error: 'engine died' });
    const { frames } = await sse(
      await post(`${sim.url}/v1/chat/completions`, {
        model: VLLM_MODEL,
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
      }),
    );
    expect(frames.at(-2)).toBe(
      'data: {"error":{"message":"engine died","type":"InternalServerError","param":null,"code":500}}',
    );
    expect(frames.at(-1)).toBe('data: [DONE]');
  });
});
