import { chatScope, policyChainFor, userText } from '@keeptrusts/testkit';
import { checkStreamingScanner } from '@keeptrusts/testkit/scanner';
import fc from 'fast-check';
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

  it('ends an answer before a denied word, keeping the text before it', async () => {
    const chain = await policyChainFor(keywordDeny, { action: 'block', words: ['project-x'] });
    const outcome = await chain.response(chatScope, {
      text: 'The plan is called Project-X and ships soon.',
      finishReason: 'stop',
    });
    expect(outcome).toMatchObject({
      text: 'The plan is called ',
      finishReason: 'content_filter',
      blocked: { code: 'keyword_deny_blocked' },
    });
  });

  it('streams answers exactly as it checks whole ones, however they are cut', async () => {
    const chain = await policyChainFor(keywordDeny, { action: 'block', words: ['bluebird', 'x'] });
    const scanner = (
      await keywordDeny.create(keywordDenyConfig.parse({ action: 'block', words: ['bluebird', 'x'] }), {
        policyId: 'p',
      })
    ).responseScanner!;
    expect(chain.streamFilter(chatScope)).toBeDefined();
    // Words, parts of words, and letters outside the Basic Multilingual Plane next to them.
    const texts = fc
      .array(fc.constantFrom('bluebird', 'Bluebirds', 'blue', 'bird', 'x', 'X', ' ', '.', '𝒜', 'é'), {
        maxLength: 30,
      })
      .map((parts) => parts.join(''));
    checkStreamingScanner(scanner, texts, { numRuns: 500 });
  });

  it('refuses a rule without words', () => {
    expect(keywordDenyConfig.safeParse({ action: 'block', words: [] }).success).toBe(false);
  });
});
