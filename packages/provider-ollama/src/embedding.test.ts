import type { EmbeddingRequest } from '@keeptrusts/core';
import { setupUpstreamServer } from '@keeptrusts/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerWith, callOptions, ollamaError, testProvider } from './test-support/msw-ollama.js';

// Each rule of embedding.ts, on the wire: /v1/embeddings ⇄ /api/embed.

const server = setupUpstreamServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const request = (fields: Partial<EmbeddingRequest> = {}): EmbeddingRequest => ({
  model: 'ollama:embedding:nomic-embed-text',
  input: 'Keeptrusts governs AI model interactions.',
  ...fields,
});

const embedAnswer = (embeddings: number[][], promptEvalCount = 8) => ({
  model: 'nomic-embed-text',
  embeddings,
  total_duration: 14143917,
  load_duration: 1019500,
  prompt_eval_count: promptEvalCount,
});

describe('embedding request → POST /api/embed', () => {
  it('sends a string input as a one-element array, with truncate: false', async () => {
    const seen = answerWith(server, '/api/embed', Response.json(embedAnswer([[0.1, 0.2]])));
    await testProvider().embedding(request(), callOptions());
    expect(seen[0]?.body).toEqual({
      model: 'llama3.3',
      input: ['Keeptrusts governs AI model interactions.'],
      truncate: false,
    });
  });

  it('sends an array input in order, dimensions and the target num_ctx', async () => {
    const seen = answerWith(server, '/api/embed', Response.json(embedAnswer([[1], [2]])));
    await testProvider({ maxContextTokens: 2048 }).embedding(
      request({ input: ['a', 'b'], dimensions: 256, encoding_format: 'base64' }),
      callOptions(),
    );
    expect(seen[0]?.body).toEqual({
      model: 'llama3.3',
      input: ['a', 'b'],
      truncate: false,
      dimensions: 256,
      options: { num_ctx: 2048 },
    });
  });
});

describe('/api/embed answer → EmbeddingResult', () => {
  it('returns the vectors in input order and the prompt token count', async () => {
    answerWith(
      server,
      '/api/embed',
      Response.json(
        embedAnswer(
          [
            [0.1, -0.2],
            [0.3, 0.4],
          ],
          12,
        ),
      ),
    );
    expect(await testProvider().embedding(request({ input: ['a', 'b'] }), callOptions())).toEqual({
      embeddings: [
        [0.1, -0.2],
        [0.3, 0.4],
      ],
      promptTokens: 12,
    });
  });

  it('refuses an answer with a vector count that does not match the inputs', async () => {
    answerWith(server, '/api/embed', Response.json({ model: 'nomic-embed-text', embeddings: [] }));
    await expect(
      testProvider().embedding(request({ input: ['a', 'b'] }), callOptions()),
    ).rejects.toMatchObject({
      code: 'upstream_error',
      message: 'Ollama returned 0 embeddings for 2 inputs',
    });
  });

  it('passes Ollama’s too-long-input 400 through', async () => {
    answerWith(server, '/api/embed', ollamaError(400, 'the input length exceeds the context length'));
    await expect(testProvider().embedding(request(), callOptions())).rejects.toMatchObject({
      code: 'invalid_request_error',
      status: 400,
      message: 'the input length exceeds the context length',
    });
  });

  it('turns an unknown model into a 502 that keeps Ollama’s message', async () => {
    answerWith(server, '/api/embed', ollamaError(404, 'model "nope" not found, try pulling it first'));
    await expect(testProvider().embedding(request(), callOptions())).rejects.toMatchObject({
      code: 'upstream_error',
      status: 502,
      message: expect.stringMatching(/^model "nope" not found, try pulling it first \(/),
    });
  });
});
