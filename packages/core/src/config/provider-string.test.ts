import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProviderString } from './provider-string.js';

const known = ['ollama'];

describe('parseProviderString', () => {
  it.each([
    ['ollama', { provider: 'ollama', kind: undefined, model: undefined }],
    ['ollama:chat:llama3.3', { provider: 'ollama', kind: 'chat', model: 'llama3.3' }],
    ['ollama:chat:llama3.3:70b', { provider: 'ollama', kind: 'chat', model: 'llama3.3:70b' }],
    ['ollama:completion:mistral', { provider: 'ollama', kind: 'completion', model: 'mistral' }],
    [
      'ollama:embedding:nomic-embed-text',
      { provider: 'ollama', kind: 'embedding', model: 'nomic-embed-text' },
    ],
    [
      'ollama:chat:hf.co/org/model:Q4_K_M',
      { provider: 'ollama', kind: 'chat', model: 'hf.co/org/model:Q4_K_M' },
    ],
  ])('splits %s on the first two colons only', (input, expected) => {
    expect(parseProviderString(input, known)).toEqual(expected);
  });

  it.each([
    ['openai:chat:gpt-4o', 'unknown provider "openai"'],
    ['ollama:chat', 'is not a provider string; expected ollama, ollama:chat:<model>'],
    ['ollama:chat:', 'is not a provider string'],
    ['ollama:vision:llava', 'is not a provider string'],
    ['ollama:', 'is not a provider string'],
  ])('refuses %s', (input, message) => {
    const result = parseProviderString(input, known);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(message);
  });

  it('keeps any model text after the second colon, colons included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('chat', 'completion', 'embedding'),
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        (kind, model) => {
          expect(parseProviderString(`ollama:${kind}:${model}`, known)).toEqual({
            provider: 'ollama',
            kind,
            model,
          });
        },
      ),
    );
  });
});
