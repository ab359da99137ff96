import auditLogger from '@keeptrusts/audit-logger';
import type { PluginManifest } from '@keeptrusts/core';
import { createRegistry, type Registry } from '@keeptrusts/core/config';
import guardModel from '@keeptrusts/policy-guard-model';
import injection from '@keeptrusts/policy-injection';
import pii from '@keeptrusts/policy-pii';
import responseLength from '@keeptrusts/policy-response-length';
import topics from '@keeptrusts/policy-topic-block';
import ollama from '@keeptrusts/provider-ollama';
import openai from '@keeptrusts/provider-openai';

/**
 * The plugins every gateway has: the Ollama and OpenAI-compatible providers, the policies and the
 * audit logger.
 */
export const builtinPlugins: readonly PluginManifest[] = [
  ollama,
  openai,
  pii,
  topics,
  injection,
  responseLength,
  guardModel,
  auditLogger,
];

/** A registry holding the built-in plugins; config `plugins:` entries are added to it at load. */
export function createBuiltinRegistry(): Registry {
  const registry = createRegistry();
  for (const plugin of builtinPlugins) registry.register(plugin);
  return registry;
}
