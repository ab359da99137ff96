import { type ChatCompletionRequest, GatewayError } from '@keeptrusts/core';
import { setupUpstreamServer } from '@keeptrusts/testkit';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  answerWith,
  callOptions,
  chunk,
  collect,
  sse,
  testProvider,
  usageChunk,
} from './test-support/msw-openai.js';

// Translation: what goes upstream and what comes back, for whole answers and streams.

const server = setupUpstreamServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const request: ChatCompletionRequest = {
  model: 'vllm-qwen',
  messages: [{ role: 'user', content: 'Hi' }],
};

const completionBody = (message: Record<string, unknown>, finish = 'stop') => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'qwen2.5-7b',
  choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish }],
  usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 },
});

async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe('chat', () => {
  it('sends the body as OpenAI’s with the target’s model, minus the gateway’s own fields', async () => {
    const seen = answerWith(
      server,
      'chat/completions',
      HttpResponse.json(completionBody({ content: 'Hello' })),
    );
    const tools = [
      { type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object' } } },
    ];
    await testProvider().chat(
      {
        ...request,
        temperature: 0.2,
        stop: null,
        tools,
        tool_choice: 'required',
        response_format: { type: 'json_object' },
        metadata: { team: 'a' },
        user: 'u-1',
      },
      callOptions(),
    );
    expect(seen[0]?.body).toEqual({
      model: 'qwen2.5-7b',
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.2,
      tools,
      tool_choice: 'required',
      response_format: { type: 'json_object' },
      stream: false,
    });
  });

  it('reads content, reasoning, tool calls, finish reason and usage', async () => {
    answerWith(
      server,
      'chat/completions',
      HttpResponse.json(
        completionBody(
          {
            content: null,
            reasoning_content: 'thinking',
            tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'f', arguments: '{"x":1}' } }],
          },
          'tool_calls',
        ),
      ),
    );
    const result = await testProvider().chat(request, callOptions());
    expect(result).toEqual({
      content: '',
      reasoning: 'thinking',
      toolCalls: [{ id: 'call_a', type: 'function', function: { name: 'f', arguments: '{"x":1}' } }],
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 },
    });
  });

  it('takes llama.cpp’s timings when an answer has no usage', async () => {
    const { usage: _, ...body } = completionBody({ content: 'Hello there' }, 'length');
    answerWith(
      server,
      'chat/completions',
      HttpResponse.json({ ...body, timings: { prompt_n: 5, predicted_n: 2 } }),
    );
    const result = await testProvider({ providerName: 'llamacpp' }).chat(request, callOptions());
    expect(result).toMatchObject({
      finishReason: 'length',
      usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
    });
  });
});

describe('chat streams', () => {
  it('always asks for include_usage, and ends with the usage of the server’s usage chunk', async () => {
    const seen = answerWith(
      server,
      'chat/completions',
      sse([
        chunk({ role: 'assistant', content: '' }),
        chunk({ content: 'Hel' }),
        chunk({ reasoning_content: 'hm' }),
        chunk({ content: 'lo' }),
        chunk({}, 'stop'),
        usageChunk(7, 3),
      ]),
    );
    const events = await collect(
      await testProvider().chatStream({ ...request, stream: true }, callOptions()),
    );
    expect(seen[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(events).toEqual([
      { type: 'delta', content: 'Hel' },
      { type: 'delta', reasoning: 'hm' },
      { type: 'delta', content: 'lo' },
      {
        type: 'done',
        finishReason: 'stop',
        usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
      },
    ]);
  });

  it('assembles streamed tool-call deltas by index into whole calls', async () => {
    answerWith(
      server,
      'chat/completions',
      sse([
        chunk({
          tool_calls: [
            { index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } },
          ],
        }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
        chunk({
          tool_calls: [
            { index: 1, id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{}' } },
          ],
        }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '"Oslo"}' } }] }),
        chunk({}, 'tool_calls'),
        usageChunk(20, 12),
      ]),
    );
    const events = await collect(
      await testProvider().chatStream({ ...request, stream: true }, callOptions()),
    );
    expect(events).toEqual([
      {
        type: 'delta',
        toolCalls: [
          { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
          { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      {
        type: 'done',
        finishReason: 'tool_calls',
        usage: { prompt_tokens: 20, completion_tokens: 12, total_tokens: 32 },
      },
    ]);
  });

  it.each([
    {
      name: 'ends without [DONE]',
      response: () => sse([chunk({ content: 'Hel' })], false),
      message: /closed the stream before it finished/,
    },
    {
      name: 'sends an event that is not JSON',
      response: () => sse([chunk({ content: 'a' }), '{"broken']),
      message: /malformed stream.*not JSON/,
    },
    {
      name: 'sends an error event (vLLM mid-stream)',
      response: () =>
        sse(
          [
            chunk({ content: 'a' }),
            { error: { message: 'engine dead', type: 'InternalServerError', code: 500 } },
          ],
          false,
        ),
      message: /engine dead/,
    },
    {
      name: 'ends with llama.cpp’s error line',
      response: () =>
        new HttpResponse(
          `data: ${JSON.stringify(chunk({ content: 'a' }))}\n\nerror: {"code":500,"message":"llama decode failed","type":"server_error"}\n\n`,
          { headers: { 'content-type': 'text/event-stream' } },
        ),
      message: /^llama decode failed$/,
    },
  ])('fails a stream that $name with upstream_error', async ({ response, message }) => {
    answerWith(server, 'chat/completions', response);
    const events = await testProvider().chatStream({ ...request, stream: true }, callOptions());
    const error = await refusal(collect(events));
    expect(error.code).toBe('upstream_error');
    expect(error.message).toMatch(message);
  });
});

describe('completions and embeddings', () => {
  it('streams a completion, refusing echo and best_of by name', async () => {
    const seen = answerWith(
      server,
      'completions',
      sse([
        { object: 'text_completion', choices: [{ index: 0, text: 'Once', finish_reason: null }] },
        { object: 'text_completion', choices: [{ index: 0, text: ' upon', finish_reason: 'length' }] },
        {
          object: 'text_completion',
          choices: [],
          usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 },
        },
      ]),
    );
    const provider = testProvider({ kind: 'completion' });
    const events = await collect(
      await provider.completionStream({ model: 'm', prompt: 'Tell', stream: true }, callOptions()),
    );
    expect(seen[0]?.body).toEqual({
      model: 'qwen2.5-7b',
      prompt: 'Tell',
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(events.at(-1)).toEqual({
      type: 'done',
      finishReason: 'length',
      usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 },
    });
    expect(events.filter((e) => e.type === 'delta').map((e) => e.content)).toEqual(['Once', ' upon']);
    const echo = await refusal(provider.completion({ model: 'm', prompt: 'x', echo: true }, callOptions()));
    expect(echo).toMatchObject({ code: 'invalid_request_error', param: 'echo' });
    expect(echo.message).toContain('target "vllm-qwen"');
  });

  it('embeds a list in input order (by index), floats or base64', async () => {
    const floats = Buffer.alloc(8);
    floats.writeFloatLE(0.5, 0);
    floats.writeFloatLE(-1, 4);
    const seen = answerWith(
      server,
      'embeddings',
      HttpResponse.json({
        object: 'list',
        data: [
          { object: 'embedding', index: 1, embedding: floats.toString('base64') },
          { object: 'embedding', index: 0, embedding: [0.25, 0.75] },
        ],
        usage: { prompt_tokens: 6, total_tokens: 6 },
      }),
    );
    const result = await testProvider({ kind: 'embedding' }).embedding(
      { model: 'e', input: ['a', 'b'], dimensions: 2 },
      callOptions(),
    );
    expect(seen[0]?.body).toEqual({
      model: 'qwen2.5-7b',
      input: ['a', 'b'],
      encoding_format: 'float',
      dimensions: 2,
    });
    expect(result).toEqual({
      embeddings: [
        [0.25, 0.75],
        [0.5, -1],
      ],
      promptTokens: 6,
    });
  });

  it('fails when the server sends fewer embeddings than inputs', async () => {
    answerWith(
      server,
      'embeddings',
      HttpResponse.json({ object: 'list', data: [{ index: 0, embedding: [1] }] }),
    );
    const error = await refusal(
      testProvider({ kind: 'embedding' }).embedding({ model: 'e', input: ['a', 'b'] }, callOptions()),
    );
    expect(error).toMatchObject({ code: 'upstream_error' });
    expect(error.message).toContain('1 embeddings for 2 input(s)');
  });
});

describe('fields a server cannot honour, or the gateway cannot carry back', () => {
  it.each([
    {
      server: 'llamacpp',
      body: { n: 2 },
      param: 'n',
      message: 'the llama.cpp server returns one choice per request; n must be 1, got 2',
    },
    {
      server: 'lmstudio',
      body: { logprobs: true },
      param: 'logprobs',
      message: 'LM Studio does not return log-probabilities',
    },
    {
      server: 'ollama',
      body: { top_logprobs: 3 },
      param: 'top_logprobs',
      message: "Ollama's OpenAI API does not return log-probabilities",
    },
    { server: 'vllm', body: { n: 3 }, param: 'n', message: 'n > 1 is not served through the gateway' },
    {
      server: 'vllm',
      body: { logprobs: true },
      param: 'logprobs',
      message: 'logprobs is not served through the gateway',
    },
  ])(
    'refuses $param on $server with a 400 naming the field and the target',
    async ({ server: name, body, param, message }) => {
      const error = await refusal(
        testProvider({ providerName: name }).chat({ ...request, ...body }, callOptions()),
      );
      expect(error).toMatchObject({ code: 'invalid_request_error', status: 400, param });
      expect(error.message).toContain(message);
      expect(error.message).toContain('(target "vllm-qwen")');
    },
  );

  it('lets n: 1 and logprobs: false through', async () => {
    const seen = answerWith(server, 'chat/completions', HttpResponse.json(completionBody({ content: 'ok' })));
    await testProvider({ providerName: 'llamacpp' }).chat(
      { ...request, n: 1, logprobs: false },
      callOptions(),
    );
    expect(seen[0]?.body).not.toHaveProperty('n');
  });
});

describe('probe and models', () => {
  const models = (...ids: string[]) =>
    HttpResponse.json({
      object: 'list',
      data: ids.map((id) => ({ id, object: 'model', created: 5, owned_by: 'vllm' })),
    });

  it('lists the server’s models; LM Studio’s lack of created reads as 0', async () => {
    answerWith(
      server,
      'models',
      HttpResponse.json({
        object: 'list',
        data: [{ id: 'qwen', object: 'model', owned_by: 'organization_owner' }],
      }),
    );
    await expect(testProvider().listModels(new AbortController().signal)).resolves.toEqual([
      { id: 'qwen', created: 0, ownedBy: 'organization_owner' },
    ]);
  });

  it('is healthy only while GET /models lists the target’s model', async () => {
    answerWith(server, 'models', models('other', 'qwen2.5-7b'));
    await expect(testProvider().probe(new AbortController().signal)).resolves.toBe(true);
    server.resetHandlers();
    answerWith(server, 'models', models('other'));
    await expect(testProvider().probe(new AbortController().signal)).resolves.toBe(false);
    server.resetHandlers();
    answerWith(server, 'models', new HttpResponse('down', { status: 503 }));
    await expect(testProvider().probe(new AbortController().signal)).resolves.toBe(false);
  });

  it('accepts any served model on llama.cpp, which answers to every name with its one model', async () => {
    answerWith(server, 'models', models('/models/qwen2.5-7b-instruct-q4_k_m.gguf'));
    await expect(
      testProvider({ providerName: 'llamacpp' }).probe(new AbortController().signal),
    ).resolves.toBe(true);
    server.resetHandlers();
    answerWith(server, 'models', models());
    await expect(
      testProvider({ providerName: 'llamacpp' }).probe(new AbortController().signal),
    ).resolves.toBe(false);
  });

  it('compares names as the handing provider does when a target was handed over', async () => {
    answerWith(server, 'models', models('qwen2.5-7b:latest'));
    const sameModel = (a: string, b: string) => b === a || b === `${a}:latest`;
    await expect(
      testProvider({ providerName: 'ollama' }, {}, { sameModel }).probe(new AbortController().signal),
    ).resolves.toBe(true);
    await expect(testProvider({ providerName: 'ollama' }).probe(new AbortController().signal)).resolves.toBe(
      false,
    );
  });
});

describe('config', () => {
  it('refuses to create a generic openai target without base_url, naming it', () => {
    expect(() =>
      testProvider({ providerName: 'openai', provider: 'openai:chat:m', baseUrl: undefined }),
    ).toThrow('target "vllm-qwen" (openai:chat:m) needs base_url');
  });
});
