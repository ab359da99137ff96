import { type ChatCompletionRequest, GatewayError, type StreamEvent } from '@keeptrusts/core';
import { setupUpstreamServer } from '@keeptrusts/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  answerWith,
  callOptions,
  chatDelta,
  chatDone,
  chunked,
  collect,
  ndjson,
  testProvider,
} from './test-support/msw-ollama.js';

// Each rule of chat-response.ts, from what Ollama answers to what the gateway gets.

const server = setupUpstreamServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const request = (fields: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({
  model: 'llama3.3',
  messages: [{ role: 'user', content: 'Weather in Tokyo and Paris?' }],
  ...fields,
});

const weatherCall = (id: string | undefined, city: string, index: number) => ({
  ...(id === undefined ? {} : { id }),
  function: { index, name: 'get_weather', arguments: { city } },
});

async function streamed(
  lines: unknown[],
  fields: Partial<ChatCompletionRequest> = {},
): Promise<StreamEvent[]> {
  answerWith(server, '/api/chat', ndjson(lines));
  return collect(await testProvider().chatStream(request(fields), callOptions()));
}

async function streamFailure(response: Response): Promise<{ events: StreamEvent[]; error: unknown }> {
  answerWith(server, '/api/chat', response);
  const events: StreamEvent[] = [];
  try {
    for await (const event of await testProvider().chatStream(request(), callOptions())) events.push(event);
  } catch (error) {
    return { events, error };
  }
  throw new Error('the stream did not fail');
}

describe('non-streamed /api/chat answer → ChatResult', () => {
  it('maps content, stop and usage', async () => {
    answerWith(
      server,
      '/api/chat',
      Response.json(chatDone({ message: { role: 'assistant', content: 'Hello!' } })),
    );
    expect(await testProvider().chat(request(), callOptions())).toEqual({
      content: 'Hello!',
      toolCalls: [],
      finishReason: 'stop',
      usage: { prompt_tokens: 26, completion_tokens: 298, total_tokens: 324 },
    });
  });

  it('maps done_reason length to length', async () => {
    answerWith(server, '/api/chat', Response.json(chatDone({ done_reason: 'length' })));
    expect((await testProvider().chat(request(), callOptions())).finishReason).toBe('length');
  });

  it('counts missing counters as 0', async () => {
    const answer = chatDone();
    delete answer.prompt_eval_count;
    delete answer.eval_count;
    answerWith(server, '/api/chat', Response.json(answer));
    expect((await testProvider().chat(request(), callOptions())).usage).toEqual({
      prompt_tokens: 0,
      completion_tokens: 0,
      total_tokens: 0,
    });
  });

  it('maps thinking to reasoning', async () => {
    answerWith(
      server,
      '/api/chat',
      Response.json(chatDone({ message: { role: 'assistant', content: '42', thinking: 'Let me think.' } })),
    );
    expect(await testProvider().chat(request(), callOptions())).toMatchObject({
      content: '42',
      reasoning: 'Let me think.',
    });
  });

  it('maps tool calls to JSON-string arguments, keeps ids, generates missing ones, and says tool_calls', async () => {
    answerWith(
      server,
      '/api/chat',
      Response.json(
        chatDone({
          message: {
            role: 'assistant',
            content: '',
            tool_calls: [weatherCall('call_k3q8z1ab', 'Tokyo', 0), weatherCall(undefined, 'Paris', 1)],
          },
        }),
      ),
    );
    const result = await testProvider().chat(request(), callOptions());
    expect(result.finishReason).toBe('tool_calls');
    expect(result.toolCalls).toEqual([
      {
        id: 'call_k3q8z1ab',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' },
      },
      {
        id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/),
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
      },
    ]);
  });

  it('keeps only the first tool call when parallel_tool_calls is false', async () => {
    answerWith(
      server,
      '/api/chat',
      Response.json(
        chatDone({
          message: {
            role: 'assistant',
            content: '',
            tool_calls: [weatherCall('a', 'Tokyo', 0), weatherCall('b', 'Paris', 1)],
          },
        }),
      ),
    );
    const result = await testProvider().chat(request({ parallel_tool_calls: false }), callOptions());
    expect(result.toolCalls.map((c) => c.id)).toEqual(['a']);
  });

  it('refuses an answer of the wrong shape with a 502', async () => {
    answerWith(server, '/api/chat', Response.json({ message: { content: 42 }, done: true }));
    const error = await testProvider()
      .chat(request(), callOptions())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'upstream_error', status: 502 });
    expect((error as Error).message).toMatch(/unexpected \/api\/chat answer at message\.content/);
  });

  it('turns a 200 answer holding an error into a 502 with Ollama’s message', async () => {
    answerWith(
      server,
      '/api/chat',
      Response.json({ error: 'an error was encountered while running the model' }),
    );
    await expect(testProvider().chat(request(), callOptions())).rejects.toMatchObject({
      code: 'upstream_error',
      message: 'an error was encountered while running the model',
    });
  });
});

describe('streamed /api/chat lines → StreamEvents', () => {
  it('yields content deltas, then done with usage', async () => {
    expect(
      await streamed([
        chatDelta({ content: 'Hel' }),
        chatDelta({ content: 'lo' }),
        chatDone({ eval_count: 2 }),
      ]),
    ).toEqual([
      { type: 'delta', content: 'Hel' },
      { type: 'delta', content: 'lo' },
      {
        type: 'done',
        finishReason: 'stop',
        usage: { prompt_tokens: 26, completion_tokens: 2, total_tokens: 28 },
      },
    ]);
  });

  it('treats content on the final line as a delta', async () => {
    expect(await streamed([chatDone({ message: { role: 'assistant', content: 'tail' } })])).toEqual([
      { type: 'delta', content: 'tail' },
      {
        type: 'done',
        finishReason: 'stop',
        usage: { prompt_tokens: 26, completion_tokens: 298, total_tokens: 324 },
      },
    ]);
  });

  it('yields thinking as reasoning and skips empty lines', async () => {
    const events = await streamed([
      chatDelta({ thinking: 'Hmm' }),
      chatDelta({}),
      chatDelta({ content: 'Yes' }),
      chatDone(),
    ]);
    expect(events.slice(0, 2)).toEqual([
      { type: 'delta', reasoning: 'Hmm' },
      { type: 'delta', content: 'Yes' },
    ]);
    expect(events).toHaveLength(3);
  });

  it('yields whole tool calls and finishes with tool_calls', async () => {
    const events = await streamed([
      chatDelta({ tool_calls: [weatherCall('call_1', 'Tokyo', 0)] }),
      chatDone(),
    ]);
    expect(events).toEqual([
      {
        type: 'delta',
        toolCalls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' },
          },
        ],
      },
      expect.objectContaining({ type: 'done', finishReason: 'tool_calls' }),
    ]);
  });

  it('keeps length over tool calls', async () => {
    const events = await streamed([
      chatDelta({ tool_calls: [weatherCall('call_1', 'Tokyo', 0)] }),
      chatDone({ done_reason: 'length' }),
    ]);
    expect(events.at(-1)).toMatchObject({ finishReason: 'length' });
  });

  it('keeps only the first tool call of the stream when parallel_tool_calls is false', async () => {
    const events = await streamed(
      [
        chatDelta({ tool_calls: [weatherCall('a', 'Tokyo', 0)] }),
        chatDelta({ tool_calls: [weatherCall('b', 'Paris', 1)] }),
        chatDone(),
      ],
      { parallel_tool_calls: false },
    );
    expect(events.flatMap((e) => (e.type === 'delta' ? (e.toolCalls ?? []) : [])).map((c) => c.id)).toEqual([
      'a',
    ]);
  });

  it('decodes lines split across chunks, including inside a multi-byte character', async () => {
    const text = `${JSON.stringify(chatDelta({ content: 'héllo €' }))}\n${JSON.stringify(chatDone())}\n`;
    const bytes = new TextEncoder().encode(text);
    const cut = text.indexOf('é') + 1; // inside é's two bytes
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, cut));
        controller.enqueue(bytes.subarray(cut, cut + 30));
        controller.enqueue(bytes.subarray(cut + 30));
        controller.close();
      },
    });
    answerWith(server, '/api/chat', new Response(stream));
    const events = await collect(await testProvider().chatStream(request(), callOptions()));
    expect(events[0]).toEqual({ type: 'delta', content: 'héllo €' });
  });

  it('stops reading after the done line', async () => {
    const events = await streamed([chatDone(), { error: 'ignored: after done' }]);
    expect(events).toHaveLength(1);
  });

  it('throws Ollama’s message on an error line mid-stream, after the deltas before it', async () => {
    const { events, error } = await streamFailure(
      ndjson([chatDelta({ content: 'Hi' }), { error: 'an error was encountered while running the model' }]),
    );
    expect(events).toEqual([{ type: 'delta', content: 'Hi' }]);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      code: 'upstream_error',
      status: 502,
      message: 'an error was encountered while running the model',
    });
  });

  it('throws when the stream ends without a done line', async () => {
    const { events, error } = await streamFailure(ndjson([chatDelta({ content: 'Hi' })]));
    expect(events).toHaveLength(1);
    expect(error).toMatchObject({ code: 'upstream_error' });
    expect((error as Error).message).toMatch(/upstream closed the stream before it finished/);
  });

  it('throws on a malformed line', async () => {
    const { error } = await streamFailure(
      chunked([`${JSON.stringify(chatDelta({ content: 'Hi' }))}\n`, '{"message":\n']),
    );
    expect(error).toMatchObject({ code: 'upstream_error' });
    expect((error as Error).message).toMatch(/malformed stream: NDJSON line 2 is not valid JSON/);
  });

  it('throws on a line of the wrong shape', async () => {
    const { error } = await streamFailure(ndjson([{ message: { tool_calls: 'nope' }, done: false }]));
    expect(error).toMatchObject({ code: 'upstream_error' });
  });
});
