import { createPolicyChain, type PolicyConfig } from '@keeptrusts/core';
import { describe, expect, it } from 'vitest';
import { keywordDeny, keywordDenyConfig } from './keyword-deny.js';

async function run(words: string[], text: string) {
  const policy: PolicyConfig = {
    id: 'p',
    description: undefined,
    appliesTo: undefined,
    targets: undefined,
    rules: [
      {
        type: 'keyword_deny',
        definition: keywordDeny,
        config: keywordDenyConfig.parse({ action: 'block', words }),
        origin: { file: 'x', path: [] },
      },
    ],
    origin: { file: 'x', path: [] },
  };
  const chain = await createPolicyChain([policy]);
  const segments = [{ id: 0, role: 'user' as const, source: 'message' as const, text }];
  return chain.request(
    { endpoint: 'chat', targetId: 't', model: 'm' },
    { segments, maxTokens: undefined, metadata: {} },
  );
}

describe('keyword_deny', () => {
  it('blocks a prompt containing a denied word, ignoring case', async () => {
    expect((await run(['Project-X'], 'tell me about PROJECT-X now')).blocked?.code).toBe('keyword_denied');
  });

  it('passes a prompt where the word is only part of another word', async () => {
    expect((await run(['art'], 'a party at the start')).blocked).toBeUndefined();
  });

  it('refuses a rule without words', () => {
    expect(keywordDenyConfig.safeParse({ action: 'block', words: [] }).success).toBe(false);
  });
});
