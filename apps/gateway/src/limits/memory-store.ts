import {
  type Admission,
  type LimitStore,
  readWindow,
  WINDOW_SECONDS,
  type WindowLimits,
} from './limit-store.js';

interface KeyState {
  requests: Map<number, number>;
  tokens: Map<number, number>;
  leases: Map<string, number>;
}

/** The default store: budgets in this process, for a gateway that runs as one instance. */
export class MemoryLimitStore implements LimitStore {
  readonly name = 'memory';
  private readonly keys = new Map<string, KeyState>();

  async admit(key: string, limits: WindowLimits, lease: string, nowMs: number): Promise<Admission> {
    const state = this.state(key);
    const nowSec = Math.floor(nowMs / 1000);
    prune(state.requests, nowSec);
    prune(state.tokens, nowSec);
    for (const [name, expires] of state.leases) if (expires <= nowMs) state.leases.delete(name);

    const requests =
      limits.requestsPerMinute > 0 ? readWindow(state.requests, nowMs, limits.requestsPerMinute) : undefined;
    const tokens =
      limits.tokensPerMinute > 0 ? readWindow(state.tokens, nowMs, limits.tokensPerMinute) : undefined;
    let refused: Admission['refused'];
    let retryAfterMs = 0;
    if (limits.concurrentRequests > 0 && state.leases.size >= limits.concurrentRequests) {
      refused = 'concurrency';
      retryAfterMs = 1000;
    } else if (requests !== undefined && requests.used >= limits.requestsPerMinute) {
      refused = 'requests';
      retryAfterMs = requests.freeMs;
    } else if (tokens !== undefined && tokens.used >= limits.tokensPerMinute) {
      refused = 'tokens';
      retryAfterMs = tokens.freeMs;
    }
    if (refused === undefined) {
      if (requests !== undefined) {
        state.requests.set(nowSec, (state.requests.get(nowSec) ?? 0) + 1);
        requests.used++;
        requests.resetMs = (nowSec + WINDOW_SECONDS) * 1000 - nowMs;
      }
      if (limits.concurrentRequests > 0) state.leases.set(lease, nowMs + limits.leaseMs);
    }
    return {
      refused,
      retryAfterMs,
      requests:
        requests === undefined
          ? undefined
          : {
              limit: limits.requestsPerMinute,
              remaining: Math.max(0, limits.requestsPerMinute - requests.used),
              resetMs: requests.resetMs,
            },
      tokens:
        tokens === undefined
          ? undefined
          : {
              limit: limits.tokensPerMinute,
              remaining: Math.max(0, limits.tokensPerMinute - tokens.used),
              resetMs: tokens.resetMs,
            },
    };
  }

  async settle(
    key: string,
    limits: WindowLimits,
    lease: string,
    tokens: number,
    nowMs: number,
  ): Promise<void> {
    const state = this.state(key);
    state.leases.delete(lease);
    if (limits.tokensPerMinute > 0 && tokens > 0) {
      const nowSec = Math.floor(nowMs / 1000);
      state.tokens.set(nowSec, (state.tokens.get(nowSec) ?? 0) + tokens);
    }
  }

  async close(): Promise<void> {
    this.keys.clear();
  }

  private state(key: string): KeyState {
    let state = this.keys.get(key);
    if (state === undefined) {
      state = { requests: new Map(), tokens: new Map(), leases: new Map() };
      this.keys.set(key, state);
    }
    return state;
  }
}

function prune(buckets: Map<number, number>, nowSec: number): void {
  for (const sec of buckets.keys()) if (sec <= nowSec - WINDOW_SECONDS) buckets.delete(sec);
}
