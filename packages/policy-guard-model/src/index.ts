import { createRequire } from 'node:module';
import { definePlugin } from '@keeptrusts/core';
import { guardModel } from './guard-model.js';

// The guard_model policy
export { guardModel } from './guard-model.js';
export { guardModelConfig } from './config.js';
export type { GuardModelConfig } from './config.js';

// Guard model formats: categories, prompts and verdicts as the model cards give them
export { graniteRisks, llamaGuardCategories, shieldGemmaHarms } from './formats/categories.js';
export type { GuardCategory } from './formats/categories.js';
export { parseLlamaGuard, renderLlamaGuardPrompt } from './formats/llama-guard-3.js';
export { renderShieldGemmaPrompt } from './formats/shieldgemma.js';

const pkg = createRequire(import.meta.url)('../package.json') as {
  name: string;
  version: string;
  peerDependencies: Record<string, string>;
};

/** The plugin manifest the gateway registers. */
export default definePlugin({ name: pkg.name, version: pkg.version, policies: [guardModel] });
