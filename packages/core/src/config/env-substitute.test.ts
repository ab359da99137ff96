import { describe, expect, it } from 'vitest';
import { substituteEnv, type UnsetVariable } from './env-substitute.js';

const env = (vars: Record<string, string>) => (name: string) => vars[name];

describe('substituteEnv', () => {
  it('replaces ${VAR} and ${VAR:-default} in values, not keys', () => {
    const unset: UnsetVariable[] = [];
    const out = substituteEnv(
      { base_url: 'http://${HOST}:${PORT:-11434}', '${KEY}': 'x' },
      env({ HOST: 'gpu-1' }),
      unset,
    );
    expect(out).toEqual({ base_url: 'http://gpu-1:11434', '${KEY}': 'x' });
    expect(unset).toEqual([]);
  });

  it('turns a whole-value reference to a number or boolean into one', () => {
    expect(substituteEnv({ t: '${T}', b: '${B:-true}', s: 'v${T}' }, env({ T: '45' }))).toEqual({
      t: 45,
      b: true,
      s: 'v45',
    });
  });

  it('reports unset variables with their path, and keeps $${ as a literal', () => {
    const unset: UnsetVariable[] = [];
    const out = substituteEnv({ a: [{ b: '${MISSING}' }], c: '$${NOT_A_REF}' }, env({}), unset);
    expect(unset).toEqual([{ path: ['a', 0, 'b'], name: 'MISSING' }]);
    expect(out).toEqual({ a: [{ b: '${MISSING}' }], c: '${NOT_A_REF}' });
  });

  it('treats an empty variable like an unset one when a default is given', () => {
    expect(substituteEnv('${E:-fallback}', env({ E: '' }))).toBe('fallback');
  });
});
