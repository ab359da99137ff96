/**
 * Where per-key budgets live (#13). Both stores count the same way: a sliding window of one minute
 * made of one-second buckets (a bucket of second `s` counts until `s + 60`), so a budget is exact to
 * within the requests of one second at the window's edge; concurrency is a set of leases.
 */
export interface LimitStore {
  /** `memory` or `redis`: the `store` label of the limits metrics. */
  readonly name: 'memory' | 'redis';
  /**
   * Admits one request of `key` when every budget in `limits` allows it: counts it and takes a
   * concurrency lease named `lease`. A refused request changes nothing. Throws when the store cannot
   * be reached.
   */
  admit(key: string, limits: WindowLimits, lease: string, nowMs: number): Promise<Admission>;
  /** Ends an admitted request: frees its lease and charges its tokens to the current second. */
  settle(key: string, limits: WindowLimits, lease: string, tokens: number, nowMs: number): Promise<void>;
  close(): Promise<void>;
}

/** The budgets of one key; 0 means that budget is not limited. */
export interface WindowLimits {
  requestsPerMinute: number;
  tokensPerMinute: number;
  concurrentRequests: number;
  /** How long a lease lives if its request never settles (its gateway died). */
  leaseMs: number;
}

/** One budget after an admission: what OpenAI's `x-ratelimit-*` headers say. */
export interface Budget {
  limit: number;
  remaining: number;
  /** Until the budget is whole again (every counted request or token has left the window). */
  resetMs: number;
}

/** A store's answer to {@link LimitStore.admit}. */
export interface Admission {
  /** The budget that refused, or undefined when the request is admitted. */
  refused: 'requests' | 'tokens' | 'concurrency' | undefined;
  /** Present when the key has a request budget. */
  requests: Budget | undefined;
  /** Present when the key has a token budget. */
  tokens: Budget | undefined;
  /** When refused: until the refusing budget admits a request again. */
  retryAfterMs: number;
}

export const WINDOW_SECONDS = 60;

/** The sum of a window's live buckets, and when enough of them leave for `limit` to admit again. */
export interface WindowState {
  used: number;
  /** Until the newest live bucket leaves the window (0 when the window is empty). */
  resetMs: number;
  /** Until `used` drops below `limit` (0 when it already is). */
  freeMs: number;
}

/**
 * Reads a window of one-second buckets (second → count, in any order) at `nowMs`. The Redis store's
 * Lua script computes the same; see `redis-store.ts`.
 */
export function readWindow(buckets: Iterable<[number, number]>, nowMs: number, limit: number): WindowState {
  const nowSec = Math.floor(nowMs / 1000);
  const live: [number, number][] = [];
  let used = 0;
  let newest = -1;
  for (const [sec, count] of buckets) {
    if (sec <= nowSec - WINDOW_SECONDS) continue;
    live.push([sec, count]);
    used += count;
    if (sec > newest) newest = sec;
  }
  const expiry = (sec: number) => (sec + WINDOW_SECONDS) * 1000 - nowMs;
  const resetMs = newest < 0 ? 0 : expiry(newest);
  let freeMs = 0;
  if (limit > 0 && used >= limit) {
    live.sort((a, b) => a[0] - b[0]);
    let left = used;
    for (const [sec, count] of live) {
      left -= count;
      if (left < limit) {
        freeMs = expiry(sec);
        break;
      }
    }
  }
  return { used, resetMs, freeMs };
}
