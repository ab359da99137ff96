import type { Registry } from '../plugin/registry.js';
import type { EndpointKind, ProviderDefinition } from '../plugin/types.js';

/** A provider string taken apart: `ollama:chat:llama3.3:70b` → ollama, chat, `llama3.3:70b`. */
export interface ProviderRef {
  /** The name as written: the provider's own or one of its aliases. */
  provider: string;
  /** The provider the name resolved to. */
  definition: ProviderDefinition<unknown>;
  kind: EndpointKind | undefined;
  model: string | undefined;
}

const kinds: readonly EndpointKind[] = ['chat', 'completion', 'embedding'];

/**
 * The provider strings a provider accepts under one of its names, for messages:
 * `ollama, ollama:chat:<model>, ollama:completion:<model> or ollama:embedding:<model>`.
 */
export function providerStringForms(name: string, served: readonly EndpointKind[]): string {
  const forms = [name, ...served.map((kind) => `${name}:${kind}:<model>`)];
  return forms.length === 1 ? forms[0]! : `${forms.slice(0, -1).join(', ')} or ${forms.at(-1)}`;
}

/**
 * Splits a provider string on its first two colons only, so model tags keep theirs, and resolves
 * its first part through the registry (names and aliases). Returns a message instead when the
 * provider is unknown or the string has none of the forms that provider accepts.
 */
export function parseProviderString(
  value: string,
  registry: Pick<Registry, 'provider' | 'providerNames'>,
): ProviderRef | { error: string } {
  const first = value.indexOf(':');
  const provider = first === -1 ? value : value.slice(0, first);
  const definition = registry.provider(provider);
  if (definition === undefined) {
    const names = registry.providerNames();
    const known = names.length === 0 ? 'none registered' : names.join(', ');
    return { error: `unknown provider "${provider}" in "${value}"; known providers: ${known}` };
  }
  if (first === -1) return { provider, definition, kind: undefined, model: undefined };
  const second = value.indexOf(':', first + 1);
  const kind = value.slice(first + 1, second === -1 ? undefined : second);
  const model = second === -1 ? '' : value.slice(second + 1);
  const forms = providerStringForms(provider, definition.kinds);
  if (!(kinds as readonly string[]).includes(kind) || model.trim() === '') {
    return { error: `"${value}" is not a provider string; expected ${forms}` };
  }
  if (!definition.kinds.includes(kind as EndpointKind)) {
    return {
      error: `the ${provider} provider does not serve ${kind} (it serves ${definition.kinds.join(', ')}); expected ${forms}`,
    };
  }
  return { provider, definition, kind: kind as EndpointKind, model };
}
