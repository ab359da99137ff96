import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import OpenAI, { type APIError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readStream, type Stack, seedTargets, startStack } from './harness.js';

const privacy = `policies:
  - id: local-privacy-policy
    description: Block PII in locally-run models
    applies_to: [chat, completion]
    rules:
      - type: pii_detection
        action: redact
        patterns: [ssn, credit_card, email]
  - id: no-passports
    applies_to: [chat]
    rules:
      - type: pii_detection
        action: block
        patterns: [passport_number]
`;

const ssn = '234-56-7890';
const card = '4111 1111 1111 1111';
const email = 'jane.doe@example.com';
const leaky = `Your SSN is ${ssn}, your card ${card}, and I will write to ${email} today.`;

let sim: OllamaSimulator;
let buffered: Stack;
let incremental: Stack;

// A thinking model, for answers that carry reasoning.
const thinkingTarget = `    - id: ollama-qwen3
      provider: ollama:chat:qwen3:8b
      base_url: SIM_URL
`;

beforeAll(async () => {
  sim = await startOllamaSimulator({ port: 0 });
  buffered = await startStack(`${seedTargets}${thinkingTarget}${privacy}`, { sim });
  incremental = await startStack(
    `${seedTargets}${thinkingTarget}${privacy}server:\n  streaming:\n    policy_mode: incremental\n`,
    { sim },
  );
});
afterAll(async () => {
  await buffered?.stop();
  await incremental?.stop();
  await sim?.close();
});
beforeEach(() => {
  sim.reset();
  sim.clearRequests();
});

const sentToOllama = () => JSON.stringify(sim.requests.map((r) => r.body));

async function streamText(client: OpenAI, content: string) {
  const stream = await client.chat.completions.create({
    model: 'llama3.3',
    messages: [{ role: 'user', content }],
    stream: true,
  });
  return readStream(stream);
}

describe('pii_detection through the gateway', () => {
  it('redacts PII in a prompt before it reaches Ollama', async () => {
    await buffered.client.chat.completions.create({
      model: 'llama3.3',
      messages: [
        { role: 'system', content: 'You help with paperwork.' },
        { role: 'user', content: `My SSN is ${ssn} and my email is ${email}.` },
      ],
    });
    const sent = sentToOllama();
    expect(sent).not.toContain(ssn);
    expect(sent).not.toContain(email);
    expect(sent).toContain('My SSN is [REDACTED:SSN] and my email is [REDACTED:EMAIL].');
  });

  it('redacts PII in content parts and in replayed tool-call arguments', async () => {
    await buffered.client.chat.completions.create({
      model: 'llama3.3',
      messages: [
        { role: 'user', content: [{ type: 'text', text: `card ${card}` }] },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'lookup', arguments: JSON.stringify({ email }) },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'found' },
      ],
      tools: [
        { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } },
      ],
    });
    const sent = sentToOllama();
    expect(sent).not.toContain('4111');
    expect(sent).not.toContain(email);
    expect(sent).toContain('[REDACTED:CREDIT_CARD]');
  });

  it('redacts PII in a whole answer', async () => {
    sim.replyWith(leaky);
    const response = await buffered.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'what do you know?' }],
    });
    expect(response.choices[0]?.message.content).toBe(
      'Your SSN is [REDACTED:SSN], your card [REDACTED:CREDIT_CARD], and I will write to [REDACTED:EMAIL] today.',
    );
  });

  it.each(['buffered', 'incremental'] as const)('redacts PII in a streamed answer, %s mode', async (mode) => {
    sim.replyWith(leaky);
    sim.setTokenDelay(2);
    const { text, finish } = await streamText(
      (mode === 'buffered' ? buffered : incremental).client,
      'what do you know?',
    );
    expect(text).toBe(
      'Your SSN is [REDACTED:SSN], your card [REDACTED:CREDIT_CARD], and I will write to [REDACTED:EMAIL] today.',
    );
    expect(finish).toBe('stop');
  });

  it('blocks a prompt with a block rule before the upstream is called', async () => {
    const error = await buffered.client.chat.completions
      .create({
        model: 'llama3.3',
        messages: [{ role: 'user', content: 'My passport number is 533180911, please renew it.' }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as APIError).code).toBe('content_filter');
    expect((error as APIError).message).toContain('blocked by policy "no-passports" (pii_detection)');
    expect(sim.requests).toHaveLength(0);
  });

  it('ends an answer that a block rule stops with finish_reason content_filter, in both stream modes', async () => {
    sim.replyWith('Here is what I found. Passport number: 533180911 issued 2019. More text follows here.');
    for (const stack of [buffered, incremental]) {
      const { text, finish } = await streamText(stack.client, 'find my passport');
      expect(finish).toBe('content_filter');
      expect(text).not.toContain('533180911');
      expect(text.startsWith('Here is what I found.')).toBe(true);
    }
  });

  const tools: OpenAI.ChatCompletionTool[] = [
    {
      type: 'function',
      function: {
        name: 'send_email',
        parameters: { type: 'object', properties: { to: { type: 'string' }, body: { type: 'string' } } },
      },
    },
  ];
  const leakyCall = { name: 'send_email', arguments: { to: email, body: `Card on file: ${card}` } };
  const redactedArguments = { to: '[REDACTED:EMAIL]', body: 'Card on file: [REDACTED:CREDIT_CARD]' };

  it('redacts PII in the arguments of a tool call the model makes', async () => {
    sim.replyWithToolCall(leakyCall);
    const response = await buffered.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'email my card number to me' }],
      tools,
    });
    const call = response.choices[0]?.message.tool_calls?.[0];
    expect(response.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual(redactedArguments);
  });

  it.each([
    ['buffered', () => buffered],
    ['incremental', () => incremental],
  ] as const)('redacts PII in streamed tool call arguments, %s mode', async (_mode, stack) => {
    sim.replyWithToolCall(leakyCall);
    const stream = await stack().client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'email my card number to me' }],
      tools,
      stream: true,
    });
    const { toolArguments, finish } = await readStream(stream);
    expect(JSON.parse(toolArguments)).toEqual(redactedArguments);
    expect(finish).toBe('tool_calls');
  });

  it('drops a tool call whose arguments a block rule stops', async () => {
    sim.replyWithToolCall({
      name: 'send_email',
      arguments: { to: 'desk', body: 'Passport number: 533180911' },
    });
    for (const stack of [buffered, incremental]) {
      const response = await stack.client.chat.completions.create({
        model: 'llama3.3',
        messages: [{ role: 'user', content: 'send my passport details' }],
        tools,
      });
      expect(response.choices[0]?.finish_reason).toBe('content_filter');
      expect(response.choices[0]?.message.tool_calls ?? []).toEqual([]);
      expect(JSON.stringify(response)).not.toContain('533180911');
    }
  });

  it("redacts PII in a reasoning model's thinking, whole and streamed in both modes", async () => {
    sim.thinkWith(`The user's SSN is ${ssn}; I should not repeat it.`);
    const expected = "The user's SSN is [REDACTED:SSN]; I should not repeat it.";
    const whole = await buffered.client.chat.completions.create({
      model: 'ollama-qwen3',
      messages: [{ role: 'user', content: 'what is on file?' }],
    });
    // Ollama's OpenAI layer, and so the gateway, name the thinking text `reasoning`.
    const message = whole.choices[0]?.message as { reasoning?: string } | undefined;
    expect(message?.reasoning).toBe(expected);
    sim.setTokenDelay(1);
    for (const stack of [buffered, incremental]) {
      const stream = await stack.client.chat.completions.create({
        model: 'ollama-qwen3',
        messages: [{ role: 'user', content: 'what is on file?' }],
        stream: true,
      });
      const { reasoning, text } = await readStream(stream);
      expect(reasoning).toBe(expected);
      expect(text).toBe('You said: "what is on file?"');
    }
  });

  it('leaves embedding input alone when the policy is scoped to chat', async () => {
    await buffered.client.embeddings.create({ model: 'ollama-embed', input: `contact ${email}` });
    expect(sentToOllama()).toContain(email);
  });
});
