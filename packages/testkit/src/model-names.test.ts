import { describe, expect, it } from 'vitest';
import { fullModelName, modelNameKey, parseModelName, shortModelName } from './model-names.js';

describe('parseModelName', () => {
  it('fills the default host, namespace and tag', () => {
    const name = parseModelName('llama3.3');
    expect(name && fullModelName(name)).toBe('registry.ollama.ai/library/llama3.3:latest');
    expect(name && shortModelName(name)).toBe('llama3.3:latest');
  });

  it('treats spellings of one model as equal, ignoring case', () => {
    const keys = [
      'llama3.3',
      'llama3.3:latest',
      'registry.ollama.ai/library/llama3.3:latest',
      'LLAMA3.3:Latest',
    ].map((text) => {
      const name = parseModelName(text);
      return name && modelNameKey(name);
    });
    expect(new Set(keys)).toEqual(new Set(['registry.ollama.ai/library/llama3.3:latest']));
  });

  it('keeps a namespace in the short form', () => {
    const name = parseModelName('acme/model:v1');
    expect(name && shortModelName(name)).toBe('acme/model:v1');
  });

  it.each(['', 'llama3:', 'bad name', 'llama3.3:la!test', '-llama', 'a//b'])('rejects %j', (text) => {
    expect(parseModelName(text)).toBeUndefined();
  });
});
