import type OpenAI from 'openai';
import { APIError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Stack, seedTargets, startStack } from './harness.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(`${seedTargets}server:\n  streaming:\n    policy_mode: incremental\n`);
});
afterAll(async () => {
  await stack?.stop();
});
beforeEach(() => stack.sim.reset());

async function read(stream: AsyncIterable<OpenAI.ChatCompletionChunk>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  return text;
}

describe('incremental streaming', () => {
  it('forwards chunks as they come and reassembles the same text', async () => {
    stack.sim.replyWith('Streams flow while the upstream still writes.');
    const stream = await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'go' }],
      stream: true,
    });
    expect(await read(stream)).toBe('Streams flow while the upstream still writes.');
  });

  it('ends a stream the upstream drops with an error the SDK raises', async () => {
    stack.sim.replyWith('one two three four five six seven eight nine ten');
    stack.sim.dropNextStreamAfter(4);
    const stream = await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'count' }],
      stream: true,
    });
    const error = await read(stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toMatch(/Ollama/);
  });

  it('ends a stream with an in-stream upstream error as an error the SDK raises', async () => {
    stack.sim.errorNextStreamAfter(2);
    const stream = await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'count' }],
      stream: true,
    });
    const error = await read(stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain('an error was encountered while running the model');
  });
});
