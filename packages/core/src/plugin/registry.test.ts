import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allow } from './decision.js';
import { definePlugin, definePolicy } from './define.js';
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
});
