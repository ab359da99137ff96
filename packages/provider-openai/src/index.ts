import { definePlugin, type PluginManifest } from '@keeptrusts/core';
import pkg from '@keeptrusts/provider-openai/package.json' with { type: 'json' };
import { openaiProvider } from './openai-provider.js';

// Provider
export { createOpenAIProvider, openaiDefaults, openaiProvider } from './openai-provider.js';

// Target fields and server facts
export type { OpenAITargetOptions } from './target-options.js';
export { openaiTargetSchema } from './target-options.js';
export type { ServerFacts } from './servers.js';
export { serverFacts } from './servers.js';

/** The plugin manifest: the `openai` provider (aliases `vllm`, `llamacpp`, `lmstudio`), named and versioned from package.json. */
const plugin: PluginManifest = definePlugin({
  name: pkg.name,
  version: pkg.version,
  providers: [openaiProvider],
});
export default plugin;
