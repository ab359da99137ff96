import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { TargetConfig } from '../config/types.js';
import { definePlugin, defineProvider } from './define.js';
import { createProviderInstance } from './provider-instance.js';
import type { ProviderInstance } from './provider-types.js';
import { createRegistry } from './registry.js';
import type { ProviderContext, ProviderDefinition } from './types.js';

// Each created instance records what it was created from, so a test can read the hand-over.
interface Made {
  by: string;
  target: TargetConfig;
  context: ProviderContext;
}
const made: Made[] = [];
const recorder =
  (by: string) =>
  (target: TargetConfig<unknown>, context: ProviderContext): ProviderInstance => {
    made.push({ by, target, context });
    return {} as ProviderInstance;
  };

const speaker = defineProvider({
  name: 'speaker',
  kinds: ['chat', 'completion'],
  configSchema: z.strictObject({ api_key_header: z.string().optional() }),
  create: recorder('speaker'),
});
const native = defineProvider({
  name: 'native',
  kinds: ['chat', 'embedding'],
  configSchema: z.strictObject({ format: z.enum(['native', 'speaker', 'ghost', 'odd']).optional() }),
  sameModel: (a, b) => a.toLowerCase() === b.toLowerCase(),
  delegate(target) {
    const format = target.options.format;
    if (format === undefined || format === 'native') return undefined;
    if (format === 'odd') return { provider: 'speaker', options: { api_key_header: 5 } };
    return { provider: format, baseUrl: `${target.baseUrl}/compat/` };
  },
  create: recorder('native'),
});

function target(
  definition: ProviderDefinition<{ format?: string }>,
  format?: string,
  kind: 'chat' | 'embedding' = 'chat',
): TargetConfig {
  return {
    id: 'local',
    providerName: definition.name,
    definition: definition as ProviderDefinition,
    provider: `${definition.name}:${kind}:model-a`,
    kind,
    model: 'model-a',
    baseUrl: 'http://127.0.0.1:9',
    secretKeyEnv: 'NATIVE_KEY',
    timeoutSeconds: 30,
    streamTimeoutSeconds: 120,
    maxContextTokens: undefined,
    description: undefined,
    weight: 1,
    healthProbe: false,
    options: format === undefined ? {} : { format },
    origin: { file: 'x.yaml', path: ['providers', 'targets', 0] },
  };
}

const registry = createRegistry();
registry.register(definePlugin({ name: 'plugins', version: '1.0.0', providers: [speaker, native] }));
const context: ProviderContext = { env: () => undefined };

describe('createProviderInstance', () => {
  it('creates the target’s own provider when it does not delegate', () => {
    made.length = 0;
    createProviderInstance(target(native), context, registry);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ by: 'native', context: { env: context.env } });
    expect(made[0]?.context.sameModel).toBeUndefined();
  });

  it('hands a delegated target to the named provider, with its base URL and the handing provider’s model names', () => {
    made.length = 0;
    const written = target(native, 'speaker');
    createProviderInstance(written, context, registry);
    expect(made).toHaveLength(1);
    const [handed] = made;
    expect(handed?.by).toBe('speaker');
    expect(handed?.target).toMatchObject({
      id: 'local',
      providerName: 'native',
      model: 'model-a',
      baseUrl: 'http://127.0.0.1:9/compat',
      secretKeyEnv: 'NATIVE_KEY',
      options: {},
    });
    expect(handed?.target.definition).toBe(speaker);
    expect(handed?.context.sameModel?.('Model-A', 'model-a')).toBe(true);
    // The written target is left as it was: routing keeps reading the native definition.
    expect(written.definition).toBe(native);
  });

  it.each([
    [
      'ghost',
      'chat',
      'hands to the "ghost" provider, which no loaded plugin defines (known providers: speaker, native)',
    ],
    ['speaker', 'embedding', 'is handed to the "speaker" provider, which does not serve embedding'],
    ['odd', 'chat', 'is handed to the "speaker" provider, which refuses the options it was given'],
  ] as const)('refuses a delegation to %s for a %s target, naming the target', (format, kind, message) => {
    expect(() => createProviderInstance(target(native, format, kind), context, registry)).toThrow(
      `target "local" (native:${kind}:model-a)`,
    );
    expect(() => createProviderInstance(target(native, format, kind), context, registry)).toThrow(message);
  });

  it('refuses a delegate that is not a function at definition time', () => {
    expect(() =>
      defineProvider({ name: 'bad', kinds: ['chat'], delegate: 5 as never, create: recorder('bad') }),
    ).toThrow('provider "bad": delegate must be a function');
  });
});
