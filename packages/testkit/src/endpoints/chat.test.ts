import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OllamaSimulator, startOllamaSimulator } from '../simulator.js';
import { ndjson, post } from '../test-support/http-client.js';

let sim: OllamaSimulator;
const chat = (body: unknown) => post(`${sim.url}/api/chat`, body);
const user = (content: string) => [{ role: 'user', content }];

beforeAll(async () => {
  sim = await startOllamaSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('POST /api/chat streaming', () => {
  it('streams NDJSON by default, one line per token, then a done line with real counters', async () => {
    const response = await chat({ model: 'llama3.3', messages: user('Hi there') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = await ndjson(response);
    const deltas = lines.slice(0, -1);
    expect(deltas.map((line) => (line.message as { content: string }).content)).toEqual([
      'You',
      ' said',
      ':',
      ' "',
      'Hi',
      ' there',
      '"',
    ]);
    for (const line of deltas) {
      expect(Object.keys(line)).toEqual(['model', 'created_at', 'message', 'done']);
      expect(line).toMatchObject({ model: 'llama3.3', done: false, message: { role: 'assistant' } });
    }
    const final = lines.at(-1);
    expect(final).toMatchObject({
      model: 'llama3.3',
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      eval_count: 7,
    });
    // <|begin_of_text|>, 3 user-header markers, "\n\nHi", " there", <|eot_id|>, 3 assistant markers, "\n\n"
    expect(final?.prompt_eval_count).toBe(11);
    for (const key of ['total_duration', 'load_duration', 'prompt_eval_duration', 'eval_duration']) {
      expect(final?.[key]).toEqual(expect.any(Number));
    }
    expect(String(final?.created_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  });

  it.each([
    ['absent', {}],
    ['null', { stream: null }],
    ['true', { stream: true }],
  ])('streams when stream is %s', async (_name, extra) => {
    const response = await chat({ model: 'llama3.3', messages: user('x'), ...extra });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    await response.body?.cancel();
  });

  it('counts role markers and tool definitions in prompt_eval_count', async () => {
    const plain = (await ndjson(await chat({ model: 'llama3.3', messages: user('weather?') }))).at(-1);
    const withTools = (
      await ndjson(await chat({ model: 'llama3.3', messages: user('weather?'), tools: [weatherTool] }))
    ).at(-1);
    expect(Number(withTools?.prompt_eval_count)).toBeGreaterThan(Number(plain?.prompt_eval_count) + 20);
  });

  it('echoes the model as sent', async () => {
    const lines = await ndjson(
      await chat({ model: 'registry.ollama.ai/library/LLAMA3.3:latest', messages: user('x') }),
    );
    expect(new Set(lines.map((line) => line.model))).toEqual(
      new Set(['registry.ollama.ai/library/LLAMA3.3:latest']),
    );
  });
});

describe('POST /api/chat non-streaming', () => {
  it('answers one JSON object with the whole reply and metrics', async () => {
    const response = await chat({ model: 'llama3.3', stream: false, messages: user('Hello <b> & co') });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const raw = await response.text();
    expect(raw).toContain('"content":"You said: \\"Hello \\u003cb\\u003e \\u0026 co\\""');
    const body = JSON.parse(raw) as Record<string, unknown>;
    expect(Object.keys(body).slice(0, 5)).toEqual(['model', 'created_at', 'message', 'done', 'done_reason']);
    expect(body).toMatchObject({
      message: { role: 'assistant', content: 'You said: "Hello <b> & co"' },
      done: true,
      done_reason: 'stop',
      eval_count: 11,
    });
  });

  it('cuts at options.num_predict with done_reason "length"', async () => {
    const body = await (
      await chat({
        model: 'llama3.3',
        stream: false,
        messages: user('a b c d e'),
        options: { num_predict: 3 },
      })
    ).json();
    expect(body).toMatchObject({ message: { content: 'You said:' }, done_reason: 'length', eval_count: 3 });
  });

  it('stops before a stop string, which is not included', async () => {
    const body = await (
      await chat({ model: 'llama3.3', stream: false, messages: user('one. two'), options: { stop: ['.'] } })
    ).json();
    expect(body).toMatchObject({
      message: { content: 'You said: "one' },
      done_reason: 'stop',
      eval_count: 5,
    });
  });

  it('answers valid JSON for format "json"', async () => {
    const body = (await (
      await chat({ model: 'llama3.3', stream: false, format: 'json', messages: user('hi') })
    ).json()) as {
      message: { content: string };
    };
    expect(JSON.parse(body.message.content)).toEqual({ reply: 'You said: "hi"' });
  });

  it('answers an object with the required properties of a schema format', async () => {
    const format = {
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'integer' }, ok: { type: 'boolean' } },
      required: ['name', 'age'],
    };
    const body = (await (
      await chat({ model: 'llama3.3', stream: false, format, messages: user('hi') })
    ).json()) as {
      message: { content: string };
    };
    expect(JSON.parse(body.message.content)).toEqual({ name: 'example', age: 42 });
  });

  it('mentions the tool result after a tool message', async () => {
    const messages = [
      { role: 'user', content: 'weather in Tokyo?' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: 'call_1', function: { index: 0, name: 'get_weather', arguments: { city: 'Tokyo' } } },
        ],
      },
      { role: 'tool', content: '11 degrees', tool_name: 'get_weather', tool_call_id: 'call_1' },
    ];
    const body = await (
      await chat({ model: 'llama3.3', stream: false, messages, tools: [weatherTool] })
    ).json();
    expect(body).toMatchObject({ message: { content: 'The get_weather tool returned: 11 degrees' } });
  });

  it('sends thinking before the answer on a thinking model, and none with think false', async () => {
    const thinking = await (await chat({ model: 'qwen3:8b', stream: false, messages: user('hi') })).json();
    expect(thinking).toMatchObject({
      message: { content: 'You said: "hi"', thinking: 'The user sent a message. I will answer it directly.' },
    });
    const plain = (await (
      await chat({ model: 'qwen3:8b', stream: false, think: false, messages: user('hi') })
    ).json()) as {
      message: Record<string, unknown>;
    };
    expect(plain.message.thinking).toBeUndefined();
  });
});

describe('POST /api/chat tool calls', () => {
  it('calls a tool the last user message names, whole in one line, done_reason stop', async () => {
    const lines = await ndjson(
      await chat({
        model: 'llama3.3',
        messages: user('please call get_weather city=Tokyo'),
        tools: [weatherTool],
      }),
    );
    expect(lines).toHaveLength(2);
    const message = lines[0]?.message as { content: string; tool_calls: { id: string; function: unknown }[] };
    expect(message.content).toBe('');
    expect(message.tool_calls).toHaveLength(1);
    expect(message.tool_calls[0]?.id).toMatch(/^call_[a-z0-9]{8}$/);
    expect(message.tool_calls[0]?.function).toEqual({
      index: 0,
      name: 'get_weather',
      arguments: { city: 'Tokyo' },
    });
    expect(lines[1]).toMatchObject({ done: true, done_reason: 'stop' });
  });

  it('collects calls into message.tool_calls when not streaming', async () => {
    sim.replyWithToolCall([
      { name: 'get_weather', arguments: { city: 'Paris' } },
      { name: 'get_weather', arguments: { city: 'Oslo' } },
    ]);
    const body = (await (
      await chat({ model: 'llama3.3', stream: false, messages: user('weather?'), tools: [weatherTool] })
    ).json()) as { message: { content: string; tool_calls: { function: unknown }[] }; done_reason: string };
    expect(body.message.content).toBe('');
    expect(body.message.tool_calls.map((call) => call.function)).toEqual([
      { index: 0, name: 'get_weather', arguments: { city: 'Paris' } },
      { index: 1, name: 'get_weather', arguments: { city: 'Oslo' } },
    ]);
    expect(body.done_reason).toBe('stop');
  });
});

describe('POST /api/chat load and unload', () => {
  it('answers "load" for empty messages, as one JSON object even when streaming', async () => {
    const response = await chat({ model: 'llama3.3', messages: [] });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({
      model: 'llama3.3',
      created_at: expect.any(String),
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'load',
    });
  });

  it.each([0, '0', '0s'])('answers "unload" for empty messages with keep_alive %j', async (keepAlive) => {
    const body = await (await chat({ model: 'llama3.3', messages: [], keep_alive: keepAlive })).json();
    expect(body).toMatchObject({ done: true, done_reason: 'unload' });
  });
});

const errorCases = [
  { name: 'an empty body', body: '', status: 400, error: 'missing request body' },
  { name: 'a whitespace body', body: '  \n', status: 400, error: 'missing request body' },
  {
    name: 'an unquoted key',
    body: '{bad}',
    status: 400,
    error: "invalid character 'b' looking for beginning of object key string",
  },
  { name: 'a truncated body', body: '{"model":"llama3.3"', status: 400, error: 'unexpected EOF' },
  {
    name: 'a number model',
    body: { model: 3 },
    status: 400,
    error: 'json: cannot unmarshal number into Go struct field ChatRequest.model of type string',
  },
  {
    name: 'array content',
    body: { model: 'llama3.3', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] },
    status: 400,
    error: 'json: cannot unmarshal array into Go struct field ChatRequest.messages.content of type string',
  },
  {
    name: 'a body that is an array',
    body: [],
    status: 400,
    error: 'json: cannot unmarshal array into Go value of type api.ChatRequest',
  },
  {
    name: 'a string stream',
    body: { model: 'llama3.3', stream: 'yes' },
    status: 400,
    error: 'json: cannot unmarshal string into Go struct field ChatRequest.stream of type bool',
  },
  {
    name: 'a fractional top_logprobs',
    body: { model: 'llama3.3', top_logprobs: 1.5 },
    status: 400,
    error: 'json: cannot unmarshal number 1.5 into Go struct field ChatRequest.top_logprobs of type int',
  },
  {
    name: 'an image as a data URL',
    body: {
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'x', images: ['data:image/png;base64,iVBORw0KGgo='] }],
    },
    status: 400,
    error: 'illegal base64 data at input byte 4',
  },
  {
    name: 'tool-call arguments as a string',
    body: {
      model: 'llama3.3',
      messages: [
        { role: 'assistant', content: '', tool_calls: [{ function: { name: 'f', arguments: '{"a":1}' } }] },
      ],
    },
    status: 400,
    error: 'Value is not an object',
  },
  {
    name: 'a bad keep_alive',
    body: { model: 'llama3.3', keep_alive: 'soon' },
    status: 400,
    error: 'time: invalid duration "soon"',
  },
  {
    name: 'a bool keep_alive',
    body: { model: 'llama3.3', keep_alive: true },
    status: 400,
    error: "Unsupported type: 'bool'",
  },
  {
    name: 'top_logprobs 21',
    body: { model: 'llama3.3', top_logprobs: 21 },
    status: 400,
    error: 'top_logprobs must be between 0 and 20',
  },
  { name: 'no model', body: { messages: [] }, status: 400, error: 'model is required' },
  { name: 'a blank model', body: { model: '  ' }, status: 400, error: 'model is required' },
  { name: 'an empty tag', body: { model: 'llama3:' }, status: 400, error: 'invalid model name' },
  {
    name: 'an unknown model',
    body: { model: 'nope', messages: user('x') },
    status: 404,
    error: "model 'nope' not found",
  },
  {
    name: 'think on a non-thinking model',
    body: { model: 'llama3.3', think: true, messages: user('x') },
    status: 400,
    error: '"llama3.3" does not support thinking',
  },
  {
    name: 'chat on an embedding model',
    body: { model: 'nomic-embed-text', messages: user('x') },
    status: 400,
    error: '"nomic-embed-text" does not support chat',
  },
  {
    name: 'tools on a model without tools',
    body: { model: 'phi4', messages: user('x'), tools: [weatherTool] },
    status: 400,
    error: 'registry.ollama.ai/library/phi4:latest does not support tools',
  },
  {
    name: 'a string stop option',
    body: { model: 'llama3.3', messages: user('x'), options: { stop: 'END' } },
    status: 500,
    error: 'option "stop" must be of type array',
  },
  {
    name: 'a string temperature',
    body: { model: 'llama3.3', messages: user('x'), options: { temperature: 'hot' } },
    status: 500,
    error: 'option "temperature" must be of type float32',
  },
  {
    name: 'a bad format',
    body: { model: 'llama3.3', messages: user('x'), format: 'xml' },
    status: 500,
    error: 'invalid format: "\\"xml\\""; expected "json" or a valid JSON Schema object',
  },
];

describe('POST /api/chat errors', () => {
  it.each(errorCases)('answers $status for $name', async ({ body, status, error }) => {
    const response = await chat(body);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error });
  });

  it('matches field names case-insensitively and ignores unknown fields', async () => {
    const body = await (
      await chat({ Model: 'llama3.3', STREAM: false, Messages: [{ Role: 'USER', Content: 'hi' }], extra: 1 })
    ).json();
    expect(body).toMatchObject({ model: 'llama3.3', message: { content: 'You said: "hi"' } });
  });

  it('ignores bytes after the first JSON value', async () => {
    const response = await chat(
      `${JSON.stringify({ model: 'llama3.3', stream: false, messages: user('hi') })} trailing`,
    );
    expect(response.status).toBe(200);
  });
});
