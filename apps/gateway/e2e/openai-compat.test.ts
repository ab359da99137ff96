import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Stack, seedTargets, startStack } from './harness.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(
    `${seedTargets}    - id: slow
      provider: ollama:chat:llama3.1:8b
      base_url: SIM_URL
      timeout_seconds: 1
      stream_timeout_seconds: 1
    - id: nowhere
      provider: ollama:chat:llama3.3
      base_url: http://127.0.0.1:9
`,
  );
});
afterAll(async () => {
  await stack?.stop();
});
beforeEach(() => {
  stack.sim.reset();
  stack.sim.clearRequests();
});

const lastBody = () => stack.sim.requests.at(-1)?.body as Record<string, unknown>;

describe('the openai SDK through the gateway', () => {
  it('completes a chat with a provider string as model, with usage', async () => {
    stack.sim.replyWith('Gradient descent walks downhill.');
    const response = await stack.client.chat.completions.create({
      model: 'ollama:chat:llama3.3',
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'Explain gradient descent in plain English.' },
      ],
      temperature: 0.7,
    });
    expect(response.object).toBe('chat.completion');
    expect(response.id).toMatch(/^chatcmpl-/);
    expect(response.choices[0]?.message.content).toBe('Gradient descent walks downhill.');
    expect(response.choices[0]?.finish_reason).toBe('stop');
    expect(response.usage?.completion_tokens).toBeGreaterThan(0);
    expect(response.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(response.usage?.total_tokens).toBe(
      response.usage!.prompt_tokens + response.usage!.completion_tokens,
    );
    expect(stack.sim.requests.at(-1)?.path).toBe('/api/chat');
    expect(lastBody()).toMatchObject({ model: 'llama3.3', stream: false, options: { temperature: 0.7 } });
  });

  it('resolves a bare model name and a target id', async () => {
    await stack.client.chat.completions.create({
      model: 'phi4',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(lastBody()).toMatchObject({ model: 'phi4' });
    await stack.client.chat.completions.create({
      model: 'ollama-llama3',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(lastBody()).toMatchObject({ model: 'llama3.3' });
  });

  it('streams a chat: text reassembles, usage arrives in the final chunk', async () => {
    stack.sim.replyWith('Packets drift like leaves, consensus slowly forms.');
    const stream = await stack.client.chat.completions.create({
      model: 'ollama:chat:llama3.3',
      messages: [{ role: 'user', content: 'Write a short poem about distributed systems.' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let chunks = 0;
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Packets drift like leaves, consensus slowly forms.');
    expect(chunks).toBeGreaterThan(3);
    expect(finish).toBe('stop');
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    expect(usage?.prompt_tokens).toBeGreaterThan(0);
    expect(lastBody()).toMatchObject({ stream: true });
  });

  it('streams with the SDK stream helper and reports usage without include_usage too', async () => {
    stack.sim.replyWith('One two three.');
    const runner = stack.client.chat.completions.stream({
      model: 'ollama:chat:llama3.3',
      messages: [{ role: 'user', content: 'count' }],
    });
    let text = '';
    for await (const chunk of runner) text += chunk.choices[0]?.delta.content ?? '';
    const final = await runner.finalChatCompletion();
    expect(text).toBe('One two three.');
    expect(final.choices[0]?.message.content).toBe('One two three.');
    expect(final.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('round-trips a tool call', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Weather for a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      },
    ];
    stack.sim.replyWithToolCall({ name: 'get_weather', arguments: { city: 'Tokyo' } }, { times: 1 });
    const first = await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'Weather in Tokyo?' }],
      tools,
    });
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type).toBe('function');
    expect(call?.id).toMatch(/^call_/);
    if (call?.type !== 'function') throw new Error('expected a function call');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Tokyo' });

    const second = await stack.client.chat.completions.create({
      model: 'llama3.3',
      tools,
      messages: [
        { role: 'user', content: 'Weather in Tokyo?' },
        first.choices[0]!.message,
        { role: 'tool', tool_call_id: call.id, content: '11 degrees and rain' },
      ],
    });
    expect(second.choices[0]?.message.content).toContain('11 degrees and rain');
    const sent = lastBody().messages as Record<string, unknown>[];
    expect(sent[1]).toMatchObject({
      role: 'assistant',
      tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Tokyo' } } }],
    });
    expect(sent[2]).toMatchObject({ role: 'tool', tool_name: 'get_weather', content: '11 degrees and rain' });
  });

  it('answers in JSON mode', async () => {
    const response = await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'Give me a JSON object with a greeting.' }],
      response_format: { type: 'json_object' },
    });
    expect(() => JSON.parse(response.choices[0]!.message.content!)).not.toThrow();
    expect(lastBody()).toMatchObject({ format: 'json' });
  });

  it('embeds one input, a batch, and floats', async () => {
    const one = await stack.client.embeddings.create({
      model: 'ollama:embedding:nomic-embed-text',
      input: 'Keeptrusts governs AI model interactions.',
    });
    expect(one.data).toHaveLength(1);
    expect(one.data[0]?.embedding).toHaveLength(768);
    expect(one.usage.prompt_tokens).toBeGreaterThan(0);
    // The SDK asks for base64 by default and decodes it; ask for floats too and compare.
    const floats = await stack.client.embeddings.create({
      model: 'ollama-embed',
      input: 'Keeptrusts governs AI model interactions.',
      encoding_format: 'float',
    });
    expect(floats.data[0]?.embedding).toHaveLength(768);
    for (const [i, v] of one.data[0]!.embedding.entries())
      expect(v).toBeCloseTo(floats.data[0]!.embedding[i]!, 6);
    const batch = await stack.client.embeddings.create({ model: 'nomic-embed-text', input: ['a', 'b', 'c'] });
    expect(batch.data.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(lastBody()).toMatchObject({ model: 'nomic-embed-text', input: ['a', 'b', 'c'] });
  });

  it('completes a prompt on a completion target', async () => {
    stack.sim.replyWith('def add(a, b): return a + b');
    const response = await stack.client.completions.create({
      model: 'ollama:completion:mistral',
      prompt: 'Write add in Python',
      max_tokens: 50,
    });
    expect(response.object).toBe('text_completion');
    expect(response.choices[0]?.text).toBe('def add(a, b): return a + b');
    expect(stack.sim.requests.at(-1)?.path).toBe('/api/generate');
    expect(lastBody()).toMatchObject({ prompt: 'Write add in Python', options: { num_predict: 50 } });
  });

  it('lists the models and finds one', async () => {
    const ids: string[] = [];
    for await (const model of stack.client.models.list()) ids.push(model.id);
    expect(ids).toEqual(
      expect.arrayContaining(['ollama-llama3', 'ollama-phi4', 'ollama-mistral-completion', 'ollama-embed']),
    );
    expect((await stack.client.models.retrieve('ollama-embed')).id).toBe('ollama-embed');
    // Model names resolve as for requests: Ollama's `:latest` is implied.
    expect((await stack.client.models.retrieve('llama3.3:latest')).id).toBe('llama3.3:latest');
  });
});

describe('errors in OpenAI shape', () => {
  const raw = (body: string) =>
    fetch(`${stack.url}/v1/chat/completions`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });

  it('refuses malformed JSON with 400', async () => {
    const response = await raw('{"model": "llama3.3",');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string; code: string; message: string } };
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_request_error' });
    expect(body.error.message).toContain('not valid JSON');
  });

  it('refuses a request without model, naming the field', async () => {
    const response = await raw('{"messages": [{"role": "user", "content": "hi"}]}');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { param: string } }).error.param).toBe('model');
  });

  it('refuses n > 1, naming the field', async () => {
    const error = await stack.client.chat.completions
      .create({ model: 'llama3.3', messages: [{ role: 'user', content: 'hi' }], n: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as APIError).param).toBe('n');
  });

  it('answers 404 model_not_found for an unknown model', async () => {
    const error = await stack.client.chat.completions
      .create({ model: 'gpt-5', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as APIError).code).toBe('model_not_found');
  });

  it('answers 400 when a chat asks for an embedding target', async () => {
    const error = await stack.client.chat.completions
      .create({ model: 'ollama-embed', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as APIError).message).toContain('embedding target');
  });

  it("maps an upstream 500 to 502 upstream_error, keeping Ollama's message", async () => {
    stack.sim.failNext({ status: 500, error: 'llama runner process has terminated' });
    const error = await stack.client.chat.completions
      .create({ model: 'llama3.3', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(502);
    expect((error as APIError).code).toBe('upstream_error');
    expect((error as APIError).message).toContain('llama runner process has terminated');
  });

  it('maps an unreachable upstream to 502', async () => {
    const error = await stack.client.chat.completions
      .create({ model: 'nowhere', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect((error as APIError).status).toBe(502);
    expect((error as APIError).message).toContain('could not reach Ollama');
  });

  it('maps an upstream that hangs to 504 upstream_timeout', async () => {
    stack.sim.hangNext();
    const error = await stack.client.chat.completions
      .create({ model: 'slow', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect((error as APIError).status).toBe(504);
    expect((error as APIError).code).toBe('upstream_timeout');
  });
});
