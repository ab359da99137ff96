import { definePlugin, type PluginManifest } from '@keeptrusts/core';
import pkg from '@keeptrusts/provider-ollama/package.json' with { type: 'json' };
import { ollamaProvider } from './ollama-provider.js';

// Provider
export { createOllamaProvider, ollamaProvider } from './ollama-provider.js';

/** The plugin manifest: the `ollama` provider, named and versioned from package.json. */
const plugin: PluginManifest = definePlugin({
  name: pkg.name,
  version: pkg.version,
  providers: [ollamaProvider],
});
export default plugin;
