import auditLogger from '@keeptrusts/audit-logger';
import type { PluginManifest } from '@keeptrusts/core';
import { createRegistry, type Registry } from '@keeptrusts/core/config';
import injection from '@keeptrusts/policy-injection';
import pii from '@keeptrusts/policy-pii';
import responseLength from '@keeptrusts/policy-response-length';
import topics from '@keeptrusts/policy-topic-block';
import ollama from '@keeptrusts/provider-ollama';

/** The plugins every gateway has: the Ollama provider, the policies and the audit logger. */
export const builtinPlugins: readonly PluginManifest[] = [
  ollama,
  pii,
  topics,
  injection,
  responseLength,
  auditLogger,
];

/** A registry holding the built-in plugins; config `plugins:` entries are added to it at load. */
export function createBuiltinRegistry(): Registry {
  const registry = createRegistry();
  for (const plugin of builtinPlugins) registry.register(plugin);
  return registry;
}
