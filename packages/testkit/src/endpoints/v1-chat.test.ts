import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { THINKING_TEXT } from '../replies.js';
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

async function frames(response: Response): Promise<string[]> {
  return (await response.text()).split('\n\n').filter((f) => f !== '');
}

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('POST /v1/chat/completions', () => {
  it('answers through the native chat handler, in OpenAI’s shape with fp_ollama', async () => {
    const completion = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(completion).toMatchObject({
      id: expect.stringMatching(/^chatcmpl-\d{1,3}$/),
      object: 'chat.completion',
      model: 'llama3.3',
      system_fingerprint: 'fp_ollama',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'You said: "Hello"' }, finish_reason: 'stop' },
      ],
    });
    expect(completion.usage?.completion_tokens).toBe(6);
    expect(completion.usage?.total_tokens).toBe(
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
    expect(sim.requests[0]?.path).toBe('/v1/chat/completions');
  });

  it('streams a role chunk, deltas, an empty finish delta, then usage only when asked, then [DONE]', async () => {
    sim.replyWith('a b');
    const body = { model: 'llama3.3', messages: [{ role: 'user' as const, content: 'x' }], stream: true };
    const plain = await frames(await post(`${sim.url}/v1/chat/completions`, body));
    const chunks = plain.slice(0, -1).map((f) => JSON.parse(f.slice(6)) as Record<string, unknown>);
    expect(plain.at(-1)).toBe('data: [DONE]');
    expect(chunks.map((c) => (c.choices as { delta: unknown }[])[0]?.delta)).toEqual([
      { role: 'assistant', content: 'a' },
      { content: ' b' },
      {},
    ]);
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: 'stop' }] });
    expect(new Set(chunks.map((c) => c.created)).size).toBe(1);
    expect(chunks.some((c) => 'usage' in c)).toBe(false);

    const stream = await client.chat.completions.create({
      ...body,
      stream: true,
      stream_options: { include_usage: true },
    });
    const received = [];
    for await (const chunk of stream) received.push(chunk);
    expect(received.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 2 } });
  });

  it('maps max_tokens to num_predict and a stop string to [stop]', async () => {
    sim.replyWith('one two three four');
    const cut = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'x' }],
      max_tokens: 2,
    });
    expect(cut.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'one two' } });
    const stopped = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'x' }],
      stop: ' three',
    });
    expect(stopped.choices[0]?.message.content).toBe('one two');
    expect(sim.requests[0]?.body).toMatchObject({ max_tokens: 2 });
  });

  it('returns a tool call whole, with JSON-string arguments and finish_reason tool_calls', async () => {
    const completion = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'get_weather city=Tokyo' }],
      tools: [weather],
    });
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: {
        content: '',
        tool_calls: [
          {
            id: expect.stringMatching(/^call_[a-z0-9]{8}$/),
            index: 0,
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' },
          },
        ],
      },
    });
    const stream = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'get_weather city=Oslo' }],
      tools: [weather],
      stream: true,
    });
    const calls = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      calls.push(...(chunk.choices[0]?.delta.tool_calls ?? []));
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]?.function?.arguments).toBe('{"city":"Oslo"}');
    expect(finish).toBe('tool_calls');
  });

  it('answers a tool result through the earlier call’s name, found by tool_call_id', async () => {
    const completion = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [
        { role: 'user', content: 'get_weather city=Tokyo' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
      ],
      tools: [weather],
    });
    expect(completion.choices[0]?.message.content).toBe('The get_weather tool returned: sunny');
  });

  it('maps response_format json_object and json_schema onto format', async () => {
    const json = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'hi' }],
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(json.choices[0]?.message.content ?? '')).toEqual({ reply: 'You said: "hi"' });
    const schema = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'hi' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'x', schema: { type: 'object', properties: { ok: { type: 'boolean' } } } },
      },
    });
    expect(JSON.parse(schema.choices[0]?.message.content ?? '')).toEqual({ ok: true });
  });

  it('sends thinking as reasoning, and reasoning_effort none turns it off', async () => {
    const thinking = await client.chat.completions.create({
      model: 'qwen3:8b',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(thinking.choices[0]?.message).toHaveProperty('reasoning', THINKING_TEXT);
    const off = await client.chat.completions.create({
      model: 'qwen3:8b',
      messages: [{ role: 'user', content: 'hi' }],
      reasoning_effort: 'none' as never,
    });
    expect(off.choices[0]?.message).not.toHaveProperty('reasoning');
  });

  it.each([
    {
      name: 'an empty body',
      body: '',
      status: 400,
      error: { message: 'EOF', type: 'invalid_request_error' },
    },
    {
      name: 'no messages',
      body: { model: 'llama3.3', messages: [] },
      status: 400,
      error: { message: "[] is too short - 'messages'" },
    },
    {
      name: 'an unknown model',
      body: { model: 'nope', messages: [{ role: 'user', content: 'x' }] },
      status: 404,
      error: { message: "model 'nope' not found", type: 'not_found_error' },
    },
    {
      name: 'a tool on a model without tools',
      body: { model: 'phi4', messages: [{ role: 'user', content: 'x' }], tools: [weather] },
      status: 400,
      error: {
        message: 'registry.ollama.ai/library/phi4:latest does not support tools',
        type: 'invalid_request_error',
      },
    },
    {
      name: 'content that is a number',
      body: { model: 'llama3.3', messages: [{ role: 'user', content: 5 }] },
      status: 400,
      error: { message: 'invalid message content type: float64' },
    },
    {
      name: 'bad tool call arguments',
      body: {
        model: 'llama3.3',
        messages: [
          {
            role: 'assistant',
            content: '',
            tool_calls: [{ id: 'a', function: { name: 'f', arguments: '{' } }],
          },
        ],
      },
      status: 400,
      error: { message: 'invalid tool call arguments' },
    },
    {
      name: 'an http image URL',
      body: {
        model: 'llama3.3',
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }],
      },
      status: 400,
      error: { message: 'image URLs are not currently supported, please use base64 encoded data instead' },
    },
    {
      name: 'messages of the wrong type',
      body: { model: 'llama3.3', messages: 'hi' },
      status: 400,
      error: {
        message:
          'json: cannot unmarshal string into Go struct field ChatCompletionRequest.messages of type []openai.Message',
      },
    },
  ])('refuses $name in the OpenAI envelope', async ({ body, status, error }) => {
    const response = await post(`${sim.url}/v1/chat/completions`, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error: { type: expect.any(String), param: null, code: null, ...error },
    });
  });

  it('fails with failNext in the OpenAI envelope, api_error for a 500', async () => {
    sim.failNext({ status: 500, error: 'runner crashed' });
    const error = await client.chat.completions
      .create({ model: 'llama3.3', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, error: { message: 'runner crashed', type: 'api_error' } });
  });

  it('ends a stream without finish chunk or [DONE] on a native error line, as the middleware does', async () => {
    sim.replyWith('a b c');
    sim.errorNextStreamAfter(1);
    const response = await post(`${sim.url}/v1/chat/completions`, {
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const sent = await frames(response);
    const deltas = sent.map(
      (f) => (JSON.parse(f.slice(6)) as { choices: { delta: unknown }[] }).choices[0]?.delta,
    );
    // The error line decodes as an empty chat line: its message is lost.
    expect(deltas).toEqual([{ role: 'assistant', content: 'a' }, { content: '' }]);
  });

  it('drops a stream mid-way as the native handler does', async () => {
    sim.replyWith('a b c d');
    sim.dropNextStreamAfter(2);
    const stream = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const text: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) text.push(chunk.choices[0]?.delta.content ?? '');
      })(),
    ).rejects.toThrow();
    expect(text.join('')).toBe('a b');
  });
});
