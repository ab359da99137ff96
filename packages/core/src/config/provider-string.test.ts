import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definePlugin, defineProvider } from '../plugin/define.js';
import type { ProviderInstance } from '../plugin/provider-types.js';
import { createRegistry } from '../plugin/registry.js';
import { parseProviderString, providerStringForms } from './provider-string.js';

const create = () => ({}) as ProviderInstance;
const ollama = defineProvider({ name: 'ollama', kinds: ['chat', 'completion', 'embedding'], create });
const openai = defineProvider({
  name: 'openai',
  kinds: ['chat', 'embedding'],
  aliases: { vllm: { baseUrl: 'http://localhost:8000/v1' } },
  create,
});
const known = createRegistry();
known.register(definePlugin({ name: 'p', version: '1.0.0', providers: [ollama, openai] }));
const without = (ref: object) => {
  const { definition: _, ...rest } = ref as { definition?: unknown };
  return rest;
};

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
    const ref = parseProviderString(input, known);
    expect(ref).toHaveProperty('definition', ollama);
    expect(without(ref)).toEqual(expected);
  });

  it.each([
    [
      'anthropic:chat:claude',
      'unknown provider "anthropic" in "anthropic:chat:claude"; known providers: ollama, openai, vllm',
    ],
    ['ollama:chat', 'is not a provider string; expected ollama, ollama:chat:<model>'],
    ['ollama:chat:', 'is not a provider string'],
    ['ollama:vision:llava', 'is not a provider string'],
    ['ollama:', 'is not a provider string'],
    [
      'vllm:chat',
      '"vllm:chat" is not a provider string; expected vllm, vllm:chat:<model> or vllm:embedding:<model>',
    ],
    [
      'openai:completion:gpt',
      'the openai provider does not serve completion (it serves chat, embedding); expected openai, openai:chat:<model> or openai:embedding:<model>',
    ],
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
          expect(without(parseProviderString(`ollama:${kind}:${model}`, known))).toEqual({
            provider: 'ollama',
            kind,
            model,
          });
        },
      ),
    );
  });

  it('resolves an alias to the provider that declares it', () => {
    expect(parseProviderString('vllm:chat:qwen', known)).toEqual({
      provider: 'vllm',
      definition: openai,
      kind: 'chat',
      model: 'qwen',
    });
  });
});

describe('providerStringForms', () => {
  it('lists the bare name and one form per kind served', () => {
    expect(providerStringForms('ollama', ['chat', 'completion', 'embedding'])).toBe(
      'ollama, ollama:chat:<model>, ollama:completion:<model> or ollama:embedding:<model>',
    );
    expect(providerStringForms('tei', ['embedding'])).toBe('tei or tei:embedding:<model>');
  });
});
