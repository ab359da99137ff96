import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OllamaSimulator, startOllamaSimulator } from './simulator.js';
import { ndjson, post, rawRequest } from './test-support/http-client.js';

let sim: OllamaSimulator;
const chatBody = (content: string, extra: Record<string, unknown> = {}) => ({
  model: 'llama3.3',
  messages: [{ role: 'user', content }],
  ...extra,
});
const chat = (body: unknown, headers?: Record<string, string>) => post(`${sim.url}/api/chat`, body, headers);
const contentOf = async (response: Response): Promise<string> =>
  ((await response.json()) as { message: { content: string } }).message.content;

beforeAll(async () => {
  sim = await startOllamaSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('startOllamaSimulator', () => {
  it('listens on a random loopback port by default', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
  });
});

describe('replyWith', () => {
  it('answers every following request with the text by default', async () => {
    sim.replyWith('Fixed answer.');
    expect(await contentOf(await chat(chatBody('a', { stream: false })))).toBe('Fixed answer.');
    expect(await contentOf(await chat(chatBody('b', { stream: false })))).toBe('Fixed answer.');
    const generated = (await (
      await post(`${sim.url}/api/generate`, { model: 'llama3.3', prompt: 'x', stream: false })
    ).json()) as { response: string };
    expect(generated.response).toBe('Fixed answer.');
  });

  it('answers only the next request with times 1, queued before a standing reply', async () => {
    sim.replyWith('standing');
    sim.replyWith('once', { times: 1 });
    expect(await contentOf(await chat(chatBody('a', { stream: false })))).toBe('once');
    expect(await contentOf(await chat(chatBody('a', { stream: false })))).toBe('standing');
  });

  it('streams the fixed text token by token', async () => {
    sim.replyWith('Hello world', { times: 1 });
    const lines = await ndjson(await chat(chatBody('x')));
    expect(lines.map((line) => (line.message as { content: string }).content)).toEqual([
      'Hello',
      ' world',
      '',
    ]);
    expect(lines.at(-1)).toMatchObject({ eval_count: 2 });
  });

  it('is restricted to a path when asked', async () => {
    sim.replyWith('only generate', { path: '/api/generate' });
    expect(await contentOf(await chat(chatBody('hi', { stream: false })))).toBe('You said: "hi"');
  });
});

describe('replyWithToolCall', () => {
  const tools = [
    { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } },
  ];

  it('answers chat requests that carry tools with the call, and leaves others alone', async () => {
    sim.replyWithToolCall({ name: 'lookup', arguments: { q: 'x' } }, { times: 1 });
    const plain = await contentOf(await chat(chatBody('hi', { stream: false })));
    expect(plain).toBe('You said: "hi"');
    const lines = await ndjson(await chat(chatBody('hi', { tools })));
    expect(lines[0]?.message).toEqual({
      role: 'assistant',
      content: '',
      tool_calls: [
        {
          id: expect.stringMatching(/^call_[a-z0-9]{8}$/),
          function: { index: 0, name: 'lookup', arguments: { q: 'x' } },
        },
      ],
    });
    expect(lines[1]).toMatchObject({ done: true, done_reason: 'stop' });
    const after = await contentOf(await chat(chatBody('hi', { tools, stream: false })));
    expect(after).toBe('You said: "hi"');
  });
});

describe('thinkWith', () => {
  it('sets what thinking models think, and only for them', async () => {
    sim.thinkWith('Let me check the account number first.', { times: 1 });
    type Answer = { message: { content: string; thinking?: string } };
    const plain = (await (await chat(chatBody('hi', { stream: false }))).json()) as Answer;
    expect(plain.message.thinking).toBeUndefined();
    const thought = (await (
      await chat({ ...chatBody('hi', { stream: false }), model: 'qwen3:8b' })
    ).json()) as Answer;
    expect(thought.message).toMatchObject({
      content: 'You said: "hi"',
      thinking: 'Let me check the account number first.',
    });
    const after = (await (
      await chat({ ...chatBody('hi', { stream: false }), model: 'qwen3:8b' })
    ).json()) as Answer;
    expect(after.message.thinking).toBe('The user sent a message. I will answer it directly.');
  });
});

describe('failNext', () => {
  it('fails the next inference request with the status and message, then recovers', async () => {
    sim.failNext({ status: 503, error: 'server busy, please try again.  maximum pending requests exceeded' });
    expect((await fetch(`${sim.url}/api/tags`)).status).toBe(200);
    const failed = await chat(chatBody('x', { stream: false }));
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await failed.json()).toEqual({
      error: 'server busy, please try again.  maximum pending requests exceeded',
    });
    expect((await chat(chatBody('x', { stream: false }))).status).toBe(200);
  });

  it('fails several requests with times, and any path with path', async () => {
    sim.failNext({ times: 2 });
    sim.failNext({ status: 502, error: 'bad gateway', path: '/api/tags' });
    const tags = await fetch(`${sim.url}/api/tags`);
    expect([tags.status, await tags.json()]).toEqual([502, { error: 'bad gateway' }]);
    const first = await post(`${sim.url}/api/embed`, { model: 'nomic-embed-text', input: 'x' });
    expect([first.status, await first.json()]).toEqual([500, { error: 'simulated failure' }]);
    expect((await chat(chatBody('x', { stream: false }))).status).toBe(500);
    expect((await chat(chatBody('x', { stream: false }))).status).toBe(200);
  });
});

describe('hangNext', () => {
  it('never answers until the client aborts, then serves the next request normally', async () => {
    sim.hangNext();
    const controller = new AbortController();
    const hung = fetch(`${sim.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify(chatBody('y')),
      signal: controller.signal,
    });
    let settled = false;
    hung.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    await expect.poll(() => sim.requests.length).toBe(1);
    expect((await chat(chatBody('x', { stream: false }))).status).toBe(200);
    expect(settled).toBe(false);
    controller.abort();
    await expect(hung).rejects.toThrow();
  });

  it('lets close() end a hung request', async () => {
    const own = await startOllamaSimulator();
    own.hangNext();
    const hung = fetch(`${own.url}/api/generate`, {
      method: 'POST',
      body: '{"model":"mistral","prompt":"x"}',
    });
    await expect.poll(() => own.requests.length).toBe(1);
    await own.close();
    await expect(hung).rejects.toThrow();
  });
});

describe('dropNextStreamAfter', () => {
  it('tears the connection down after N token lines, with no done line', async () => {
    sim.dropNextStreamAfter(3);
    const exchange = await rawRequest(`${sim.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify(chatBody('one two three four')),
    });
    expect(exchange.status).toBe(200);
    expect(exchange.complete).toBe(false);
    const lines = exchange.body
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.done === false)).toBe(true);
  });

  it('makes a fetch reader fail instead of ending cleanly', async () => {
    sim.dropNextStreamAfter(1);
    const response = await chat(chatBody('one two'));
    await expect(response.text()).rejects.toThrow();
    const next = await chat(chatBody('one two'));
    expect((await ndjson(next)).at(-1)).toMatchObject({ done: true });
  });

  it('leaves non-streaming requests alone', async () => {
    sim.dropNextStreamAfter(0, { times: 1 });
    expect((await chat(chatBody('x', { stream: false }))).status).toBe(200);
    const exchange = await rawRequest(`${sim.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify(chatBody('x')),
    });
    expect([exchange.status, exchange.complete, exchange.body]).toEqual([200, false, '']);
  });
});

describe('errorNextStreamAfter', () => {
  it('ends the stream with an error line after N token lines and no done line', async () => {
    sim.errorNextStreamAfter(2);
    const lines = await ndjson(await post(`${sim.url}/api/generate`, { model: 'mistral', prompt: 'a b c' }));
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).map((line) => line.response)).toEqual(['You', ' said']);
    expect(lines[2]).toEqual({ error: 'an error was encountered while running the model' });
  });

  it('uses a custom message', async () => {
    sim.errorNextStreamAfter(0, { error: 'model runner has unexpectedly stopped' });
    expect(await ndjson(await chat(chatBody('x')))).toEqual([
      { error: 'model runner has unexpectedly stopped' },
    ]);
  });
});

describe('requireToken', () => {
  it('answers 401 without the bearer token and serves requests that carry it', async () => {
    sim.requireToken('s3cret');
    const denied = await fetch(`${sim.url}/api/tags`);
    expect([denied.status, await denied.json()]).toEqual([401, { error: 'unauthorized' }]);
    const wrong = await fetch(`${sim.url}/`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const allowed = await fetch(`${sim.url}/api/tags`, { headers: { authorization: 'Bearer s3cret' } });
    expect(allowed.status).toBe(200);
    sim.requireToken(undefined);
    expect((await fetch(`${sim.url}/api/tags`)).status).toBe(200);
  });

  it('is set from the start options and restored by reset', async () => {
    const own = await startOllamaSimulator({ requireToken: 'abc' });
    try {
      expect((await fetch(`${own.url}/`)).status).toBe(401);
      own.requireToken(undefined);
      own.reset();
      expect((await fetch(`${own.url}/`)).status).toBe(401);
    } finally {
      await own.close();
    }
  });
});

describe('setTokenDelay', () => {
  it('still streams every token with a delay', async () => {
    sim.setTokenDelay(2);
    const lines = await ndjson(await chat(chatBody('a b')));
    expect(lines.map((line) => (line.message as { content: string }).content).join('')).toBe(
      'You said: "a b"',
    );
    expect(lines.at(-1)).toMatchObject({ eval_count: 7, eval_duration: 7 * 20_000_000 });
  });

  it('lets a client abort mid-stream without disturbing later requests', async () => {
    sim.setTokenDelay(50);
    const controller = new AbortController();
    const response = await fetch(`${sim.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify(chatBody('many words here to stream slowly')),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    await expect(reader?.read()).rejects.toThrow();
    sim.setTokenDelay(0);
    expect((await ndjson(await chat(chatBody('x')))).at(-1)).toMatchObject({ done: true });
  });
});

describe('reset', () => {
  it('clears knobs and the request log', async () => {
    sim.replyWith('fixed');
    sim.failNext();
    sim.setTokenDelay(1000);
    await (await fetch(`${sim.url}/`)).text();
    sim.reset();
    expect(sim.requests).toEqual([]);
    expect(await contentOf(await chat(chatBody('hi', { stream: false })))).toBe('You said: "hi"');
  });
});

describe('completedRequests', () => {
  it('lists a streamed answer only once its last line was written', async () => {
    sim.replyWith('one two three');
    sim.setTokenDelay(20);
    const response = await chat(chatBody('a'));
    const reader = response.body!.getReader();
    await reader.read();
    expect(sim.completedRequests).toEqual([]);
    while (!(await reader.read()).done) {}
    await expect.poll(() => sim.completedRequests.map((r) => r.path)).toEqual(['/api/chat']);
    expect(sim.abortedRequests).toEqual([]);
  });
});
