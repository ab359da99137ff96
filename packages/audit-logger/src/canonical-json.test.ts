import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('sorts by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '\u{1F600}': 4, '\uFB01': 5 })).toBe(
      '{"Z":3,"z":2,"é":1,"\u{1F600}":4,"ﬁ":5}',
    );
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([1e21, -0, 0.1, 1e-7, 'a"\\\n\u0000\u2028'])).toBe(
      JSON.stringify([1e21, 0, 0.1, 1e-7, 'a"\\\n\u0000\u2028']),
    );
  });

  it('omits undefined properties and turns a Date into its ISO string', () => {
    expect(canonicalJson({ a: undefined, at: new Date('2025-01-02T03:04:05.000Z') })).toBe(
      '{"at":"2025-01-02T03:04:05.000Z"}',
    );
  });

  it('gives the same text whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v !== null && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        ) as unknown;
        expect(canonicalJson(reordered)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  it.each([
    { name: 'NaN', value: { n: Number.NaN }, message: '$.n: NaN is not a JSON number' },
    { name: 'Infinity', value: [Number.POSITIVE_INFINITY], message: '$[0]: Infinity' },
    { name: 'bigint', value: { n: 1n }, message: 'a bigint is not JSON' },
    { name: 'function', value: { f: () => 1 }, message: '$.f: a function is not JSON' },
    { name: 'undefined in an array', value: [1, undefined], message: '$[1]: undefined' },
    { name: 'a class instance', value: { m: new Map() }, message: 'a Map object is not JSON' },
    { name: 'a cycle', value: cycle, message: '$.self: the value refers to itself' },
  ])('rejects $name', ({ value, message }) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });
});
