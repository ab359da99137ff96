import { definePlugin, type PluginManifest } from '@keeptrusts/core';
import pkg from '@keeptrusts/provider-ollama/package.json' with { type: 'json' };
import { ollamaProvider } from './ollama-provider.js';

// Provider
export { createOllamaProvider, ollamaDefaults, ollamaProvider } from './ollama-provider.js';

// Target fields and model names
export { sameOllamaModel } from './model-name.js';
export type { OllamaTargetOptions } from './target-options.js';
export { ollamaTargetSchema } from './target-options.js';

/** The plugin manifest: the `ollama` provider, named and versioned from package.json. */
const plugin: PluginManifest = definePlugin({
  name: pkg.name,
  version: pkg.version,
  providers: [ollamaProvider],
});
export default plugin;
