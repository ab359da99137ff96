import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAICompatibleHandlers } from './msw-handlers.js';
import { OpenAISimulatorState } from './state.js';

const state = new OpenAISimulatorState({ flavour: 'llamacpp' });
const server = setupServer(...openAICompatibleHandlers('http://llama.test:8080/proxy', state));

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
beforeEach(() => state.reset());

describe('openAICompatibleHandlers', () => {
  it('answers under the base path as the HTTP simulator does, and logs the path below it', async () => {
    state.replyWith('mocked');
    const response = await fetch('http://llama.test:8080/proxy/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(await response.json()).toMatchObject({
      choices: [{ message: { content: 'mocked' } }],
      timings: {},
    });
    expect(state.requests[0]?.path).toBe('/v1/chat/completions');
  });

  it('fails with the knobs in the flavour’s shape', async () => {
    state.failNext({ status: 503, error: 'Loading model' });
    const response = await fetch('http://llama.test:8080/proxy/v1/completions', {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: 503, message: 'Loading model', type: 'unavailable_error' },
    });
  });
});
