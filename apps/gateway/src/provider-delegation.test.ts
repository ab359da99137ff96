import { createRegistry, loadConfigTexts, type Registry } from '@keeptrusts/core/config';
import ollama from '@keeptrusts/provider-ollama';
import { describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from './builtin-plugins.js';
import { createGateway } from './gateway.js';

// Configs that validate but ask for something the loaded plugins cannot serve: the gateway does not
// start (kt gateway run prints the message), and the message names the target.

async function start(registry: Registry, target: string) {
  const text = `providers:\n  targets:\n    - id: t\n${target}`;
  const loaded = await loadConfigTexts([{ file: 'c.yaml', text }], { registry, env: () => undefined });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return createGateway({ config: loaded.config, registry });
}

describe('starting a gateway', () => {
  it('refuses a format: openai Ollama target when no provider is registered as openai', async () => {
    const registry = createRegistry();
    registry.register(ollama);
    await expect(
      start(registry, '      provider: ollama:chat:llama3.3\n      format: openai\n'),
    ).rejects.toThrow(
      'target "t" (ollama:chat:llama3.3) asks the ollama provider for an API it hands to the "openai" provider, which no loaded plugin defines (known providers: ollama)',
    );
  });

  it('refuses a generic openai target without base_url, naming it', async () => {
    await expect(start(createBuiltinRegistry(), '      provider: openai:chat:gpt-4o\n')).rejects.toThrow(
      'target "t" (openai:chat:gpt-4o) needs base_url',
    );
  });

  it('starts with a format: openai Ollama target, its provider found in the built-in registry', async () => {
    const gateway = await start(
      createBuiltinRegistry(),
      '      provider: ollama:chat:llama3.3\n      format: openai\n',
    );
    expect(gateway.deps.pool.get('t')?.config.definition.name).toBe('ollama');
    await gateway.close();
  });
});
