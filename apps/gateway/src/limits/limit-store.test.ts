import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_URL, requireRedis, uniquePrefix } from '../test-support/redis-server.js';
import { type LimitStore, readWindow, type WindowLimits } from './limit-store.js';
import { MemoryLimitStore } from './memory-store.js';
import { RedisLimitStore } from './redis-store.js';

describe('readWindow', () => {
  const now = 100_500; // second 100, half way through it
  it('sums the buckets of the last 60 seconds and ignores older ones', () => {
    const state = readWindow(
      [
        [40, 5], // left the window at second 100
        [41, 1],
        [99, 2],
        [100, 3],
      ],
      now,
      10,
    );
    expect(state.used).toBe(6);
    expect(state.resetMs).toBe(160_000 - now);
    expect(state.freeMs).toBe(0);
  });

  it('says when enough old buckets leave for a full window to admit again', () => {
    const state = readWindow(
      [
        [100, 1],
        [41, 2],
        [70, 2],
      ],
      now,
      4,
    );
    expect(state.used).toBe(5);
    // Dropping second 41 leaves 3 < 4: it leaves the window at second 101.
    expect(state.freeMs).toBe(101_000 - now);
  });

  it('is empty with nothing counted', () => {
    expect(readWindow([], now, 3)).toEqual({ used: 0, resetMs: 0, freeMs: 0 });
  });
});

const limits = (over: Partial<WindowLimits>): WindowLimits => ({
  requestsPerMinute: 0,
  tokensPerMinute: 0,
  concurrentRequests: 0,
  leaseMs: 60_000,
  ...over,
});

const stores: { name: string; make: () => LimitStore }[] = [
  { name: 'memory', make: () => new MemoryLimitStore() },
  {
    name: 'redis',
    make: () =>
      new RedisLimitStore({
        url: REDIS_URL,
        keyPrefix: uniquePrefix('store'),
        timeoutMs: 2000,
        onError: () => {},
      }),
  },
];

describe.each(stores)('the $name store', ({ make }) => {
  let store: LimitStore;
  beforeAll(async () => {
    await requireRedis();
    store = make();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('admits as many requests as the minute allows, then refuses until the oldest leaves', async () => {
    const rpm = limits({ requestsPerMinute: 3 });
    const remaining: number[] = [];
    for (let i = 0; i < 3; i++) {
      const admission = await store.admit('rpm', rpm, `l${i}`, Date.now());
      expect(admission.refused).toBeUndefined();
      remaining.push(admission.requests!.remaining);
      expect(admission.requests!.resetMs).toBeGreaterThan(59_000);
      expect(admission.requests!.resetMs).toBeLessThanOrEqual(60_000);
    }
    expect(remaining).toEqual([2, 1, 0]);
    const refused = await store.admit('rpm', rpm, 'l3', Date.now());
    expect(refused.refused).toBe('requests');
    expect(refused.requests!.remaining).toBe(0);
    expect(refused.retryAfterMs).toBeGreaterThan(58_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    // A refused request is not counted: keys do not share budgets.
    expect((await store.admit('rpm-other', rpm, 'o', Date.now())).refused).toBeUndefined();
  });

  it('charges tokens when a request settles and refuses once the minute’s tokens are spent', async () => {
    const tpm = limits({ tokensPerMinute: 100 });
    const first = await store.admit('tpm', tpm, 'a', Date.now());
    expect(first.tokens).toMatchObject({ limit: 100, remaining: 100 });
    await store.settle('tpm', tpm, 'a', 60, Date.now());
    const second = await store.admit('tpm', tpm, 'b', Date.now());
    expect(second.tokens!.remaining).toBe(40);
    expect(second.refused).toBeUndefined();
    await store.settle('tpm', tpm, 'b', 45, Date.now());
    const third = await store.admit('tpm', tpm, 'c', Date.now());
    expect(third.refused).toBe('tokens');
    expect(third.tokens!.remaining).toBe(0);
    expect(third.retryAfterMs).toBeGreaterThan(58_000);
  });

  it('holds a lease per request in flight and frees it when the request settles', async () => {
    const one = limits({ concurrentRequests: 1 });
    expect((await store.admit('conc', one, 'x', Date.now())).refused).toBeUndefined();
    expect((await store.admit('conc', one, 'y', Date.now())).refused).toBe('concurrency');
    await store.settle('conc', one, 'x', 0, Date.now());
    expect((await store.admit('conc', one, 'z', Date.now())).refused).toBeUndefined();
  });

  it('lets the lease of a request that never settled expire', async () => {
    const short = limits({ concurrentRequests: 1, leaseMs: 150 });
    expect((await store.admit('lease', short, 'dead', Date.now())).refused).toBeUndefined();
    expect((await store.admit('lease', short, 'next', Date.now())).refused).toBe('concurrency');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await store.admit('lease', short, 'after', Date.now())).refused).toBeUndefined();
  });
});
