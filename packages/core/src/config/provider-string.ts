import type { EndpointKind } from '../plugin/types.js';

/** A provider string taken apart: `ollama:chat:llama3.3:70b` → ollama, chat, `llama3.3:70b`. */
export interface ProviderRef {
  provider: string;
  kind: EndpointKind | undefined;
  model: string | undefined;
}

const kinds: readonly EndpointKind[] = ['chat', 'completion', 'embedding'];

/** The accepted forms, for error messages. */
export const providerStringForms =
  'ollama, ollama:chat:<model>, ollama:completion:<model> or ollama:embedding:<model>';

/**
 * Splits a provider string on its first two colons only, so model tags keep theirs.
 * Returns a message instead when the string has none of the accepted forms.
 */
export function parseProviderString(
  value: string,
  knownProviders: readonly string[],
): ProviderRef | { error: string } {
  const first = value.indexOf(':');
  const provider = first === -1 ? value : value.slice(0, first);
  if (!knownProviders.includes(provider)) {
    const known = knownProviders.length === 0 ? 'none registered' : knownProviders.join(', ');
    return { error: `unknown provider "${provider}" in "${value}"; known providers: ${known}` };
  }
  if (first === -1) return { provider, kind: undefined, model: undefined };
  const second = value.indexOf(':', first + 1);
  const kind = value.slice(first + 1, second === -1 ? undefined : second);
  const model = second === -1 ? '' : value.slice(second + 1);
  if (!(kinds as readonly string[]).includes(kind) || model.trim() === '') {
    return { error: `"${value}" is not a provider string; expected ${providerStringForms}` };
  }
  return { provider, kind: kind as EndpointKind, model };
}
