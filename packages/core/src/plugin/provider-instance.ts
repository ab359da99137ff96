import type { TargetConfig } from '../config/types.js';
import type { ProviderInstance } from './provider-types.js';
import type { Registry } from './registry.js';
import type { ProviderContext } from './types.js';

/**
 * Creates the live provider of a target, following its provider's delegation: when the definition
 * hands the target to another provider (`delegate`), that provider, found by name in the registry,
 * is created for it with the delegation's base URL and options, and with the handing provider's way
 * of comparing model names. Throws, naming the target, when the named provider is not registered,
 * does not serve the target's kind or refuses the options: the gateway then does not start.
 */
export function createProviderInstance(
  target: TargetConfig,
  context: ProviderContext,
  registry: Pick<Registry, 'provider' | 'providerNames'>,
): ProviderInstance {
  const { definition } = target;
  const delegation = definition.delegate?.(target);
  if (delegation === undefined) return definition.create(target, context);
  const where = `target "${target.id}" (${target.provider})`;
  const delegate = registry.provider(delegation.provider);
  if (delegate === undefined) {
    throw new Error(
      `${where} asks the ${definition.name} provider for an API it hands to the "${delegation.provider}" provider, which no loaded plugin defines (known providers: ${registry.providerNames().join(', ')})`,
    );
  }
  if (delegate === definition)
    throw new Error(`${where}: the ${definition.name} provider delegates to itself`);
  if (!delegate.kinds.includes(target.kind)) {
    throw new Error(
      `${where} is handed to the "${delegation.provider}" provider, which does not serve ${target.kind} (it serves ${delegate.kinds.join(', ')})`,
    );
  }
  const options = delegate.configSchema.safeParse(delegation.options ?? {});
  if (!options.success) {
    throw new Error(
      `${where} is handed to the "${delegation.provider}" provider, which refuses the options it was given: ${options.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return delegate.create(
    {
      ...target,
      definition: delegate,
      baseUrl: (delegation.baseUrl ?? target.baseUrl)?.replace(/\/+$/, ''),
      options: options.data,
    },
    { ...context, sameModel: context.sameModel ?? definition.sameModel },
  );
}
