import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChainBuilder, ChainVerifier, GENESIS_HASH } from './chain.js';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');

function build(count: number, hmacKey?: Uint8Array): string[] {
  const chain = new ChainBuilder({ seq: 0, hash: GENESIS_HASH }, 0, hmacKey);
  return Array.from(
    { length: count },
    (_, i) => chain.next({ request_id: `r${i}`, status: 200 }, T0 + i).line,
  );
}

describe('ChainBuilder', () => {
  it('numbers records from 1 and chains the first to the genesis hash', () => {
    const [first, second] = build(2).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({
      seq: 1,
      prev: GENESIS_HASH,
      ts: '2025-01-01T00:00:00.000Z',
      request_id: 'r0',
    });
    expect(second).toMatchObject({ seq: 2, prev: first?.hash });
  });

  it('hashes the canonical JSON without the hash field, which a third party can recompute', () => {
    for (const line of build(3)) {
      const { hash, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const sorted = JSON.stringify(rest, Object.keys(rest).sort());
      expect(createHash('sha256').update(sorted).digest('hex')).toBe(hash);
    }
  });

  it('uses HMAC-SHA256 when given a key', () => {
    const key = Buffer.from('k'.repeat(32));
    const [line] = build(1, key);
    const { hash, ...rest } = JSON.parse(line!) as Record<string, unknown>;
    const sorted = JSON.stringify(rest, Object.keys(rest).sort());
    expect(createHmac('sha256', key).update(sorted).digest('hex')).toBe(hash);
    expect(build(1)[0]).not.toBe(line);
  });

  it('keeps ts from going backwards when the clock steps back', () => {
    const chain = new ChainBuilder({ seq: 0, hash: GENESIS_HASH }, 0);
    chain.next({}, T0 + 5000);
    const back = JSON.parse(chain.next({}, T0).line) as { ts: string };
    expect(back.ts).toBe(new Date(T0 + 5000).toISOString());
  });

  it.each(['seq', 'prev', 'hash', 'ts', 'recovered_torn_tail'])('rejects a payload that sets %s', (field) => {
    const chain = new ChainBuilder({ seq: 0, hash: GENESIS_HASH }, 0);
    expect(() => chain.next({ [field]: 1 }, T0)).toThrow(`"${field}" is reserved`);
    expect(chain.head.seq).toBe(0);
  });

  it('rejects a payload that is not plain JSON without spending a seq', () => {
    const chain = new ChainBuilder({ seq: 0, hash: GENESIS_HASH }, 0);
    expect(() => chain.next({ usage: { n: Number.NaN } }, T0)).toThrow('$.usage.n: NaN');
    expect(() => chain.next([] as object, T0)).toThrow('plain object');
    expect(chain.head).toEqual({ seq: 0, hash: GENESIS_HASH });
  });
});

describe('ChainVerifier', () => {
  it('accepts a chain it did not build, line by line', () => {
    const verifier = new ChainVerifier({ from: 'genesis', seq: 0, hash: GENESIS_HASH });
    for (const line of build(5)) expect(verifier.check(line).ok).toBe(true);
    expect(verifier.head.seq).toBe(5);
  });

  it('reports a record re-serialised with other key order as non_canonical', () => {
    const [line] = build(1);
    const parsed = JSON.parse(line!) as Record<string, unknown>;
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(parsed).reverse()));
    const verifier = new ChainVerifier({ from: 'genesis', seq: 0, hash: GENESIS_HASH });
    expect(verifier.check(reordered)).toMatchObject({ ok: false, reason: 'non_canonical', seq: 1 });
  });

  it('reports the wrong key as a hash mismatch', () => {
    const verifier = new ChainVerifier(
      { from: 'genesis', seq: 0, hash: GENESIS_HASH },
      Buffer.from('x'.repeat(32)),
    );
    expect(verifier.check(build(1, Buffer.from('y'.repeat(32)))[0]!)).toMatchObject({
      ok: false,
      reason: 'hash_mismatch',
      seq: 1,
    });
  });
});
