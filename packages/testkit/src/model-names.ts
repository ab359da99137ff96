// Ollama model names, `[host/][namespace/]model[:tag]`, parsed like types/model/name.go: missing parts take
// the defaults `registry.ollama.ai`, `library` and `latest`, and names compare case-insensitively.

/** A fully qualified model name. */
export interface ModelName {
  readonly host: string;
  readonly namespace: string;
  readonly model: string;
  readonly tag: string;
}

const DEFAULT_HOST = 'registry.ollama.ai';
const DEFAULT_NAMESPACE = 'library';
const DEFAULT_TAG = 'latest';

// A part cut off by a separator with nothing after it (`llama3:`) is marked invalid, as Go's cutPromised does.
function cutLast(text: string, separator: string): [before: string, after: string] | undefined {
  const at = text.lastIndexOf(separator);
  if (at < 0) return undefined;
  return [text.slice(0, at), text.slice(at + separator.length) || '!'];
}

function isValidPart(kind: 'host' | 'namespace' | 'model' | 'tag', part: string): boolean {
  const max = kind === 'host' ? 350 : 80;
  if (part.length < 1 || part.length > max) return false;
  for (let i = 0; i < part.length; i++) {
    const c = part[i] ?? '';
    const alnum = /[A-Za-z0-9_]/.test(c);
    if (i === 0) {
      if (!alnum) return false;
      continue;
    }
    if (alnum || c === '-') continue;
    if (c === '.' && kind !== 'namespace') continue;
    if (c === ':' && kind === 'host') continue;
    return false;
  }
  return true;
}

/** Parses and validates a model name, filling defaults; `undefined` means Ollama's `invalid model name`. */
export function parseModelName(text: string): ModelName | undefined {
  let rest = text;
  let tag = '';
  let namespace = '';
  let host = '';
  if (rest.lastIndexOf(':') > rest.lastIndexOf('/')) {
    const cut = cutLast(rest, ':');
    if (cut !== undefined) [rest, tag] = cut;
  }
  let model = rest;
  const modelCut = cutLast(rest, '/');
  if (modelCut !== undefined) {
    [rest, model] = modelCut;
    namespace = rest;
    const namespaceCut = cutLast(rest, '/');
    if (namespaceCut !== undefined) {
      [rest, namespace] = namespaceCut;
      const scheme = rest.indexOf('://');
      host = scheme >= 0 ? rest.slice(scheme + 3) : rest;
    }
  }
  const name: ModelName = {
    host: host || DEFAULT_HOST,
    namespace: namespace || DEFAULT_NAMESPACE,
    model,
    tag: tag || DEFAULT_TAG,
  };
  const valid =
    isValidPart('host', name.host) &&
    isValidPart('namespace', name.namespace) &&
    isValidPart('model', name.model) &&
    isValidPart('tag', name.tag);
  return valid ? name : undefined;
}

/** The full form, `registry.ollama.ai/library/llama3.3:latest`, as Ollama's capability errors print it. */
export function fullModelName(name: ModelName): string {
  return `${name.host}/${name.namespace}/${name.model}:${name.tag}`;
}

/** The shortest form, `llama3.3:latest` or `acme/model:tag`, as tags and show errors print it. */
export function shortModelName(name: ModelName): string {
  if (name.host.toLowerCase() !== DEFAULT_HOST) return fullModelName(name);
  if (name.namespace.toLowerCase() !== DEFAULT_NAMESPACE)
    return `${name.namespace}/${name.model}:${name.tag}`;
  return `${name.model}:${name.tag}`;
}

/** A case-insensitive key under which equal model names compare equal. */
export function modelNameKey(name: ModelName): string {
  return fullModelName(name).toLowerCase();
}
