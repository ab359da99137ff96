import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OllamaSimulator, startOllamaSimulator } from './simulator.js';
import { post, rawRequest } from './test-support/http-client.js';

let sim: OllamaSimulator;

beforeAll(async () => {
  sim = await startOllamaSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('routing', () => {
  it.each(['/', '/api/version', '/api/tags'])('answers HEAD %s with headers and no body', async (path) => {
    const get = await rawRequest(`${sim.url}${path}`);
    const head = await rawRequest(`${sim.url}${path}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body)));
  });

  it('answers HEAD / with a 17-byte length', async () => {
    const head = await rawRequest(`${sim.url}/`, { method: 'HEAD' });
    expect(head.headers['content-length']).toBe('17');
  });

  it.each(['/nope', '/api/pull', '/v1/nope', '/v1/models/a/b', '/api/chat/'])(
    'answers 404 for %s',
    async (path) => {
      const response = await fetch(`${sim.url}${path}`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain');
      expect(await response.text()).toBe('404 page not found');
    },
  );

  it.each([
    ['GET', '/api/chat'],
    ['POST', '/'],
    ['DELETE', '/api/tags'],
    ['HEAD', '/api/ps'],
    ['GET', '/api/embed'],
  ])('answers 405 for %s %s', async (method, path) => {
    const exchange = await rawRequest(`${sim.url}${path}`, { method });
    expect(exchange.status).toBe(405);
    if (method !== 'HEAD') expect(exchange.body).toBe('405 method not allowed');
  });

  it('ignores the query string', async () => {
    expect(await (await fetch(`${sim.url}/api/version?x=1`)).json()).toEqual({ version: '0.13.3' });
  });
});

describe('Go JSON output', () => {
  it('escapes <, > and & in every JSON answer, streamed or not', async () => {
    sim.replyWith('a <tag> & more');
    const streamed = await (
      await post(`${sim.url}/api/chat`, { model: 'llama3.3', messages: [{ role: 'user', content: 'x' }] })
    ).text();
    expect(streamed).toContain('\\u003c');
    expect(streamed).toContain('\\u003e');
    expect(streamed).toContain('\\u0026');
    expect(streamed).not.toMatch(/[<>&]/);
    const error = await (await post(`${sim.url}/api/chat`, { model: '<nope>' })).text();
    expect(error).toBe('{"error":"invalid model name"}');
    const notFound = await (await post(`${sim.url}/api/chat`, { model: 'a&b', messages: [] })).text();
    expect(notFound).toBe('{"error":"invalid model name"}');
    const unknown = await (await post(`${sim.url}/api/generate`, { model: '', prompt: '<x>' })).text();
    expect(unknown).toBe(`{"error":"model '' not found"}`);
  });
});

describe('request log', () => {
  it('records method, path, headers and the parsed body, and can be cleared', async () => {
    await (
      await post(`${sim.url}/api/chat?debug=1`, { model: 'llama3.3', messages: [] }, { 'x-trace': 'abc' })
    ).text();
    await (await fetch(`${sim.url}/api/tags`)).text();
    await (await post(`${sim.url}/api/chat`, '{broken')).text();
    expect(sim.requests).toHaveLength(3);
    const [first, second, third] = sim.requests;
    expect(first).toMatchObject({
      method: 'POST',
      path: '/api/chat',
      body: { model: 'llama3.3', messages: [] },
      rawBody: '{"model":"llama3.3","messages":[]}',
    });
    expect(first?.url).toBe(`${sim.url}/api/chat?debug=1`);
    expect(first?.headers['x-trace']).toBe('abc');
    expect(first?.headers['content-type']).toBe('application/json');
    expect(second).toMatchObject({ method: 'GET', path: '/api/tags', body: undefined, rawBody: '' });
    expect(third).toMatchObject({ body: undefined, rawBody: '{broken' });
    sim.clearRequests();
    expect(sim.requests).toEqual([]);
  });
});
