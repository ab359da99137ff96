import { definePlugin, defineProvider, type ProviderInstance } from '@keeptrusts/core';
import { loadConfigTexts } from '@keeptrusts/core/config';
import { describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from './builtin-plugins.js';
import { TargetPool } from './targets.js';

// A provider that compares model names exactly (the contract's default), beside the built-in Ollama.
const exact = definePlugin({
  name: 'exact-provider',
  version: '1.0.0',
  providers: [
    defineProvider({
      name: 'exact',
      kinds: ['chat'],
      defaults: { baseUrl: 'http://127.0.0.1:9' },
      create: () => ({}) as ProviderInstance,
    }),
  ],
});

async function pool(targets: string): Promise<TargetPool> {
  const registry = createBuiltinRegistry();
  registry.register(exact);
  const loaded = await loadConfigTexts([{ file: 't.yaml', text: `providers:\n  targets:\n${targets}` }], {
    registry,
    env: () => undefined,
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return new TargetPool(loaded.config, () => undefined);
}

describe('TargetPool', () => {
  it('matches a bare model name the way the target’s provider names models', async () => {
    const targets = await pool(
      '    - {id: local, provider: "ollama:chat:llama3.3"}\n    - {id: other, provider: "exact:chat:llama3.3"}\n',
    );
    expect(targets.named('llama3.3').map((t) => t.config.id)).toEqual(['local', 'other']);
    // Ollama implies `:latest` and ignores case; the exact provider does neither.
    expect(targets.named('Llama3.3:latest').map((t) => t.config.id)).toEqual(['local']);
    expect(targets.named('llama3.3:70b')).toEqual([]);
  });

  it('builds each target with the provider its provider string named', async () => {
    const targets = await pool('    - {id: other, provider: "exact:chat:m"}\n');
    expect(targets.get('other')?.config).toMatchObject({
      providerName: 'exact',
      baseUrl: 'http://127.0.0.1:9',
    });
  });
});
