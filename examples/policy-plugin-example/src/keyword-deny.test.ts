import { chatScope, policyChainFor, userText } from '@keeptrusts/testkit';
import { describe, expect, it } from 'vitest';
import { keywordDeny, keywordDenyConfig } from './keyword-deny.js';

async function run(words: string[], text: string) {
  const chain = await policyChainFor(keywordDeny, { action: 'block', words });
  return chain.request(chatScope, { segments: [userText(text)], maxTokens: undefined, metadata: {} });
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
