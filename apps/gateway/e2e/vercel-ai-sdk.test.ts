import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, seedTargets, startStack } from './harness.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(seedTargets);
});
afterAll(async () => {
  await stack?.stop();
});

describe('the Vercel AI SDK through the gateway', () => {
  it('streams a chat with usage', async () => {
    stack.sim.replyWith('Consensus is a conversation that never quite ends.');
    const keeptrusts = createOpenAICompatible({
      name: 'keeptrusts',
      baseURL: `${stack.url}/v1`,
      apiKey: 'kt-test',
      includeUsage: true,
    });
    const result = streamText({
      model: keeptrusts.chatModel('ollama:chat:llama3.3'),
      prompt: 'Write a short poem about distributed systems.',
      maxRetries: 0,
    });
    let text = '';
    let parts = 0;
    for await (const delta of result.textStream) {
      text += delta;
      parts++;
    }
    expect(text).toBe('Consensus is a conversation that never quite ends.');
    expect(parts).toBeGreaterThan(3);
    const usage = await result.usage;
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(usage.inputTokens).toBeGreaterThan(0);
    expect(await result.finishReason).toBe('stop');
  });
});
