import { describe, expect, it } from 'vitest';
import { normaliseRoute } from './normalise-routing.js';

const origin = { file: 'c.yaml', path: ['routing', 'rules', 0] };

describe('normaliseRoute', () => {
  it('reads a match rule: metadata values become lists of strings, one target a list', () => {
    expect(
      normaliseRoute(
        { match: { metadata: { tier: 2, team: ['a', 'b'] }, endpoint: 'chat' }, target: 'fast' },
        origin,
      ),
    ).toEqual({
      metadata: { tier: ['2'], team: ['a', 'b'] },
      endpoint: 'chat',
      model: undefined,
      targets: ['fast'],
      origin,
    });
  });

  it.each([
    ['the flag form', { default: true as const, target: 'chat' }],
    ['the nested form', { default: { target: ['chat'] } }],
  ])('reads a default rule in %s', (_form, route) => {
    expect(normaliseRoute(route, origin)).toEqual({ defaultTargets: ['chat'] });
  });
});
