import { createRequire } from 'node:module';
import semver from 'semver';
import type { AuditSinkDefinition, PluginManifest, PolicyDefinition, ProviderDefinition } from './types.js';

/** Maps rule types, provider names and sink types to the plugins that implement them. */
export interface Registry {
  register(plugin: PluginManifest): void;
  policy(type: string): PolicyDefinition<unknown> | undefined;
  /** The provider a name selects: its own name or one of its aliases. */
  provider(name: string): ProviderDefinition<unknown> | undefined;
  sink(type: string): AuditSinkDefinition<unknown> | undefined;
  policyTypes(): string[];
  /** Every name a provider string may start with, aliases included. */
  providerNames(): string[];
  sinkTypes(): string[];
  plugins(): readonly PluginManifest[];
}

/** This core's version, which plugins' `core` ranges are checked against. */
export const coreVersion: string = (
  createRequire(import.meta.url)('../../package.json') as { version: string }
).version;

/**
 * Creates an empty registry; registering two plugins that claim one name is an error, and so is a
 * plugin built for a core whose range this core's version does not satisfy.
 */
export function createRegistry(options: { coreVersion?: string } = {}): Registry {
  const version = options.coreVersion ?? coreVersion;
  const policies = new Map<string, { def: PolicyDefinition<unknown>; from: string }>();
  const providers = new Map<string, { def: ProviderDefinition<unknown>; from: string }>();
  const sinks = new Map<string, { def: AuditSinkDefinition<unknown>; from: string }>();
  const manifests: PluginManifest[] = [];

  function claim<T>(
    map: Map<string, { def: T; from: string }>,
    what: string,
    name: string,
    def: T,
    from: string,
  ) {
    const existing = map.get(name);
    if (existing !== undefined) {
      throw new Error(`${what} "${name}" is registered twice: by ${existing.from} and by ${from}`);
    }
    map.set(name, { def, from });
  }

  return {
    register(plugin) {
      if (plugin?.kind !== 'plugin') {
        throw new TypeError('register() takes a plugin manifest made by definePlugin()');
      }
      const from = `${plugin.name}@${plugin.version}`;
      if (plugin.core !== undefined && !semver.satisfies(version, plugin.core, { includePrerelease: true })) {
        throw new Error(
          `plugin ${from} needs @keeptrusts/core ${plugin.core}, but this gateway has ${version}; upgrade one of them`,
        );
      }
      if (manifests.some((m) => m.name === plugin.name))
        throw new Error(`plugin ${plugin.name} is registered twice`);
      // Check every claim before taking any, so a failed registration leaves the registry as it was.
      const taken = [
        ...plugin.policies.map((p) => [policies, 'policy type', p.type] as const),
        ...plugin.providers.flatMap((p) =>
          [p.name, ...Object.keys(p.aliases)].map((name) => [providers, 'provider', name] as const),
        ),
        ...plugin.sinks.map((s) => [sinks, 'audit sink', s.type] as const),
      ];
      for (const [map, what, name] of taken) {
        const existing = map.get(name);
        if (existing !== undefined)
          throw new Error(`${what} "${name}" is registered twice: by ${existing.from} and by ${from}`);
      }
      for (const p of plugin.policies)
        claim(policies, 'policy type', p.type, p as PolicyDefinition<unknown>, from);
      for (const p of plugin.providers) {
        for (const name of [p.name, ...Object.keys(p.aliases)]) claim(providers, 'provider', name, p, from);
      }
      for (const s of plugin.sinks)
        claim(sinks, 'audit sink', s.type, s as AuditSinkDefinition<unknown>, from);
      manifests.push(plugin);
    },
    policy: (type) => policies.get(type)?.def,
    provider: (name) => providers.get(name)?.def,
    sink: (type) => sinks.get(type)?.def,
    policyTypes: () => [...policies.keys()],
    providerNames: () => [...providers.keys()],
    sinkTypes: () => [...sinks.keys()],
    plugins: () => manifests,
  };
}
