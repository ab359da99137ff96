import { defineProvider, type ProviderInstance } from '@keeptrusts/core';
import { describe, expect, it } from 'vitest';
import { startOllamaSimulator } from '../simulator.js';
import { testProvider } from './test-provider.js';

// The suite itself runs against provider-ollama (its ollama-provider.conformance.test.ts); here,
// what it asks of its caller.
describe('testProvider', () => {
  it('asks for a model for every kind the provider serves', () => {
    const provider = defineProvider({
      name: 'local',
      kinds: ['chat', 'embedding'],
      create: () => ({}) as ProviderInstance,
    });
    expect(() =>
      testProvider(provider, { upstream: () => startOllamaSimulator(), models: { chat: 'm' } }),
    ).toThrow(
      'testProvider(local): the provider serves embedding; give options.models.embedding, a model the upstream serves',
    );
  });
});
