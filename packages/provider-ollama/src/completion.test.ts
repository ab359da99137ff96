import { type CompletionRequest, GatewayError } from '@keeptrusts/core';
import { setupUpstreamServer } from '@keeptrusts/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  answerWith,
  callOptions,
  collect,
  ndjson,
  ollamaError,
  testProvider,
} from './test-support/msw-ollama.js';

// Each rule of completion.ts, on the wire: /v1/completions ⇄ /api/generate.

const server = setupUpstreamServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const request = (fields: Partial<CompletionRequest> = {}): CompletionRequest => ({
  model: 'ollama:completion:mistral',
  prompt: 'Once upon a time',
  ...fields,
});

const generateDone = (extra: Record<string, unknown> = {}) => ({
  model: 'mistral',
  created_at: '2025-07-07T20:32:53.844124Z',
  response: '',
  done: true,
  done_reason: 'stop',
  context: [1, 2, 3],
  prompt_eval_count: 5,
  eval_count: 7,
  ...extra,
});

async function sent(fields: Partial<CompletionRequest>, target = {}): Promise<Record<string, unknown>> {
  const seen = answerWith(server, '/api/generate', Response.json(generateDone()));
  await testProvider(target).completion(request(fields), callOptions());
  return seen[0]?.body as Record<string, unknown>;
}

describe('completion request → POST /api/generate', () => {
  it('sends the model, the prompt and stream: false', async () => {
    expect(await sent({})).toEqual({ model: 'llama3.3', prompt: 'Once upon a time', stream: false });
  });

  it('sends a one-element prompt array as its string', async () => {
    expect((await sent({ prompt: ['Hello'] })).prompt).toBe('Hello');
  });

  it('maps sampling fields into options, with the target num_ctx', async () => {
    expect(
      (
        await sent(
          {
            temperature: 0.1,
            top_p: 0.9,
            seed: 7,
            stop: '\n',
            max_tokens: 20,
            presence_penalty: 1,
            frequency_penalty: 1,
          },
          { maxContextTokens: 4096 },
        )
      ).options,
    ).toEqual({
      num_ctx: 4096,
      temperature: 0.1,
      top_p: 0.9,
      seed: 7,
      stop: ['\n'],
      num_predict: 20,
      presence_penalty: 1,
      frequency_penalty: 1,
    });
  });

  it('forwards suffix, and passes Ollama’s refusal for models without insert through as a 400', async () => {
    expect((await sent({ suffix: 'The end.' })).suffix).toBe('The end.');
    answerWith(
      server,
      '/api/generate',
      ollamaError(400, 'registry.ollama.ai/library/mistral:latest does not support insert'),
    );
    await expect(testProvider().completion(request({ suffix: 'x' }), callOptions())).rejects.toMatchObject({
      code: 'invalid_request_error',
      message: 'registry.ollama.ai/library/mistral:latest does not support insert',
    });
  });

  it.each([
    { name: 'echo', fields: { echo: true }, param: 'echo' },
    { name: 'best_of > 1', fields: { best_of: 3 }, param: 'best_of' },
    { name: 'logprobs', fields: { logprobs: 2 }, param: 'logprobs' },
    { name: 'n > 1', fields: { n: 2 }, param: 'n' },
    { name: 'logit_bias', fields: { logit_bias: { '1': 5 } }, param: 'logit_bias' },
  ] satisfies { name: string; fields: Partial<CompletionRequest>; param: string }[])(
    'refuses $name with a 400 naming $param',
    async ({ fields, param }) => {
      const seen = answerWith(server, '/api/generate', Response.json(generateDone()));
      const error = await testProvider()
        .completion(request(fields), callOptions())
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject({ code: 'invalid_request_error', param });
      expect(seen).toHaveLength(0);
    },
  );

  it('accepts echo false, best_of 1 and logprobs null', async () => {
    expect(await sent({ echo: false, best_of: 1, logprobs: null })).toEqual({
      model: 'llama3.3',
      prompt: 'Once upon a time',
      stream: false,
    });
  });
});

describe('/api/generate answer → CompletionResult', () => {
  it('maps the text, finish reason and usage', async () => {
    answerWith(
      server,
      '/api/generate',
      Response.json(generateDone({ response: ' there was', done_reason: 'length' })),
    );
    expect(await testProvider().completion(request(), callOptions())).toEqual({
      text: ' there was',
      finishReason: 'length',
      usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
    });
  });

  it('maps the load shortcut of an empty prompt to an empty stop', async () => {
    answerWith(
      server,
      '/api/generate',
      Response.json({ model: 'mistral', response: '', done: true, done_reason: 'load' }),
    );
    expect(await testProvider().completion(request({ prompt: '' }), callOptions())).toEqual({
      text: '',
      finishReason: 'stop',
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });
  });

  it('streams response deltas, skipping thinking, then done', async () => {
    const seen = answerWith(
      server,
      '/api/generate',
      ndjson([
        { model: 'mistral', response: '', thinking: 'hmm', done: false },
        { model: 'mistral', response: ' there', done: false },
        { model: 'mistral', response: ' was', done: false },
        generateDone(),
      ]),
    );
    const events = await collect(
      await testProvider().completionStream(request({ stream: true }), callOptions()),
    );
    expect(seen[0]?.body).toMatchObject({ stream: true });
    expect(events).toEqual([
      { type: 'delta', content: ' there' },
      { type: 'delta', content: ' was' },
      {
        type: 'done',
        finishReason: 'stop',
        usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
      },
    ]);
  });

  it('throws on an error line and on a stream without done', async () => {
    answerWith(server, '/api/generate', ndjson([{ response: 'a', done: false }, { error: 'model crashed' }]));
    await expect(
      collect(await testProvider().completionStream(request(), callOptions())),
    ).rejects.toMatchObject({
      code: 'upstream_error',
      message: 'model crashed',
    });
    answerWith(server, '/api/generate', ndjson([{ response: 'a', done: false }]));
    await expect(collect(await testProvider().completionStream(request(), callOptions()))).rejects.toThrow(
      /upstream closed the stream before it finished/,
    );
  });
});
