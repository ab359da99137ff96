import { z } from 'zod';
import type { TargetConfig } from '../config/types.js';
import { secretEnvName, writtenTargetSchema } from '../config/written.js';
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
  type ProviderDefaults,
  type ProviderDefinition,
  type ProviderDelegation,
  type RuleTargetRef,
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
  targetRefs?: (config: z.output<Schema>) => readonly RuleTargetRef[];
  create(config: z.output<Schema>, context: PolicyContext): PolicyHooks | Promise<PolicyHooks>;
}): PolicyDefinition<z.output<Schema>, z.input<Schema>> {
  if (typeof definition.type !== 'string' || !snakeCase.test(definition.type)) {
    fail('policy', definition.type, 'type must be snake_case, as written in YAML (e.g. "pii_detection")');
  }
  checkSchema('policy', definition.type, definition.configSchema);
  if (typeof definition.create !== 'function') fail('policy', definition.type, 'create must be a function');
  if (definition.targetRefs !== undefined && typeof definition.targetRefs !== 'function') {
    fail('policy', definition.type, 'targetRefs must be a function');
  }
  return Object.freeze({
    kind: 'policy',
    contract: CONTRACT_VERSION,
    type: definition.type,
    configSchema: definition.configSchema as z.ZodType<z.output<Schema>, z.input<Schema>>,
    ...(definition.defaultAppliesTo === undefined ? {} : { defaultAppliesTo: definition.defaultAppliesTo }),
    ...(definition.targetRefs === undefined ? {} : { targetRefs: definition.targetRefs }),
    create: definition.create,
  });
}

const endpointKinds: readonly EndpointKind[] = ['chat', 'completion', 'embedding'];
const coreTargetFields = Object.keys(writtenTargetSchema.shape);
const noFields = z.strictObject({});

function checkDefaults(name: string, defaults: ProviderDefaults, where: string): void {
  if (defaults === null || typeof defaults !== 'object') fail('provider', name, `${where} must be an object`);
  const { baseUrl, secretKeyEnv } = defaults;
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/.test(String(baseUrl))) {
    fail('provider', name, `${where}.baseUrl must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  if (secretKeyEnv !== undefined && !secretEnvName.test(String(secretKeyEnv))) {
    fail('provider', name, `${where}.secretKeyEnv must be an environment variable name`);
  }
}

// The keys of the provider's own target fields; a z.object (refinements allowed), never core's keys.
function fieldsOf(name: string, schema: unknown): string[] {
  const def = (schema as { def?: { type?: string; shape?: Record<string, unknown> } } | null)?.def;
  if (typeof (schema as { safeParse?: unknown } | null)?.safeParse !== 'function' || def?.type !== 'object') {
    fail(
      'provider',
      name,
      'configSchema must be a zod object schema of its own target fields (z.strictObject)',
    );
  }
  const fields = Object.keys(def.shape ?? {});
  const clash = fields.filter((field) => coreTargetFields.includes(field));
  if (clash.length > 0) {
    fail('provider', name, `configSchema redefines the core target field(s) ${clash.join(', ')}`);
  }
  return fields;
}

/**
 * Defines a provider plugin, named by the first part of its provider strings (`ollama`). Checks the
 * definition at import (names, kinds, defaults, an object `configSchema` that leaves core's target
 * fields alone), stamps the contract version and freezes it; `target.options` is typed from the schema.
 */
export function defineProvider<Schema extends z.ZodObject = typeof noFields>(definition: {
  name: string;
  /** Further names, each with the defaults it changes: `{ vllm: { baseUrl: 'http://localhost:8000/v1' } }`. */
  aliases?: Readonly<Record<string, ProviderDefaults>>;
  kinds: readonly EndpointKind[];
  defaults?: ProviderDefaults;
  configSchema?: Schema;
  sameModel?(configured: string, requested: string): boolean;
  /** Names the provider that serves a target whose settings ask for another API (`format: openai`). */
  delegate?(target: TargetConfig<z.output<Schema>>): ProviderDelegation | undefined;
  create(target: TargetConfig<z.output<Schema>>, context: ProviderContext): ProviderInstance;
}): ProviderDefinition<z.output<Schema>, z.input<Schema>> {
  const { name } = definition;
  if (typeof name !== 'string' || !snakeCase.test(name)) {
    fail('provider', name, 'name must be lower-case letters, digits and underscores');
  }
  const kinds = definition.kinds;
  if (
    !Array.isArray(kinds) ||
    kinds.length === 0 ||
    kinds.some((k) => !endpointKinds.includes(k)) ||
    new Set(kinds).size !== kinds.length
  ) {
    fail(
      'provider',
      name,
      `kinds must list the endpoint kinds it serves, each once: ${endpointKinds.join(', ')}`,
    );
  }
  const defaults = definition.defaults ?? {};
  checkDefaults(name, defaults, 'defaults');
  const aliases = definition.aliases ?? {};
  for (const [alias, aliasDefaults] of Object.entries(aliases)) {
    if (!snakeCase.test(alias) || alias === name) {
      fail('provider', name, `alias "${alias}" must be another lower-case name`);
    }
    checkDefaults(name, aliasDefaults, `aliases.${alias}`);
  }
  const configSchema = definition.configSchema ?? noFields;
  const fields = fieldsOf(name, configSchema);
  if (definition.sameModel !== undefined && typeof definition.sameModel !== 'function') {
    fail('provider', name, 'sameModel must be a function');
  }
  if (definition.delegate !== undefined && typeof definition.delegate !== 'function') {
    fail('provider', name, 'delegate must be a function');
  }
  if (typeof definition.create !== 'function') fail('provider', name, 'create must be a function');
  return Object.freeze({
    kind: 'provider',
    contract: CONTRACT_VERSION,
    name,
    aliases: Object.freeze(
      Object.fromEntries(Object.entries(aliases).map(([alias, d]) => [alias, Object.freeze({ ...d })])),
    ),
    kinds: Object.freeze([...kinds]),
    defaults: Object.freeze({ ...defaults }),
    configSchema: configSchema as unknown as z.ZodType<z.output<Schema>, z.input<Schema>>,
    fields: Object.freeze(fields),
    sameModel: definition.sameModel ?? ((configured: string, requested: string) => configured === requested),
    ...(definition.delegate === undefined ? {} : { delegate: definition.delegate }),
    create: definition.create,
  });
}

/** Defines an audit sink plugin, named as `policies.chain` writes it (`audit-logger`). */
export function defineAuditSink<Schema extends z.ZodType>(definition: {
  type: string;
  configSchema: Schema;
  create(config: z.output<Schema>, context: AuditSinkContext): AuditSink | Promise<AuditSink>;
}): AuditSinkDefinition<z.output<Schema>, z.input<Schema>> {
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
    configSchema: definition.configSchema as z.ZodType<z.output<Schema>, z.input<Schema>>,
    create: definition.create,
  });
}

/** Defines the manifest a plugin package default-exports. */
export function definePlugin(manifest: {
  name: string;
  version: string;
  core?: string;
  policies?: readonly PolicyDefinition<unknown>[];
  providers?: readonly ProviderDefinition<unknown>[];
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
