import type { z } from 'zod';
import type { TargetConfig } from '../config/types.js';
import type { ProviderInstance } from './provider-types.js';
import {
  type AuditSink,
  type AuditSinkContext,
  type AuditSinkDefinition,
  CONTRACT_VERSION,
  type EndpointKind,
  type PluginManifest,
  type PolicyContext,
  type PolicyDefinition,
  type PolicyHooks,
  type ProviderContext,
  type ProviderDefinition,
} from './types.js';

const snakeCase = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const sinkName = /^[a-z][a-z0-9]*([_-][a-z0-9]+)*$/;

function fail(what: string, name: unknown, problem: string): never {
  throw new TypeError(`${what} ${typeof name === 'string' ? `"${name}"` : '(unnamed)'}: ${problem}`);
}

function checkSchema(what: string, name: string, schema: unknown): void {
  if (typeof (schema as { safeParse?: unknown } | null)?.safeParse !== 'function') {
    fail(what, name, 'configSchema must be a zod schema');
  }
}

/**
 * Defines a policy plugin. Checks the definition at import (snake_case `type`, a zod schema, a
 * `create` function), stamps the contract version and freezes it; `config` is typed from the schema.
 */
export function definePolicy<Schema extends z.ZodType>(definition: {
  type: string;
  configSchema: Schema;
  defaultAppliesTo?: readonly EndpointKind[];
  create(config: z.output<Schema>, context: PolicyContext): PolicyHooks | Promise<PolicyHooks>;
}): PolicyDefinition<z.output<Schema>> {
  if (typeof definition.type !== 'string' || !snakeCase.test(definition.type)) {
    fail('policy', definition.type, 'type must be snake_case, as written in YAML (e.g. "pii_detection")');
  }
  checkSchema('policy', definition.type, definition.configSchema);
  if (typeof definition.create !== 'function') fail('policy', definition.type, 'create must be a function');
  return Object.freeze({
    kind: 'policy',
    contract: CONTRACT_VERSION,
    type: definition.type,
    configSchema: definition.configSchema as z.ZodType<z.output<Schema>>,
    ...(definition.defaultAppliesTo === undefined ? {} : { defaultAppliesTo: definition.defaultAppliesTo }),
    create: definition.create,
  });
}

/** Defines a provider plugin, named by the first part of its provider strings (`ollama`). */
export function defineProvider(definition: {
  name: string;
  create(target: TargetConfig, context: ProviderContext): ProviderInstance;
}): ProviderDefinition {
  if (typeof definition.name !== 'string' || !snakeCase.test(definition.name)) {
    fail('provider', definition.name, 'name must be lower-case letters, digits and underscores');
  }
  if (typeof definition.create !== 'function') fail('provider', definition.name, 'create must be a function');
  return Object.freeze({
    kind: 'provider',
    contract: CONTRACT_VERSION,
    name: definition.name,
    create: definition.create,
  });
}

/** Defines an audit sink plugin, named as `policies.chain` writes it (`audit-logger`). */
export function defineAuditSink<Schema extends z.ZodType>(definition: {
  type: string;
  configSchema: Schema;
  create(config: z.output<Schema>, context: AuditSinkContext): AuditSink | Promise<AuditSink>;
}): AuditSinkDefinition<z.output<Schema>> {
  if (typeof definition.type !== 'string' || !sinkName.test(definition.type)) {
    fail('audit sink', definition.type, 'type must be lower-case words joined by "-" or "_"');
  }
  checkSchema('audit sink', definition.type, definition.configSchema);
  if (typeof definition.create !== 'function')
    fail('audit sink', definition.type, 'create must be a function');
  return Object.freeze({
    kind: 'audit_sink',
    contract: CONTRACT_VERSION,
    type: definition.type,
    configSchema: definition.configSchema as z.ZodType<z.output<Schema>>,
    create: definition.create,
  });
}

/** Defines the manifest a plugin package default-exports. */
export function definePlugin(manifest: {
  name: string;
  version: string;
  core?: string;
  policies?: readonly PolicyDefinition<unknown>[];
  providers?: readonly ProviderDefinition[];
  sinks?: readonly AuditSinkDefinition<unknown>[];
}): PluginManifest {
  if (typeof manifest.name !== 'string' || manifest.name === '')
    fail('plugin', manifest.name, 'name is required');
  if (typeof manifest.version !== 'string') fail('plugin', manifest.name, 'version is required');
  const parts: [string, readonly { kind: string; contract: number }[], string][] = [
    ['policies', manifest.policies ?? [], 'policy'],
    ['providers', manifest.providers ?? [], 'provider'],
    ['sinks', manifest.sinks ?? [], 'audit_sink'],
  ];
  for (const [field, items, kind] of parts) {
    for (const item of items) {
      if (item?.kind !== kind) fail('plugin', manifest.name, `${field} must hold values made by define*()`);
      if (item.contract !== CONTRACT_VERSION) {
        fail(
          'plugin',
          manifest.name,
          `built for plugin contract ${item.contract}, this core speaks ${CONTRACT_VERSION}`,
        );
      }
    }
  }
  return Object.freeze({
    kind: 'plugin',
    name: manifest.name,
    version: manifest.version,
    ...(manifest.core === undefined ? {} : { core: manifest.core }),
    policies: Object.freeze([...(manifest.policies ?? [])]),
    providers: Object.freeze([...(manifest.providers ?? [])]),
    sinks: Object.freeze([...(manifest.sinks ?? [])]),
  });
}
