import { type ChatCompletionRequest, GatewayError } from '@keeptrusts/core';
import { setupUpstreamServer } from '@keeptrusts/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerWith, callOptions, chatDone, testProvider } from './test-support/msw-ollama.js';

// Each rule of chat-request.ts, checked on the wire: the body the provider POSTs to /api/chat.

const server = setupUpstreamServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const user = { role: 'user', content: 'Hi' } as const;

function request(fields: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest {
  return { model: 'ollama:chat:llama3.3', messages: [user], ...fields };
}

/** Sends a chat call and returns the body Ollama received. */
async function sent(
  fields: Partial<ChatCompletionRequest>,
  target: Parameters<typeof testProvider>[0] = {},
): Promise<Record<string, unknown>> {
  const seen = answerWith(server, '/api/chat', Response.json(chatDone()));
  await testProvider(target).chat(request(fields), callOptions());
  expect(seen).toHaveLength(1);
  return seen[0]?.body as Record<string, unknown>;
}

/** Sends a chat call that must be refused before reaching Ollama. */
async function refused(fields: Partial<ChatCompletionRequest>): Promise<GatewayError> {
  const seen = answerWith(server, '/api/chat', Response.json(chatDone()));
  const error = await testProvider()
    .chat(request(fields), callOptions())
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(seen).toHaveLength(0);
  expect(error).toBeInstanceOf(GatewayError);
  expect((error as GatewayError).status).toBe(400);
  expect((error as GatewayError).code).toBe('invalid_request_error');
  return error as GatewayError;
}

describe('chat request → POST /api/chat', () => {
  it('sends the target model, the messages and stream: false, and nothing else', async () => {
    expect(await sent({})).toEqual({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: false,
    });
  });

  it('sends stream: true for a streamed call', async () => {
    const seen = answerWith(server, '/api/chat', Response.json(chatDone()));
    const events = await testProvider().chatStream(request({ stream: true }), callOptions());
    for await (const _ of events) {
      // drain
    }
    expect(seen[0]?.body).toMatchObject({ stream: true });
  });

  it.each([
    { name: 'temperature', fields: { temperature: 0.7 }, options: { temperature: 0.7 } },
    { name: 'top_p', fields: { top_p: 0.5 }, options: { top_p: 0.5 } },
    { name: 'seed', fields: { seed: 42 }, options: { seed: 42 } },
    { name: 'stop as a string → array', fields: { stop: 'END' }, options: { stop: ['END'] } },
    { name: 'stop as an array', fields: { stop: ['a', 'b'] }, options: { stop: ['a', 'b'] } },
    { name: 'max_tokens → num_predict', fields: { max_tokens: 100 }, options: { num_predict: 100 } },
    {
      name: 'max_completion_tokens → num_predict',
      fields: { max_completion_tokens: 64 },
      options: { num_predict: 64 },
    },
    {
      name: 'both token limits → the smaller',
      fields: { max_tokens: 100, max_completion_tokens: 64 },
      options: { num_predict: 64 },
    },
    { name: 'presence_penalty', fields: { presence_penalty: 0.5 }, options: { presence_penalty: 0.5 } },
    { name: 'frequency_penalty', fields: { frequency_penalty: -0.5 }, options: { frequency_penalty: -0.5 } },
    { name: 'n: 1 is accepted', fields: { n: 1 }, options: undefined },
    { name: 'empty logit_bias is accepted', fields: { logit_bias: {} }, options: undefined },
  ] satisfies { name: string; fields: Partial<ChatCompletionRequest>; options: unknown }[])(
    'maps $name into options',
    async ({ fields, options }) => {
      expect((await sent(fields)).options).toEqual(options);
    },
  );

  it('sends no temperature or top_p when the client sent none, so the Modelfile defaults apply', async () => {
    const body = await sent({ temperature: null, top_p: null, stop: null, seed: null });
    expect(body).not.toHaveProperty('options');
  });

  it('sends the target max_context_tokens as options.num_ctx', async () => {
    expect((await sent({ temperature: 0.2 }, { maxContextTokens: 8192 })).options).toEqual({
      num_ctx: 8192,
      temperature: 0.2,
    });
  });

  it.each([
    { name: 'json_object → "json"', fields: { response_format: { type: 'json_object' } }, format: 'json' },
    {
      name: 'json_schema → the schema',
      fields: {
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'city',
            strict: true,
            schema: { type: 'object', properties: { city: { type: 'string' } } },
          },
        },
      },
      format: { type: 'object', properties: { city: { type: 'string' } } },
    },
    {
      name: 'json_schema without a schema → "json"',
      fields: { response_format: { type: 'json_schema', json_schema: { name: 'any' } } },
      format: 'json',
    },
    { name: 'text → no format', fields: { response_format: { type: 'text' } }, format: undefined },
  ] satisfies { name: string; fields: Partial<ChatCompletionRequest>; format: unknown }[])(
    'maps response_format $name',
    async ({ fields, format }) => {
      expect((await sent(fields)).format).toEqual(format);
    },
  );

  it.each([
    ['none', false],
    ['minimal', 'low'],
    ['low', 'low'],
    ['medium', 'medium'],
    ['high', 'high'],
    ['xhigh', 'max'],
  ] as const)('maps reasoning_effort %s → think %s', async (effort, think) => {
    expect((await sent({ reasoning_effort: effort })).think).toBe(think);
  });

  describe('tools', () => {
    const tools: ChatCompletionRequest['tools'] = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Weather in a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      },
    ];

    it('passes tools through unchanged', async () => {
      expect((await sent({ tools })).tools).toEqual(tools);
    });

    it('passes tools through with tool_choice auto', async () => {
      expect((await sent({ tools, tool_choice: 'auto' })).tools).toEqual(tools);
    });

    it('does not offer the tools with tool_choice none', async () => {
      expect(await sent({ tools, tool_choice: 'none' })).not.toHaveProperty('tools');
    });

    it('replays assistant tool calls with arguments as objects, and names tool results', async () => {
      const body = await sent({
        messages: [
          user,
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_1',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' },
              },
              { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_1', content: '11 degrees' },
          { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '10:00' }] },
        ],
      });
      expect(body.messages).toEqual([
        { role: 'user', content: 'Hi' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [
            { id: 'call_1', function: { index: 0, name: 'get_weather', arguments: { city: 'Tokyo' } } },
            { id: 'call_2', function: { index: 1, name: 'get_time', arguments: {} } },
          ],
        },
        { role: 'tool', content: '11 degrees', tool_name: 'get_weather', tool_call_id: 'call_1' },
        { role: 'tool', content: '10:00', tool_name: 'get_time', tool_call_id: 'call_2' },
      ]);
    });

    it('takes a tool message name when no earlier call matches its id', async () => {
      const body = await sent({
        messages: [user, { role: 'tool', tool_call_id: 'call_x', name: 'lookup', content: 'ok' }],
      });
      expect(body.messages).toContainEqual({
        role: 'tool',
        content: 'ok',
        tool_name: 'lookup',
        tool_call_id: 'call_x',
      });
    });
  });

  describe('messages', () => {
    it('sends system and developer messages as system, text parts joined by newlines', async () => {
      const body = await sent({
        messages: [
          { role: 'developer', content: 'Be brief.' },
          {
            role: 'system',
            content: [
              { type: 'text', text: 'One.' },
              { type: 'text', text: 'Two.' },
            ],
          },
          user,
        ],
      });
      expect(body.messages).toEqual([
        { role: 'system', content: 'Be brief.' },
        { role: 'system', content: 'One.\nTwo.' },
        { role: 'user', content: 'Hi' },
      ]);
    });

    it('puts data-URL images in images (prefix stripped) beside the joined text', async () => {
      const body = await sent({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'high' } },
              { type: 'image_url', image_url: 'data:;base64,AAAA' },
              { type: 'text', text: 'Be short.' },
            ],
          },
        ],
      });
      expect(body.messages).toEqual([
        { role: 'user', content: 'What is this?\nBe short.', images: ['iVBORw0KGgo=', 'AAAA'] },
      ]);
    });

    it('replays an assistant refusal as its content', async () => {
      const body = await sent({
        messages: [user, { role: 'assistant', content: null, refusal: 'I cannot help with that.' }, user],
      });
      expect(body.messages).toContainEqual({ role: 'assistant', content: 'I cannot help with that.' });
    });
  });

  describe('refused fields', () => {
    it.each([
      { name: 'n > 1', fields: { n: 2 }, param: 'n' },
      { name: 'logit_bias', fields: { logit_bias: { '50256': -100 } }, param: 'logit_bias' },
      { name: 'logprobs', fields: { logprobs: true }, param: 'logprobs' },
      { name: 'top_logprobs', fields: { top_logprobs: 3 }, param: 'top_logprobs' },
      { name: 'store', fields: { store: true }, param: 'store' },
      { name: 'tool_choice required', fields: { tool_choice: 'required' }, param: 'tool_choice' },
      {
        name: 'tool_choice naming a function',
        fields: { tool_choice: { type: 'function', function: { name: 'get_weather' } } },
        param: 'tool_choice',
      },
      {
        name: 'an image URL',
        fields: {
          messages: [
            { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x.test/cat.png' } }] },
          ],
        },
        param: 'messages[0].content[0].image_url',
      },
      {
        name: 'a data URL that is not an image',
        fields: {
          messages: [
            user,
            { role: 'user', content: [{ type: 'image_url', image_url: 'data:text/plain;base64,AAAA' }] },
          ],
        },
        param: 'messages[1].content[0].image_url',
      },
      {
        name: 'invalid JSON tool arguments',
        fields: {
          messages: [
            user,
            {
              role: 'assistant',
              tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"city":' } }],
            },
          ],
        },
        param: 'messages[1].tool_calls[0].function.arguments',
      },
      {
        name: 'tool arguments that are not an object',
        fields: {
          messages: [
            user,
            {
              role: 'assistant',
              tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '[1]' } }],
            },
          ],
        },
        param: 'messages[1].tool_calls[0].function.arguments',
      },
      {
        name: 'a tool result answering no call',
        fields: { messages: [user, { role: 'tool', tool_call_id: 'nope', content: 'x' }] },
        param: 'messages[1].tool_call_id',
      },
      {
        name: 'a participant name',
        fields: { messages: [{ role: 'user', name: 'alice', content: 'Hi' }] },
        param: 'messages[0].name',
      },
    ] satisfies { name: string; fields: Partial<ChatCompletionRequest>; param: string }[])(
      'refuses $name with a 400 naming $param',
      async ({ fields, param }) => {
        const error = await refused(fields);
        expect(error.param).toBe(param);
        expect(error.message).not.toBe('');
      },
    );
  });
});
