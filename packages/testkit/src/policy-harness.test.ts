import { allow, block, definePolicy } from '@keeptrusts/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chatScope, policyChainFor, userText } from './policy-harness.js';

const denyWord = definePolicy({
  type: 'deny_word',
  configSchema: z.strictObject({ action: z.literal('block'), word: z.string() }),
  create: (config) => ({
    onRequest: (r) =>
      r.segments.some((s) => s.text.includes(config.word))
        ? block({ code: 'denied', reason: 'denied' })
        : allow(),
  }),
});

describe('policyChainFor', () => {
  it('runs one rule through the real chain', async () => {
    const chain = await policyChainFor(denyWord, { action: 'block', word: 'secret' });
    const blocked = await chain.request(chatScope, {
      segments: [userText('a secret')],
      maxTokens: undefined,
      metadata: {},
    });
    expect(blocked.blocked).toEqual({
      policy: 'test-policy',
      rule: 'deny_word',
      code: 'denied',
      reason: 'denied',
    });
  });

  it('validates the rule with the plugin schema', async () => {
    await expect(policyChainFor(denyWord, { action: 'redact', word: 'x' })).rejects.toThrow(
      'invalid deny_word rule',
    );
  });

  it('honours the scope', async () => {
    const chain = await policyChainFor(
      denyWord,
      { action: 'block', word: 'secret' },
      { appliesTo: ['embedding'] },
    );
    const outcome = await chain.request(chatScope, {
      segments: [userText('a secret')],
      maxTokens: undefined,
      metadata: {},
    });
    expect(outcome.blocked).toBeUndefined();
  });
});
