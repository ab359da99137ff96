import {
  type ChatCompletionRequest,
  GatewayError,
  type ProviderInstance,
  type StreamEvent,
} from '@keeptrusts/core';
import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOllamaProvider } from './ollama-provider.js';
import { testTarget } from './test-support/msw-ollama.js';

// The provider against the testkit's Ollama simulator over real HTTP: the simulator enforces
// Ollama's own validation (option types, capabilities, model names), so these show that what the
// provider sends is accepted and what Ollama sends back is understood.

let simulator: OllamaSimulator;
let provider: ProviderInstance;

beforeAll(async () => {
  simulator = await startOllamaSimulator();
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(() => {
  simulator.reset();
  provider = createOllamaProvider(testTarget({ baseUrl: simulator.url }), { env: () => undefined });
});

const signal = (): AbortSignal => new AbortController().signal;
const chat = (fields: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({
  model: 'ollama:chat:llama3.3',
  messages: [{ role: 'user', content: 'Say hello.' }],
  ...fields,
});
const at = (model: string) => ({ signal: signal(), model });

async function text(
  events: AsyncIterable<StreamEvent>,
): Promise<{ content: string; done: StreamEvent | undefined }> {
  let content = '';
  let done: StreamEvent | undefined;
  for await (const event of events) {
    if (event.type === 'delta') content += event.content ?? '';
    else done = event;
  }
  return { content, done };
}

describe('provider-ollama against the Ollama simulator', () => {
  it('answers a chat with every mappable field set', async () => {
    simulator.replyWith('Hello there, friend.');
    const result = await provider.chat(
      chat({
        temperature: 0.7,
        top_p: 0.9,
        seed: 1,
        stop: 'END',
        max_tokens: 50,
        presence_penalty: 0.1,
        frequency_penalty: 0.1,
        response_format: { type: 'text' },
      }),
      at('llama3.3'),
    );
    expect(result).toMatchObject({ content: 'Hello there, friend.', finishReason: 'stop', toolCalls: [] });
    expect(result.usage.prompt_tokens).toBeGreaterThan(0);
    expect(result.usage.completion_tokens).toBeGreaterThan(0);
    expect(simulator.requests.at(-1)?.body).toMatchObject({
      stream: false,
      options: { stop: ['END'], num_predict: 50 },
    });
  });

  it('streams a chat whose deltas add up to the answer', async () => {
    simulator.replyWith('One two three four.');
    const { content, done } = await text(await provider.chatStream(chat({ stream: true }), at('llama3.3')));
    expect(content).toBe('One two three four.');
    expect(done).toMatchObject({ type: 'done', finishReason: 'stop' });
  });

  it('round-trips a tool call: asked, answered, replayed', async () => {
    simulator.replyWithToolCall({ name: 'get_weather', arguments: { city: 'Tokyo' } }, { times: 1 });
    const tools: ChatCompletionRequest['tools'] = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
    ];
    const first = await provider.chat(chat({ tools }), at('llama3.3'));
    expect(first.finishReason).toBe('tool_calls');
    const call = first.toolCalls[0];
    expect(call).toMatchObject({
      type: 'function',
      function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' },
    });
    if (call === undefined) throw new Error('no tool call');

    simulator.replyWith('It is 11 degrees in Tokyo.');
    const second = await provider.chat(
      chat({
        tools,
        messages: [
          { role: 'user', content: 'Weather in Tokyo?' },
          { role: 'assistant', content: null, tool_calls: [call] },
          { role: 'tool', tool_call_id: call.id, content: '11 degrees' },
        ],
      }),
      at('llama3.3'),
    );
    expect(second.content).toBe('It is 11 degrees in Tokyo.');
    expect(simulator.requests.at(-1)?.body).toHaveProperty(['messages', 2], {
      role: 'tool',
      content: '11 degrees',
      tool_name: 'get_weather',
      tool_call_id: call.id,
    });
  });

  it('returns thinking as reasoning for a thinking model', async () => {
    const result = await provider.chat(chat({ reasoning_effort: 'high' }), at('qwen3:8b'));
    expect(result.reasoning).toBeTruthy();
  });

  it('passes Ollama’s 400 for thinking on a model without it', async () => {
    await expect(provider.chat(chat({ reasoning_effort: 'low' }), at('llama3.3'))).rejects.toMatchObject({
      code: 'invalid_request_error',
      message: '"llama3.3" does not support thinking',
    });
  });

  it('answers a completion and streams one', async () => {
    simulator.replyWith('upon a time.');
    const request = { model: 'ollama:completion:mistral', prompt: 'Once' };
    await expect(provider.completion(request, at('mistral'))).resolves.toMatchObject({
      text: 'upon a time.',
      finishReason: 'stop',
    });
    const { content } = await text(
      await provider.completionStream({ ...request, stream: true }, at('mistral')),
    );
    expect(content).toBe('upon a time.');
  });

  it('embeds several inputs in order with the model’s dimension', async () => {
    const result = await provider.embedding(
      { model: 'ollama:embedding:nomic-embed-text', input: ['a', 'b', 'c'] },
      at('nomic-embed-text'),
    );
    expect(result.embeddings).toHaveLength(3);
    expect(result.embeddings.every((v) => v.length === 768)).toBe(true);
    expect(result.promptTokens).toBeGreaterThan(0);
  });

  it('lists installed models and probes liveness', async () => {
    const models = await provider.listModels(signal());
    expect(models.map((m) => m.id)).toContain('llama3.3:latest');
    expect(models.every((m) => m.ownedBy === 'library' && m.created > 0)).toBe(true);
    expect(await provider.probe(signal())).toBe(true);
  });

  it('turns a model that is not pulled into a 502 keeping Ollama’s message', async () => {
    const error = await provider.chat(chat(), at('nope')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'upstream_error', status: 502 });
    expect((error as Error).message).toMatch(/^model 'nope' not found/);
  });

  it('throws Ollama’s message when the stream ends with an error line', async () => {
    simulator.replyWith('a b c d e f g');
    simulator.errorNextStreamAfter(2);
    const events: StreamEvent[] = [];
    const error = await (async () => {
      for await (const event of await provider.chatStream(chat({ stream: true }), at('llama3.3')))
        events.push(event);
    })().catch((e: unknown) => e);
    expect(events.length).toBeGreaterThan(0);
    expect(error).toMatchObject({
      code: 'upstream_error',
      message: 'an error was encountered while running the model',
    });
  });

  it('throws when the connection drops mid-stream', async () => {
    simulator.dropNextStreamAfter(1);
    await expect(
      text(await provider.chatStream(chat({ stream: true }), at('llama3.3'))),
    ).rejects.toMatchObject({
      code: 'upstream_error',
    });
  });

  it('times out a call that never answers', async () => {
    simulator.hangNext();
    const slow = createOllamaProvider(testTarget({ baseUrl: simulator.url, timeoutSeconds: 0.05 }), {
      env: () => undefined,
    });
    await expect(slow.chat(chat(), at('llama3.3'))).rejects.toMatchObject({
      code: 'upstream_timeout',
      status: 504,
    });
  });

  it('sends the bearer token a protected server requires', async () => {
    simulator.requireToken('s3cret');
    const withToken = createOllamaProvider(testTarget({ baseUrl: simulator.url }), {
      env: (name) => (name === 'OLLAMA_API_KEY' ? 's3cret' : undefined),
    });
    await expect(withToken.chat(chat(), at('llama3.3'))).resolves.toMatchObject({ finishReason: 'stop' });
    await expect(provider.chat(chat(), at('llama3.3'))).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringMatching(/refused the gateway with HTTP 401/),
    });
  });
});
