import { Redis } from 'ioredis';
import type { Admission, Budget, LimitStore, WindowLimits } from './limit-store.js';

// One atomic admission: reads the request and token windows (dropping buckets that left them),
// checks concurrency leases, and counts the request only when every budget allows it. Time is the
// Redis server's, so gateways with skewed clocks still share one window. Mirrors `readWindow`.
const admitScript = `
local rpm = tonumber(ARGV[1])
local tpm = tonumber(ARGV[2])
local conc = tonumber(ARGV[3])
local lease = ARGV[4]
local leaseMs = tonumber(ARGV[5])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nowSec = tonumber(t[1])
local W = 60

local function read(key, limit)
  local flat = redis.call('HGETALL', key)
  local live, stale = {}, {}
  local used, newest = 0, -1
  for i = 1, #flat, 2 do
    local sec, n = tonumber(flat[i]), tonumber(flat[i + 1])
    if sec <= nowSec - W then
      stale[#stale + 1] = flat[i]
    else
      live[#live + 1] = { sec, n }
      used = used + n
      if sec > newest then newest = sec end
    end
  end
  if #stale > 0 then redis.call('HDEL', key, unpack(stale)) end
  local reset, free = 0, 0
  if newest >= 0 then reset = (newest + W) * 1000 - now end
  if used >= limit then
    table.sort(live, function(a, b) return a[1] < b[1] end)
    local left = used
    for _, b in ipairs(live) do
      left = left - b[2]
      if left < limit then
        free = (b[1] + W) * 1000 - now
        break
      end
    end
  end
  return used, reset, free
end

local reqUsed, reqReset, reqFree = 0, 0, 0
if rpm > 0 then reqUsed, reqReset, reqFree = read(KEYS[1], rpm) end
local tokUsed, tokReset, tokFree = 0, 0, 0
if tpm > 0 then tokUsed, tokReset, tokFree = read(KEYS[2], tpm) end
local refused, retry = 0, 0
if conc > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
  if redis.call('ZCARD', KEYS[3]) >= conc then refused, retry = 3, 1000 end
end
if refused == 0 and rpm > 0 and reqUsed >= rpm then refused, retry = 1, reqFree end
if refused == 0 and tpm > 0 and tokUsed >= tpm then refused, retry = 2, tokFree end
if refused == 0 then
  if rpm > 0 then
    redis.call('HINCRBY', KEYS[1], nowSec, 1)
    redis.call('PEXPIRE', KEYS[1], (W + 1) * 1000)
    reqUsed = reqUsed + 1
    reqReset = (nowSec + W) * 1000 - now
  end
  if conc > 0 then
    redis.call('ZADD', KEYS[3], now + leaseMs, lease)
    redis.call('PEXPIRE', KEYS[3], leaseMs)
  end
end
return { refused, reqUsed, reqReset, tokUsed, tokReset, retry }
`;

// Ends a request: charges its tokens to the current second and frees its lease.
const settleScript = `
local tokens = tonumber(ARGV[1])
if tokens > 0 then
  local t = redis.call('TIME')
  redis.call('HINCRBY', KEYS[1], t[1], tokens)
  redis.call('PEXPIRE', KEYS[1], 61000)
end
if ARGV[2] ~= '' then redis.call('ZREM', KEYS[2], ARGV[2]) end
return 1
`;

const refusals = [undefined, 'requests', 'tokens', 'concurrency'] as const;

interface ScriptedRedis extends Redis {
  ktAdmit(r: string, t: string, c: string, ...args: (string | number)[]): Promise<number[]>;
  ktSettle(t: string, c: string, ...args: (string | number)[]): Promise<number>;
}

/**
 * Budgets in Redis, shared by every gateway that points at the same server and key prefix. Commands
 * are not queued while Redis is unreachable and time out after `timeoutMs`, so an outage shows at
 * once as a thrown error; the limiter applies `on_store_error`.
 */
export class RedisLimitStore implements LimitStore {
  readonly name = 'redis';
  private readonly redis: ScriptedRedis;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  /** Until the first connection is up: requests wait for it (at most `timeoutMs`) rather than fail. */
  private firstConnection: Promise<void> | undefined;

  constructor(options: {
    url: string;
    keyPrefix: string;
    timeoutMs: number;
    /** Told of connection errors (ioredis raises them as events while it reconnects). */
    onError: (error: Error) => void;
  }) {
    const redis = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.timeoutMs,
      connectTimeout: Math.max(options.timeoutMs, 1000),
      // Reconnect quickly, then every 2 s at most: a returning Redis is used again within that.
      retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    });
    redis.on('error', options.onError);
    redis.defineCommand('ktAdmit', { numberOfKeys: 3, lua: admitScript });
    redis.defineCommand('ktSettle', { numberOfKeys: 2, lua: settleScript });
    this.redis = redis as ScriptedRedis;
    this.prefix = options.keyPrefix;
    this.timeoutMs = options.timeoutMs;
    this.firstConnection = new Promise<void>((resolve) => redis.once('ready', () => resolve())).then(() => {
      this.firstConnection = undefined;
    });
  }

  /** Waits for the first connection, if it is still being made; afterwards an outage fails at once. */
  private async connected(): Promise<void> {
    const first = this.firstConnection;
    if (first === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      first,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not accept a connection within ${this.timeoutMs} ms`)),
          this.timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
  }

  async admit(key: string, limits: WindowLimits, lease: string): Promise<Admission> {
    await this.connected();
    const k = this.keys(key);
    const [refused, reqUsed, reqReset, tokUsed, tokReset, retry] = await this.redis.ktAdmit(
      k.requests,
      k.tokens,
      k.leases,
      limits.requestsPerMinute,
      limits.tokensPerMinute,
      limits.concurrentRequests,
      lease,
      limits.leaseMs,
    );
    return {
      refused: refusals[refused!] ?? undefined,
      retryAfterMs: retry!,
      requests: budget(limits.requestsPerMinute, reqUsed!, reqReset!),
      tokens: budget(limits.tokensPerMinute, tokUsed!, tokReset!),
    };
  }

  async settle(key: string, limits: WindowLimits, lease: string, tokens: number): Promise<void> {
    const k = this.keys(key);
    const charged = limits.tokensPerMinute > 0 ? tokens : 0;
    const held = limits.concurrentRequests > 0 ? lease : '';
    if (charged === 0 && held === '') return;
    await this.connected();
    await this.redis.ktSettle(k.tokens, k.leases, charged, held);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  // The braces make one key's three Redis keys one hash slot, as Redis Cluster needs for a script.
  private keys(key: string) {
    const base = `${this.prefix}{${key}}`;
    return { requests: `${base}:requests`, tokens: `${base}:tokens`, leases: `${base}:leases` };
  }
}

function budget(limit: number, used: number, resetMs: number): Budget | undefined {
  if (limit === 0) return undefined;
  return { limit, remaining: Math.max(0, limit - used), resetMs };
}
