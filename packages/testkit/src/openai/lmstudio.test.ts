import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAICompatibleSimulator, startOpenAICompatibleSimulator } from './simulator.js';

describe('LM Studio flavour', () => {
  let sim: OpenAICompatibleSimulator;
  let client: OpenAI;
  beforeAll(async () => {
    sim = await startOpenAICompatibleSimulator({ flavour: 'lmstudio' });
    client = new OpenAI({ baseURL: `${sim.url}/v1`, apiKey: 'lm-studio', maxRetries: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('lists models owned by organization_owner', async () => {
    const body = await (await fetch(`${sim.url}/v1/models`)).json();
    expect(body).toEqual({
      data: [
        { id: 'llama-3.2-3b-instruct', object: 'model', owned_by: 'organization_owner' },
        { id: 'text-embedding-nomic-embed-text-v1.5', object: 'model', owned_by: 'organization_owner' },
      ],
      object: 'list',
    });
  });

  it('chats and streams with the role on every delta and a usage chunk when asked', async () => {
    sim.replyWith('Sure thing');
    const whole = await client.chat.completions.create({
      model: 'llama-3.2-3b-instruct',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(whole.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'Sure thing' } });
    const stream = await client.chat.completions.create({
      model: 'llama-3.2-3b-instruct',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: 'Sure' });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 2 } });
  });

  it('answers an unknown endpoint with 200 and a bare error string', async () => {
    const response = await fetch(`${sim.url}/chat/completions`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      error: 'Unexpected endpoint or method. (POST /chat/completions)',
    });
  });

  it('refuses an unknown model and a prompt longer than the context', async () => {
    const unknown = await client.chat.completions
      .create({ model: 'nope', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({
      status: 404,
      error: {
        message:
          'Model "nope" not found. Please specify a valid model.\n\nYour models:\n\nllama-3.2-3b-instruct\ntext-embedding-nomic-embed-text-v1.5',
        type: 'invalid_request_error',
        param: 'model',
        code: 'model_not_found',
      },
    });
    const long = await client.chat.completions
      .create({ model: 'llama-3.2-3b-instruct', messages: [{ role: 'user', content: 'w '.repeat(5000) }] })
      .catch((e: unknown) => e);
    expect(long).toMatchObject({
      status: 400,
      message: expect.stringContaining('greater than the context length'),
    });
  });

  it('takes json_schema but refuses json_object with a bare error string', async () => {
    const refused = await fetch(`${sim.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'llama-3.2-3b-instruct',
        messages: [{ role: 'user', content: 'x' }],
        response_format: { type: 'json_object' },
      }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "'response_format.type' must be 'json_schema' or 'text'" });
    const schema = await client.chat.completions.create({
      model: 'llama-3.2-3b-instruct',
      messages: [{ role: 'user', content: 'x' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'n', schema: { type: 'object', properties: { n: { type: 'integer' } } } },
      },
    });
    expect(JSON.parse(schema.choices[0]?.message.content ?? '')).toEqual({ n: 42 });
  });

  it('requires its API token on every path once one is set', async () => {
    sim.requireToken('lms-token');
    const refused = await fetch(`${sim.url}/v1/models`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: {
        message: 'Invalid or missing API token',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
    const authed = await fetch(`${sim.url}/v1/models`, { headers: { authorization: 'Bearer lms-token' } });
    expect(authed.status).toBe(200);
  });

  it('embeds with its embedding model only', async () => {
    const embedded = await client.embeddings.create({
      model: 'text-embedding-nomic-embed-text-v1.5',
      input: 'hi',
    });
    expect(embedded.data[0]?.embedding).toHaveLength(768);
    const refused = await client.embeddings
      .create({ model: 'llama-3.2-3b-instruct', input: 'hi' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 400 });
  });
});
