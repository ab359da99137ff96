import { randomBytes } from 'node:crypto';
import { GatewayError, type OpenAIErrorBody } from '@keeptrusts/core';
import type { GatewayConfig, KeyLimits } from '@keeptrusts/core/config';
import type { AuditTrail } from '../audit-trail.js';
import type { Logger } from '../gateway.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { Admission, LimitStore, WindowLimits } from './limit-store.js';
import { MemoryLimitStore } from './memory-store.js';
import { formatReset, rateLimitHeaders, retryAfterSeconds } from './rate-limit-headers.js';

/** What the limiter decided for one request: headers for the answer, or the refusal to send. */
export interface LimitVerdict {
  headers: [string, string][];
  refusal: { status: 429 | 503; body: OpenAIErrorBody } | undefined;
}

/** What a request admitted under a budget hands back when it ends. */
interface Lease {
  key: string;
  limits: WindowLimits;
  id: string;
}

// The budget of requests without a key (a gateway without auth.keys) under auth.default_limits.
const NO_KEY = '-';
const NO_LIMITS: LimitVerdict = { headers: [], refusal: undefined };

/**
 * Applies per-key limits (#13): `auth.keys[].limits`, else `auth.default_limits`, counted in the
 * store `server.limits` names. A store that fails applies `on_store_error` and says so once per
 * outage in the log, and continuously in `keeptrusts_limits_store_up`.
 */
export class KeyLimiter {
  readonly store: LimitStore;
  /** The store's settings, so a reload with the same ones keeps the store and its counts. */
  readonly storeSettings: string;
  private readonly byKey: Map<string, WindowLimits>;
  private readonly fallback: WindowLimits | undefined;
  private readonly failOpen: boolean;
  private readonly logger: Logger;
  private readonly metrics: GatewayMetrics;
  private readonly leasePrefix = randomBytes(6).toString('base64url');
  private leaseSeq = 0;
  /** undefined until the store first answered or failed. */
  private storeUp: boolean | undefined;

  /**
   * The limiter of a config, or undefined when no key has a limit (then no request pays for one).
   * The Redis client is imported only for `store: redis`.
   */
  static async create(
    config: GatewayConfig,
    deps: { logger: Logger; metrics: GatewayMetrics; previous?: KeyLimiter },
  ): Promise<KeyLimiter | undefined> {
    const leaseMs = leaseLifetime(config);
    const fallback = windowLimits(config.auth.defaultLimits, leaseMs);
    const byKey = new Map<string, WindowLimits>();
    for (const key of config.auth.keys) {
      const limits = key.limits === undefined ? fallback : windowLimits(key.limits, leaseMs);
      if (limits !== undefined) byKey.set(key.id, limits);
    }
    if (byKey.size === 0 && fallback === undefined) return undefined;
    const settings = config.server.limits;
    const storeSettings = JSON.stringify(settings);
    let limiter: KeyLimiter | undefined;
    const kept = deps.previous?.storeSettings === storeSettings ? deps.previous.store : undefined;
    const store: LimitStore =
      kept ??
      (settings.store === 'redis'
        ? new (await import('./redis-store.js')).RedisLimitStore({
            url: settings.redisUrl!,
            keyPrefix: settings.keyPrefix,
            timeoutMs: settings.storeTimeoutMs,
            onError: (error) => limiter?.storeFailed(error),
          })
        : new MemoryLimitStore());
    limiter = new KeyLimiter(
      store,
      storeSettings,
      byKey,
      fallback,
      settings.onStoreError === 'fail_open',
      deps,
    );
    return limiter;
  }

  private constructor(
    store: LimitStore,
    storeSettings: string,
    byKey: Map<string, WindowLimits>,
    fallback: WindowLimits | undefined,
    failOpen: boolean,
    deps: { logger: Logger; metrics: GatewayMetrics },
  ) {
    this.store = store;
    this.storeSettings = storeSettings;
    this.byKey = byKey;
    this.fallback = fallback;
    this.failOpen = failOpen;
    this.logger = deps.logger;
    this.metrics = deps.metrics;
  }

  /** Admits the trail's request under its key's budgets, or says how to refuse it. */
  async admit(trail: AuditTrail, keysEnabled: boolean): Promise<LimitVerdict> {
    const keyId = trail.record.key_id;
    const key = keyId ?? NO_KEY;
    // With keys configured every request here has one; without, default_limits cover them all.
    const limits = keysEnabled ? this.byKey.get(key) : this.fallback;
    if (limits === undefined) return NO_LIMITS;
    const lease = `${this.leasePrefix}:${++this.leaseSeq}`;
    let admission: Admission;
    try {
      admission = await this.store.admit(key, limits, lease, Date.now());
    } catch (error) {
      this.storeFailed(error as Error);
      if (this.failOpen) {
        this.metrics.servedWithoutLimits(this.store.name);
        return NO_LIMITS;
      }
      return {
        headers: [],
        refusal: {
          status: 503,
          body: new GatewayError(
            'limits_unavailable',
            'the rate-limit store cannot be reached, and it fails closed (server.limits.on_store_error: fail_closed); try again shortly',
          ).toOpenAI(),
        },
      };
    }
    this.storeAnswered();
    const headers = rateLimitHeaders(admission);
    if (admission.refused === undefined) {
      trail.lease = { key, limits, id: lease } satisfies Lease;
      return { headers, refusal: undefined };
    }
    this.metrics.rateLimitedRequest(keyId ?? '', admission.refused);
    headers.push(['retry-after', String(retryAfterSeconds(admission.retryAfterMs))]);
    const body = new GatewayError('rate_limit_exceeded', refusalMessage(keyId, admission, limits)).toOpenAI();
    // OpenAI's type names the budget that ran out.
    if (admission.refused === 'tokens') body.error.type = 'tokens';
    return { headers, refusal: { status: 429, body } };
  }

  /** Frees the request's lease and charges its tokens; called once its trail finished. */
  settle(trail: AuditTrail): void {
    const lease = trail.lease as Lease | undefined;
    if (lease === undefined) return;
    trail.lease = undefined;
    const tokens = trail.record.usage?.total_tokens ?? 0;
    this.store.settle(lease.key, lease.limits, lease.id, tokens, Date.now()).then(
      () => this.storeAnswered(),
      // A lease that could not be freed expires by itself; tokens not charged are lost.
      (error: unknown) => this.storeFailed(error as Error),
    );
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private storeAnswered(): void {
    if (this.storeUp === true) return;
    if (this.storeUp === false) this.logger.info({ store: this.store.name }, 'limits store reachable again');
    this.storeUp = true;
    this.metrics.storeAnswered(this.store.name, true);
  }

  private storeFailed(error: Error): void {
    this.metrics.storeAnswered(this.store.name, false);
    if (this.storeUp === false) return;
    this.storeUp = false;
    this.logger.error(
      {
        store: this.store.name,
        err: error.message,
        on_store_error: this.failOpen ? 'fail_open' : 'fail_closed',
      },
      this.failOpen
        ? 'limits store unreachable: requests are served without limits until it answers again'
        : 'limits store unreachable: limited requests get 503 limits_unavailable until it answers again',
    );
  }
}

function windowLimits(limits: KeyLimits | undefined, leaseMs: number): WindowLimits | undefined {
  if (limits === undefined) return undefined;
  const w = {
    requestsPerMinute: limits.requestsPerMinute ?? 0,
    tokensPerMinute: limits.tokensPerMinute ?? 0,
    concurrentRequests: limits.concurrentRequests ?? 0,
    leaseMs,
  };
  return w.requestsPerMinute + w.tokensPerMinute + w.concurrentRequests === 0 ? undefined : w;
}

// A lease outlives the longest request a target allows, so only a dead gateway's leases expire.
function leaseLifetime(config: GatewayConfig): number {
  let longest = 0;
  for (const t of config.targets) longest = Math.max(longest, t.timeoutSeconds, t.streamTimeoutSeconds);
  return (longest + 60) * 1000;
}

function refusalMessage(keyId: string | null, admission: Admission, limits: WindowLimits): string {
  const who = keyId === null ? 'requests without an API key' : `API key "${keyId}"`;
  const wait = `try again in ${formatReset(admission.retryAfterMs)}`;
  switch (admission.refused) {
    case 'concurrency':
      return `rate limit reached for ${who} on concurrent requests: limit ${limits.concurrentRequests}; ${wait}`;
    case 'tokens':
      return `rate limit reached for ${who} on tokens per minute: limit ${limits.tokensPerMinute}; ${wait}`;
    default:
      return `rate limit reached for ${who} on requests per minute: limit ${limits.requestsPerMinute}, used ${limits.requestsPerMinute}; ${wait}`;
  }
}
