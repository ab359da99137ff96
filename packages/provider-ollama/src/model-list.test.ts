import { setupUpstreamServer } from '@keeptrusts/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerWith, testProvider } from './test-support/msw-ollama.js';

const server = setupUpstreamServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('listModels → GET /api/tags', () => {
  it('lists installed models with their modification time and namespace', async () => {
    const seen = answerWith(
      server,
      '/api/tags',
      Response.json({
        models: [
          {
            name: 'llama3.3:latest',
            model: 'llama3.3:latest',
            modified_at: '2025-05-04T17:37:44.706015396-07:00',
          },
          { name: 'hf.co/bartowski/Qwen2.5-7B:Q4_K_M', modified_at: 'not a date' },
          { model: 'acme/custom:1' },
          { name: '' },
        ],
      }),
    );
    expect(await testProvider().listModels(new AbortController().signal)).toEqual([
      { id: 'llama3.3:latest', created: 1746405464, ownedBy: 'library' },
      { id: 'hf.co/bartowski/Qwen2.5-7B:Q4_K_M', created: 0, ownedBy: 'bartowski' },
      { id: 'acme/custom:1', created: 0, ownedBy: 'acme' },
    ]);
    expect(seen[0]?.method).toBe('GET');
  });

  it('returns an empty list for an empty installation', async () => {
    answerWith(server, '/api/tags', Response.json({ models: [] }));
    expect(await testProvider().listModels(new AbortController().signal)).toEqual([]);
  });

  it('refuses an answer of the wrong shape with a 502', async () => {
    answerWith(server, '/api/tags', Response.json({ models: 'none' }));
    await expect(testProvider().listModels(new AbortController().signal)).rejects.toMatchObject({
      code: 'upstream_error',
    });
  });
});
