import type { IssueLog } from './issue-log.js';
import type { Salvaged } from './salvage.js';
import type { GatewayConfig, Origin } from './types.js';
import type { WrittenConfig } from './written.js';

// The gateway's own server defaults.
const serverDefaults = {
  bodyLimitBytes: 1024 * 1024,
  shutdownGraceSeconds: 30,
  requestTimeoutSeconds: 30,
  headersTimeoutSeconds: 10,
  limitKeyPrefix: 'kt:limits:',
  limitStoreTimeoutMs: 250,
  consoleSessionMinutes: 8 * 60,
} as const;

/** The `server` settings of every file, each written scalar overriding an earlier file's. */
export class ServerSettings {
  readonly server: GatewayConfig['server'] = {
    listen: undefined,
    instanceId: undefined,
    metricsListen: undefined,
    limits: {
      store: 'memory',
      redisUrl: undefined,
      keyPrefix: serverDefaults.limitKeyPrefix,
      onStoreError: 'fail_closed',
      storeTimeoutMs: serverDefaults.limitStoreTimeoutMs,
    },
    bodyLimitBytes: serverDefaults.bodyLimitBytes,
    policyMode: 'auto',
    shutdownGraceSeconds: serverDefaults.shutdownGraceSeconds,
    allowedHosts: [],
    requestTimeoutSeconds: serverDefaults.requestTimeoutSeconds,
    headersTimeoutSeconds: serverDefaults.headersTimeoutSeconds,
    console: {
      enabled: false,
      listen: undefined,
      showContent: false,
      sessionMinutes: serverDefaults.consoleSessionMinutes,
    },
  };
  private consoleOrigin: Origin | undefined;
  private headersTimeoutOrigin: Origin | undefined;
  private limitsOrigin: Origin | undefined;
  // A redis_url written but refused by its schema was reported already; it is not missing.
  private redisUrlWritten = false;

  /** Takes one file's `server`; `raw` is the file as parsed, before its schema dropped anything. */
  add(written: Salvaged<WrittenConfig>, file: string, raw?: Record<string, unknown>): void {
    const server = written.server;
    const into = this.server;
    if (server?.listen !== undefined) into.listen = server.listen;
    if (server?.instance_id !== undefined) into.instanceId = server.instance_id;
    if (server?.metrics_listen !== undefined) into.metricsListen = server.metrics_listen;
    if (server?.limits !== undefined) {
      const limits = into.limits;
      this.limitsOrigin = { file, path: ['server', 'limits'] };
      const rawLimits = (raw?.server as { limits?: { redis_url?: unknown } } | undefined)?.limits;
      this.redisUrlWritten ||= rawLimits?.redis_url !== undefined;
      limits.store = server.limits.store ?? limits.store;
      limits.redisUrl = server.limits.redis_url ?? limits.redisUrl;
      limits.keyPrefix = server.limits.key_prefix ?? limits.keyPrefix;
      limits.onStoreError = server.limits.on_store_error ?? limits.onStoreError;
      limits.storeTimeoutMs = server.limits.store_timeout_ms ?? limits.storeTimeoutMs;
    }
    if (server?.body_limit !== undefined) into.bodyLimitBytes = parseSize(server.body_limit);
    if (server?.request_timeout_seconds !== undefined) {
      into.requestTimeoutSeconds = server.request_timeout_seconds;
    }
    if (server?.headers_timeout_seconds !== undefined) {
      into.headersTimeoutSeconds = server.headers_timeout_seconds;
      this.headersTimeoutOrigin = { file, path: ['server', 'headers_timeout_seconds'] };
    }
    if (server?.streaming?.policy_mode !== undefined) into.policyMode = server.streaming.policy_mode;
    if (server?.shutdown_grace_seconds !== undefined) {
      into.shutdownGraceSeconds = server.shutdown_grace_seconds;
    }
    if (server?.allowed_hosts !== undefined) into.allowedHosts = server.allowed_hosts;
    if (server?.console !== undefined) {
      // Writing the section turns the console on; `enabled: false` keeps it written but off.
      const console = into.console;
      console.enabled = server.console.enabled ?? true;
      console.listen = server.console.listen ?? console.listen;
      console.showContent = server.console.show_content ?? console.showContent;
      console.sessionMinutes = server.console.session_minutes ?? console.sessionMinutes;
      this.consoleOrigin = { file, path: ['server', 'console'] };
    }
  }

  /**
   * Settles the headers timeout once every file is in. The headers are part of the request (Node
   * refuses a longer headers timeout): an unset one follows a short request timeout, a written one
   * must fit in it.
   */
  finish(log: IssueLog, auth: Pick<GatewayConfig['auth'], 'adminKeys'>): GatewayConfig['server'] {
    if (this.server.console.enabled && auth.adminKeys.length === 0) {
      log.report(
        this.consoleOrigin!,
        ['enabled'],
        'the console needs at least one key under auth.admin_keys to sign in with (kt keys create --id admin prints one); API keys never open it',
      );
    }
    const timeouts = this.server;
    if (this.headersTimeoutOrigin === undefined) {
      timeouts.headersTimeoutSeconds = Math.min(
        timeouts.headersTimeoutSeconds,
        timeouts.requestTimeoutSeconds,
      );
    } else if (timeouts.headersTimeoutSeconds > timeouts.requestTimeoutSeconds) {
      log.report(
        this.headersTimeoutOrigin,
        [],
        `expected at most server.request_timeout_seconds (${timeouts.requestTimeoutSeconds}), got ${timeouts.headersTimeoutSeconds}: the headers are part of the request`,
      );
    }
    const limits = this.server.limits;
    if (this.limitsOrigin !== undefined && limits.store === 'redis' && !this.redisUrlWritten) {
      log.report(
        this.limitsOrigin,
        ['store'],
        'store: redis needs server.limits.redis_url, such as redis://127.0.0.1:6379 (${REDIS_URL} reads it from the environment)',
      );
    } else if (
      this.limitsOrigin !== undefined &&
      limits.store === 'memory' &&
      limits.redisUrl !== undefined
    ) {
      log.report(
        this.limitsOrigin,
        ['redis_url'],
        'redis_url is set but the limits live in memory: add store: redis to share them through Redis, or remove redis_url',
      );
    }
    return this.server;
  }
}

/** `body_limit` in bytes: a number of bytes, or a size the schema accepted such as `1mb` or `512kib`. */
export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib)$/i.exec(value)!;
  const units: Record<string, number> = { b: 1, kb: 1000, kib: 1024, mb: 1000 ** 2, mib: 1024 ** 2 };
  return Math.round(Number(match[1]) * units[match[2]!.toLowerCase()]!);
}
