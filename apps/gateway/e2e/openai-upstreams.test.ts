import { join } from 'node:path';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { readAuditRecords } from '@keeptrusts/audit-logger';
import { type OpenAICompatibleSimulator, startOpenAICompatibleSimulator } from '@keeptrusts/testkit';
import { APICallError, embedMany, generateText, jsonSchema, streamText, tool } from 'ai';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readStream, type Stack, startStack } from './harness.js';

// OpenAI-compatible upstreams behind the built `kt`: a simulated vLLM and llama.cpp server next to
// the Ollama simulator, in one config. The `local` group is an Ollama node that is gone, failing over
// to vLLM; the PII rule applies to every target, whichever format it speaks.
const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const config = `providers:
  targets:
    - id: ollama-gone
      provider: ollama:chat:llama3.3
      base_url: http://127.0.0.1:9
      weight: 1000000
    - id: vllm-llama
      provider: vllm:chat:${LLAMA}
      base_url: VLLM_URL/v1
      health_probe: true
    - id: ollama-llama3
      provider: ollama:chat:llama3.3
      base_url: SIM_URL
    - id: vllm-completion
      provider: vllm:completion:${LLAMA}
      base_url: VLLM_URL/v1
    - id: vllm-embed
      provider: vllm:embedding:BAAI/bge-m3
      base_url: VLLM_URL/v1
    - id: vllm-missing
      provider: vllm:chat:not-served-here
      base_url: VLLM_URL/v1
      health_probe: true
    - id: ollama-v1
      provider: ollama:chat:llama3.3
      base_url: SIM_URL
      format: openai
      health_probe: true
    - id: ollama-v1-embed
      provider: ollama:embedding:nomic-embed-text
      base_url: SIM_URL
      format: openai
    - id: llamacpp-local
      provider: llamacpp:chat:any-name
      base_url: LLAMACPP_URL/v1
routing:
  rules:
    - match:
        metadata:
          group: local
      target: [ollama-gone, vllm-llama]
    - match:
        metadata:
          group: probed
      target: [vllm-missing, vllm-llama]
policies:
  - id: privacy
    rules:
      - type: pii_detection
        action: redact
        patterns: [email, ssn]
  - audit-logger
policy:
  audit-logger:
    immutable: true
    log_all_access: true
    path: ./audit
`;

const PII_REPLY = 'Write to jane.doe@example.com about SSN 234-56-7890 today.';
const REDACTED = 'Write to [REDACTED:EMAIL] about SSN [REDACTED:SSN] today.';

let stack: Stack;
let vllm: OpenAICompatibleSimulator;
let llamacpp: OpenAICompatibleSimulator;

beforeAll(async () => {
  vllm = await startOpenAICompatibleSimulator({ flavour: 'vllm' });
  llamacpp = await startOpenAICompatibleSimulator({ flavour: 'llamacpp' });
  stack = await startStack(config.replaceAll('VLLM_URL', vllm.url).replaceAll('LLAMACPP_URL', llamacpp.url));
});
afterAll(async () => {
  await stack?.stop();
  await vllm?.close();
  await llamacpp?.close();
});
beforeEach(() => {
  for (const sim of [vllm, llamacpp, stack.sim]) sim.reset();
});

async function recordOf(requestId: string): Promise<Record<string, unknown>> {
  let found: Record<string, unknown> | undefined;
  await expect
    .poll(
      async () => {
        for await (const r of readAuditRecords(join(stack.dir, 'audit'))) {
          if ((r as Record<string, unknown>).request_id === requestId) found = r as Record<string, unknown>;
        }
        return found;
      },
      { timeout: 5_000 },
    )
    .toBeDefined();
  return found!;
}

// Health probes (GET /v1/models) may land between a test's calls; tests count what clients caused.
const posts = (sim: { requests: readonly { method: string; path: string; body: unknown }[] }) =>
  sim.requests.filter((r) => r.method === 'POST');

const id = (name: string) => ({
  headers: { 'x-request-id': `${name}-${Math.random().toString(36).slice(2)}` },
});

describe('the openai SDK against vLLM and llama.cpp through the gateway', () => {
  it('chats with a vLLM target, with vLLM’s usage', async () => {
    vllm.replyWith('Gradient descent walks downhill.');
    const answer = await stack.client.chat.completions.create({
      model: 'vllm-llama',
      messages: [{ role: 'user', content: 'Explain gradient descent.' }],
    });
    expect(answer.choices[0]?.message.content).toBe('Gradient descent walks downhill.');
    expect(answer.choices[0]?.finish_reason).toBe('stop');
    expect(answer.usage?.completion_tokens).toBeGreaterThan(0);
    expect(answer.usage?.prompt_tokens).toBeGreaterThan(0);
    // What vLLM saw: its own model name, and none of the gateway's fields.
    expect(posts(vllm).at(-1)?.body).toMatchObject({ model: LLAMA, stream: false });
  });

  it('streams, asking vLLM for usage always and showing the usage chunk only to a client that asked', async () => {
    vllm.replyWith('One two three four five.');
    const plain = await stack.client.chat.completions.create({
      model: 'vllm-llama',
      messages: [{ role: 'user', content: 'Count.' }],
      stream: true,
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of plain) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('One two three four five.');
    expect(chunks.every((c) => c.choices.length === 1)).toBe(true);
    expect(posts(vllm).at(-1)?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });

    vllm.replyWith('One two three four five.');
    const withUsage = await stack.client.chat.completions.create({
      model: 'vllm-llama',
      messages: [{ role: 'user', content: 'Count.' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const last: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of withUsage) last.push(chunk);
    expect(last.at(-1)?.choices).toEqual([]);
    expect(last.at(-1)?.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('passes tool calls through, whole and streamed', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
    ];
    vllm.replyWithToolCall({ name: 'get_weather', arguments: { city: 'Oslo' } });
    const whole = await stack.client.chat.completions.create({
      model: 'vllm-llama',
      messages: [{ role: 'user', content: 'Weather in Oslo?' }],
      tools,
    });
    expect(whole.choices[0]?.finish_reason).toBe('tool_calls');
    const call = whole.choices[0]?.message.tool_calls?.[0] as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Oslo' });

    const streamed = await readStream(
      await stack.client.chat.completions.create({
        model: 'vllm-llama',
        messages: [{ role: 'user', content: 'Weather in Oslo?' }],
        tools,
        stream: true,
      }),
    );
    expect(streamed.finish).toBe('tool_calls');
    expect(JSON.parse(streamed.toolArguments)).toEqual({ city: 'Oslo' });
  });

  it('completes text and embeds through vLLM targets', async () => {
    vllm.replyWith('upon a time.');
    const completion = await stack.client.completions.create({ model: 'vllm-completion', prompt: 'Once' });
    expect(completion.choices[0]?.text).toBe('upon a time.');
    const embedded = await stack.client.embeddings.create({
      model: 'vllm-embed',
      input: ['alpha', 'beta', 'alpha'],
    });
    expect(embedded.data).toHaveLength(3);
    expect(embedded.data[0]?.embedding.length).toBeGreaterThan(0);
    expect(embedded.data[2]?.embedding).toEqual(embedded.data[0]?.embedding);
    expect(posts(vllm).at(-1)?.body).toMatchObject({ model: 'BAAI/bge-m3', encoding_format: 'float' });
  });

  it('serves a llama.cpp target under any model name, and refuses n > 1 naming the field and the target', async () => {
    llamacpp.replyWith('Served by the one model.');
    const answer = await stack.client.chat.completions.create({
      model: 'llamacpp-local',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(answer.choices[0]?.message.content).toBe('Served by the one model.');
    const refused = await stack.client.chat.completions
      .create({ model: 'llamacpp-local', messages: [{ role: 'user', content: 'Hi' }], n: 2 })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as InstanceType<typeof OpenAI.APIError>).param).toBe('n');
    expect((refused as InstanceType<typeof OpenAI.APIError>).message).toContain('target "llamacpp-local"');
    expect(llamacpp.requests).toHaveLength(1);
  });

  it.each([
    {
      status: 400,
      error: 'This model’s maximum context length is 8192 tokens',
      sdk: OpenAI.BadRequestError,
      code: 'invalid_request_error',
      gateway: 400,
    },
    {
      status: 500,
      error: 'CUDA out of memory',
      sdk: OpenAI.InternalServerError,
      code: 'upstream_error',
      gateway: 502,
    },
    {
      status: 429,
      error: 'too many requests',
      sdk: OpenAI.InternalServerError,
      code: 'upstream_error',
      gateway: 502,
    },
  ])(
    'maps vLLM’s $status to $gateway $code, keeping its message',
    async ({ status, error, sdk, code, gateway }) => {
      vllm.failNext({ status, error });
      const failed = await stack.client.chat.completions
        .create({ model: 'vllm-llama', messages: [{ role: 'user', content: 'Hi' }] })
        .catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(sdk);
      expect(failed).toMatchObject({ status: gateway, code });
      expect((failed as InstanceType<typeof OpenAI.APIError>).message).toContain(error);
      // The client learns the target, never the upstream's address.
      expect((failed as InstanceType<typeof OpenAI.APIError>).message).not.toContain(vllm.url);
    },
  );

  it('ends a stream vLLM drops mid-way with an error the SDK throws', async () => {
    vllm.replyWith('one two three four five six seven eight');
    vllm.dropNextStreamAfter(2);
    const stream = await stack.client.chat.completions.create({
      model: 'vllm-llama',
      messages: [{ role: 'user', content: 'Count.' }],
      stream: true,
    });
    await expect(readStream(stream)).rejects.toThrow(/closed the stream before it finished|broke mid-stream/);
  });

  it.each(['vllm', 'llamacpp'] as const)(
    'passes the error %s sends inside a stream on to the client, with its message',
    async (flavour) => {
      const sim = flavour === 'vllm' ? vllm : llamacpp;
      sim.replyWith('one two three four five six seven eight');
      sim.errorNextStreamAfter(2, { error: `the ${flavour} engine failed` });
      const stream = await stack.client.chat.completions.create({
        model: flavour === 'vllm' ? 'vllm-llama' : 'llamacpp-local',
        messages: [{ role: 'user', content: 'Count.' }],
        stream: true,
      });
      await expect(readStream(stream)).rejects.toThrow(`the ${flavour} engine failed`);
    },
  );

  it('keeps a vLLM target whose model is not served out of rotation (GET /v1/models)', async () => {
    await expect
      .poll(async () => {
        const ready = (await (await fetch(`${stack.url}/readyz`)).json()) as {
          targets: { id: string; healthy: boolean }[];
        };
        return Object.fromEntries(ready.targets.map((t) => [t.id, t.healthy]));
      })
      .toMatchObject({ 'vllm-missing': false, 'vllm-llama': true });
    const refused = await stack.client.chat.completions
      .create({ model: 'vllm-missing', messages: [{ role: 'user', content: 'Hi' }] })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 503, code: 'no_healthy_target' });
  });
});

describe('one config, both formats', () => {
  it('fails an Ollama group over to vLLM, redacts its streamed answer and audits the target that answered', async () => {
    vllm.replyWith(PII_REPLY);
    const options = id('failover');
    const answer = await readStream(
      await stack.client.chat.completions.create(
        {
          model: 'llama3.3',
          messages: [{ role: 'user', content: 'Hi' }],
          stream: true,
          metadata: { group: 'local' },
        },
        options,
      ),
    );
    expect(answer.text).toBe(REDACTED);
    expect(posts(vllm)).toHaveLength(1);
    const record = await recordOf(options.headers['x-request-id']);
    expect(record).toMatchObject({ target: 'vllm-llama', status: 200, stream: true });
    expect(JSON.stringify(record)).not.toContain('jane.doe@example.com');
  });

  it('routes a group past a target whose health probe fails', async () => {
    vllm.replyWith('From the healthy one.');
    const options = id('probed');
    // vllm-missing is first in the rule; its probe (GET /v1/models lacks its model) took it out.
    await expect
      .poll(async () => {
        const ready = (await (await fetch(`${stack.url}/readyz`)).json()) as {
          targets: { id: string; healthy: boolean }[];
        };
        return ready.targets.find((t) => t.id === 'vllm-missing')?.healthy;
      })
      .toBe(false);
    const answer = await stack.client.chat.completions.create(
      { model: 'anything', messages: [{ role: 'user', content: 'Hi' }], metadata: { group: 'probed' } },
      options,
    );
    expect(answer.choices[0]?.message.content).toBe('From the healthy one.');
    expect(posts(vllm).at(-1)?.body).toMatchObject({ model: LLAMA });
    expect(await recordOf(options.headers['x-request-id'])).toMatchObject({ target: 'vllm-llama' });
  });

  it('redacts a streamed answer from the native Ollama target with the same rule', async () => {
    stack.sim.replyWith(PII_REPLY);
    const options = id('native');
    const answer = await readStream(
      await stack.client.chat.completions.create(
        { model: 'ollama-llama3', messages: [{ role: 'user', content: 'Hi' }], stream: true },
        options,
      ),
    );
    expect(answer.text).toBe(REDACTED);
    expect(await recordOf(options.headers['x-request-id'])).toMatchObject({ target: 'ollama-llama3' });
  });

  it('sends a format: openai Ollama target to Ollama’s /v1, redacting its streamed answer too', async () => {
    stack.sim.replyWith(PII_REPLY);
    const options = id('ollama-v1');
    const answer = await readStream(
      await stack.client.chat.completions.create(
        { model: 'ollama-v1', messages: [{ role: 'user', content: 'Hi' }], stream: true },
        options,
      ),
    );
    expect(answer.text).toBe(REDACTED);
    expect(posts(stack.sim).map((r) => r.path)).toEqual(['/v1/chat/completions']);
    expect(posts(stack.sim)[0]?.body).toMatchObject({
      model: 'llama3.3',
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(await recordOf(options.headers['x-request-id'])).toMatchObject({
      target: 'ollama-v1',
      status: 200,
    });
  });

  it('answers, embeds and probes a format: openai Ollama target through /v1, with Ollama’s model names', async () => {
    stack.sim.replyWith('Hello from /v1.');
    const answer = await stack.client.chat.completions.create({
      model: 'ollama-v1',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(answer.choices[0]?.message.content).toBe('Hello from /v1.');
    const embedded = await stack.client.embeddings.create({ model: 'ollama-v1-embed', input: 'alpha' });
    expect(embedded.data[0]?.embedding.length).toBeGreaterThan(0);
    expect(posts(stack.sim).map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/embeddings']);
    // Ollama's /v1/models lists llama3.3:latest; the probe reads it as Ollama does, as llama3.3.
    await expect
      .poll(async () => {
        const ready = (await (await fetch(`${stack.url}/readyz`)).json()) as {
          targets: { id: string; healthy: boolean }[];
        };
        return ready.targets.find((t) => t.id === 'ollama-v1')?.healthy;
      })
      .toBe(true);
  });

  it('refuses n > 1 on a format: openai Ollama target before calling Ollama', async () => {
    const refused = await stack.client.chat.completions
      .create({ model: 'ollama-v1', messages: [{ role: 'user', content: 'Hi' }], n: 2 })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 400, param: 'n' });
    expect((refused as InstanceType<typeof OpenAI.APIError>).message).toContain(
      "Ollama's OpenAI API returns one choice",
    );
    expect(posts(stack.sim)).toHaveLength(0);
  });

  it('lists every target, each owned by the name its provider string starts with', async () => {
    const models = await stack.client.models.list();
    const owners = Object.fromEntries(models.data.map((m) => [m.id, m.owned_by]));
    expect(owners).toMatchObject({
      'vllm-llama': 'vllm',
      'llamacpp-local': 'llamacpp',
      'ollama-llama3': 'ollama',
    });
  });
});

describe('the Vercel AI SDK against vLLM through the gateway', () => {
  const keeptrusts = () =>
    createOpenAICompatible({
      name: 'keeptrusts',
      baseURL: `${stack.url}/v1`,
      apiKey: 'kt-test',
      includeUsage: true,
    });

  it('streams a chat with usage, redacted', async () => {
    vllm.replyWith(PII_REPLY);
    const result = streamText({
      model: keeptrusts().chatModel('vllm-llama'),
      prompt: 'Who do I write to?',
      maxRetries: 0,
    });
    let text = '';
    for await (const delta of result.textStream) text += delta;
    expect(text).toBe(REDACTED);
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
    expect(await result.finishReason).toBe('stop');
  });

  it('gets a tool call from vLLM, with its arguments', async () => {
    vllm.replyWithToolCall({ name: 'get_weather', arguments: { city: 'Oslo' } });
    const result = await generateText({
      model: keeptrusts().chatModel('vllm-llama'),
      prompt: 'Weather in Oslo?',
      tools: {
        get_weather: tool({
          description: 'Current weather of a city',
          inputSchema: jsonSchema<{ city: string }>({
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
          }),
        }),
      },
      maxRetries: 0,
    });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls.map((c) => [c.toolName, c.input])).toEqual([['get_weather', { city: 'Oslo' }]]);
  });

  it('surfaces vLLM’s 400 as an APICallError with the gateway’s status and vLLM’s message', async () => {
    vllm.failNext({ status: 400, error: 'maximum context length is 8192 tokens' });
    const failed = await generateText({
      model: keeptrusts().chatModel('vllm-llama'),
      prompt: 'A very long prompt',
      maxRetries: 0,
    }).catch((e: unknown) => e);
    expect(APICallError.isInstance(failed)).toBe(true);
    expect(failed).toMatchObject({ statusCode: 400 });
    expect((failed as Error).message).toContain('maximum context length is 8192 tokens');
  });

  it('embeds through a vLLM embedding target', async () => {
    const { embeddings } = await embedMany({
      model: keeptrusts().textEmbeddingModel('vllm-embed'),
      values: ['alpha', 'beta'],
      maxRetries: 0,
    });
    expect(embeddings).toHaveLength(2);
    expect(embeddings[0]?.length).toBeGreaterThan(0);
  });
});
