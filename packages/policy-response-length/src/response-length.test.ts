import { policyChainFor } from '@keeptrusts/testkit';
import { describe, expect, it } from 'vitest';
import { responseLength, responseLengthConfigSchema } from './response-length.js';

const chainFor = (maxTokens: number) =>
  policyChainFor(responseLength, { action: 'truncate', max_tokens: maxTokens });

const scope = { endpoint: 'chat' as const, targetId: 't', model: 'm' };

describe('response_length', () => {
  it('caps the tokens asked of the upstream', async () => {
    const chain = await chainFor(8);
    expect((await chain.request(scope, { segments: [], maxTokens: undefined, metadata: {} })).maxTokens).toBe(
      8,
    );
    expect((await chain.request(scope, { segments: [], maxTokens: 100, metadata: {} })).maxTokens).toBe(8);
    expect((await chain.request(scope, { segments: [], maxTokens: 4, metadata: {} })).maxTokens).toBe(4);
  });

  it('cuts a longer answer and reports length', async () => {
    const chain = await chainFor(3);
    const outcome = await chain.response(scope, { text: 'alpha beta gamma delta', finishReason: 'stop' });
    expect(outcome).toMatchObject({ text: 'alpha beta gamma ', finishReason: 'length' });
    expect(outcome.decisions[0]).toMatchObject({
      action: 'modify',
      findings: [{ type: 'truncated', count: 1 }],
    });
  });

  it('leaves embeddings alone by default', async () => {
    const chain = await chainFor(3);
    const outcome = await chain.request(
      { ...scope, endpoint: 'embedding' },
      { segments: [], maxTokens: undefined, metadata: {} },
    );
    expect(outcome.decisions).toEqual([]);
  });

  it.each([
    [{ action: 'cut', max_tokens: 5 }, 'action'],
    [{ action: 'truncate', max_tokens: 0 }, 'max_tokens'],
    [{ action: 'truncate' }, 'max_tokens'],
  ])('refuses %j', (config, field) => {
    const result = responseLengthConfigSchema.safeParse(config);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});
