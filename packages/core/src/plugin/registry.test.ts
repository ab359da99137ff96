import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allow } from './decision.js';
import { definePlugin, definePolicy, defineProvider } from './define.js';
import type { ProviderInstance } from './provider-types.js';
import { createRegistry } from './registry.js';

const policy = (type: string) =>
  definePolicy({ type, configSchema: z.strictObject({}), create: () => ({ onRequest: () => allow() }) });

describe('definePolicy', () => {
  it('stamps and freezes the definition', () => {
    const def = policy('keyword_deny');
    expect(def.kind).toBe('policy');
    expect(def.contract).toBe(1);
    expect(Object.isFrozen(def)).toBe(true);
  });

  it.each([
    [
      { type: 'KeywordDeny', configSchema: z.object({}), create: () => ({}) },
      'policy "KeywordDeny": type must be snake_case',
    ],
    [
      { type: 'x_y', configSchema: {}, create: () => ({}) },
      'policy "x_y": configSchema must be a zod schema',
    ],
    [{ type: 'x_y', configSchema: z.object({}), create: 5 }, 'policy "x_y": create must be a function'],
  ])('refuses a malformed definition: %#', (definition, message) => {
    expect(() => definePolicy(definition as never)).toThrow(message);
  });
});

const create = () => ({}) as ProviderInstance;

describe('defineProvider', () => {
  it('stamps and freezes the definition, filling in what was left out', () => {
    const def = defineProvider({ name: 'local_llm', kinds: ['chat'], create });
    expect(def).toMatchObject({ kind: 'provider', contract: 1, aliases: {}, defaults: {}, fields: [] });
    expect(Object.isFrozen(def)).toBe(true);
    expect(def.configSchema.safeParse({}).success).toBe(true);
    expect(def.configSchema.safeParse({ other: 1 }).success).toBe(false);
    expect(def.sameModel('m', 'm')).toBe(true);
    expect(def.sameModel('m', 'M')).toBe(false);
  });

  it('lists the fields of its configSchema and keeps its sameModel', () => {
    const def = defineProvider({
      name: 'local_llm',
      kinds: ['chat', 'embedding'],
      configSchema: z.strictObject({ api_version: z.string(), keep_alive: z.string().optional() }),
      sameModel: (a, b) => a.toLowerCase() === b.toLowerCase(),
      create,
    });
    expect(def.fields).toEqual(['api_version', 'keep_alive']);
    expect(def.sameModel('Model', 'model')).toBe(true);
  });

  it.each([
    [{ name: 'Local', kinds: ['chat'] }, 'provider "Local": name must be lower-case'],
    [{ name: 'x', kinds: [] }, 'provider "x": kinds must list the endpoint kinds it serves'],
    [{ name: 'x', kinds: ['chat', 'vision'] }, 'kinds must list'],
    [{ name: 'x', kinds: ['chat', 'chat'] }, 'kinds must list'],
    [
      { name: 'x', kinds: ['chat'], defaults: { baseUrl: 'localhost:1' } },
      'defaults.baseUrl must be an http(s) URL',
    ],
    [{ name: 'x', kinds: ['chat'], defaults: { secretKeyEnv: 'A-B' } }, 'defaults.secretKeyEnv must be'],
    [{ name: 'x', kinds: ['chat'], aliases: { x: {} } }, 'alias "x" must be another lower-case name'],
    [{ name: 'x', kinds: ['chat'], aliases: { y: { baseUrl: 'ftp://h' } } }, 'aliases.y.baseUrl must be'],
    [{ name: 'x', kinds: ['chat'], configSchema: z.string() }, 'configSchema must be a zod object schema'],
    [
      { name: 'x', kinds: ['chat'], configSchema: z.object({ base_url: z.string(), weight: z.number() }) },
      'provider "x": configSchema redefines the core target field(s) base_url, weight',
    ],
    [{ name: 'x', kinds: ['chat'], create: 5 }, 'create must be a function'],
  ])('refuses a malformed definition: %#', (definition, message) => {
    expect(() => defineProvider({ create, ...definition } as never)).toThrow(message);
  });
});

describe('createRegistry', () => {
  it('resolves registered names', () => {
    const registry = createRegistry();
    registry.register(definePlugin({ name: 'a', version: '1.0.0', policies: [policy('keyword_deny')] }));
    expect(registry.policy('keyword_deny')?.type).toBe('keyword_deny');
    expect(registry.policyTypes()).toEqual(['keyword_deny']);
  });

  it('refuses two plugins claiming one rule type, naming both, and leaves the registry unchanged', () => {
    const registry = createRegistry();
    registry.register(definePlugin({ name: 'a', version: '1.0.0', policies: [policy('keyword_deny')] }));
    const second = definePlugin({
      name: 'b',
      version: '2.0.0',
      policies: [policy('other_rule'), policy('keyword_deny')],
    });
    expect(() => registry.register(second)).toThrow(
      'policy type "keyword_deny" is registered twice: by a@1.0.0 and by b@2.0.0',
    );
    expect(registry.policy('other_rule')).toBeUndefined();
  });

  it('refuses a plugin built for another core version, naming both', () => {
    const registry = createRegistry({ coreVersion: '0.1.0' });
    expect(() =>
      registry.register(definePlugin({ name: 'a', version: '1.0.0', core: '^0.1.0', policies: [] })),
    ).not.toThrow();
    expect(() =>
      registry.register(definePlugin({ name: 'b', version: '2.0.0', core: '^1.0.0', policies: [] })),
    ).toThrow(
      'plugin b@2.0.0 needs @keeptrusts/core ^1.0.0, but this gateway has 0.1.0; upgrade one of them',
    );
  });

  it('refuses a look-alike object that was not made by definePlugin', () => {
    expect(() => createRegistry().register({ name: 'x' } as never)).toThrow('definePlugin');
  });

  it('resolves a provider by its name and its aliases, and refuses an alias another provider claims', () => {
    const registry = createRegistry();
    const openai = defineProvider({
      name: 'openai',
      kinds: ['chat'],
      aliases: { vllm: {}, lmstudio: {} },
      create,
    });
    registry.register(definePlugin({ name: 'a', version: '1.0.0', providers: [openai] }));
    expect(registry.provider('vllm')).toBe(openai);
    expect(registry.providerNames()).toEqual(['openai', 'vllm', 'lmstudio']);
    const vllm = defineProvider({ name: 'vllm', kinds: ['chat'], create });
    expect(() => registry.register(definePlugin({ name: 'b', version: '2.0.0', providers: [vllm] }))).toThrow(
      'provider "vllm" is registered twice: by a@1.0.0 and by b@2.0.0',
    );
  });
});
