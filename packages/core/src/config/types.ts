import type {
  AuditSinkDefinition,
  EndpointKind,
  PolicyDefinition,
  ProviderDefinition,
} from '../plugin/types.js';

/** Where a config item was written, so later checks can point at it. */
export interface Origin {
  file: string;
  path: readonly (string | number)[];
}

/**
 * A provider target, defaults applied (the seed's Provider Fields table, with `base_url` and
 * `secret_key_ref` defaulted by the provider). `options` holds the provider's own fields, parsed by
 * its `configSchema`.
 */
export interface TargetConfig<Options = unknown> {
  id: string;
  /** The provider name as written in the provider string: the provider's name or one of its aliases. */
  providerName: string;
  /** The provider plugin the name resolved to. */
  definition: ProviderDefinition<Options>;
  /** The provider string as written. */
  provider: string;
  kind: EndpointKind;
  model: string;
  /** The server's root without a trailing slash; undefined when neither written nor defaulted (an in-process provider). */
  baseUrl: string | undefined;
  /** Environment variable holding the upstream bearer token; undefined when neither written nor defaulted. */
  secretKeyEnv: string | undefined;
  timeoutSeconds: number;
  streamTimeoutSeconds: number;
  maxContextTokens: number | undefined;
  description: string | undefined;
  weight: number;
  healthProbe: boolean;
  /** The provider's own target fields, as its `configSchema` parsed them. */
  options: Options;
  origin: Origin;
}

/** One rule of a policy, its config already parsed by the plugin's schema. */
export interface RuleConfig {
  type: string;
  definition: PolicyDefinition<unknown>;
  config: unknown;
  origin: Origin;
}

/** A policy: an ordered group of rules with an optional scope. */
export interface PolicyConfig {
  id: string;
  description: string | undefined;
  /** Endpoint kinds the policy acts on; undefined means each rule's plugin default (all kinds). */
  appliesTo: readonly EndpointKind[] | undefined;
  /** Target ids the policy acts on; undefined means all. */
  targets: readonly string[] | undefined;
  rules: RuleConfig[];
  origin: Origin;
}

/** An audit sink named in `policies.chain`, its settings parsed by the sink's schema. */
export interface SinkConfig {
  type: string;
  definition: AuditSinkDefinition<unknown>;
  config: unknown;
  origin: Origin;
}

/** A routing rule: requests whose metadata matches go to one of `targets`. */
export interface RouteRule {
  metadata: Readonly<Record<string, readonly string[]>>;
  endpoint: EndpointKind | undefined;
  model: string | undefined;
  targets: readonly string[];
  origin: Origin;
}

/** An API key the gateway accepts, stored as a hash. */
export interface ApiKeyConfig {
  id: string;
  /** Hex SHA-256 of the key. */
  sha256: string;
  description: string | undefined;
  /** The key's own limits; undefined means `auth.default_limits` apply. */
  limits: KeyLimits | undefined;
}

/** Per-key budgets; an undefined field does not limit. */
export interface KeyLimits {
  requestsPerMinute: number | undefined;
  tokensPerMinute: number | undefined;
  concurrentRequests: number | undefined;
}

/** `server.limits`: where the budgets live and what a store outage does. */
export interface LimitStoreConfig {
  store: 'memory' | 'redis';
  /** Set when `store` is redis. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key the limits use. */
  keyPrefix: string;
  /** What a request gets while the store cannot be reached: served unlimited, or a 503. */
  onStoreError: 'fail_open' | 'fail_closed';
  /** How long a store call may take before it counts as an outage. */
  storeTimeoutMs: number;
}

/** `server.streaming.policy_mode`: `auto` when not written, else the operator's override. */
export type StreamPolicyMode = 'auto' | 'buffered' | 'incremental';

/** The whole configuration after loading, merging and validation. */
export interface GatewayConfig {
  files: readonly string[];
  /** Directory of the first file; relative paths in plugin settings resolve against it. */
  baseDir: string;
  packs: readonly { name: string; version: string; enabled: boolean; file: string }[];
  targets: TargetConfig[];
  policies: PolicyConfig[];
  sinks: SinkConfig[];
  routing: { rules: RouteRule[]; defaultTargets: readonly string[] | undefined };
  plugins: readonly string[];
  /** `telemetry`: OpenTelemetry traces, off while `otlpEndpoint` is undefined (#13). */
  telemetry: { otlpEndpoint: string | undefined; serviceName: string; sampleRatio: number };
  auth: {
    keys: ApiKeyConfig[];
    allowUnauthenticated: boolean;
    configured: boolean;
    /** Limits of keys without their own, and of every request when no keys are configured. */
    defaultLimits: KeyLimits | undefined;
    /** `auth.admin_keys`: the keys that open the web console; API keys never do. */
    adminKeys: AdminKeyConfig[];
  };
  server: {
    listen: string | undefined;
    /** `server.instance_id` as written; the gateway falls back to `KT_INSTANCE_ID`, then host name and pid. */
    instanceId: string | undefined;
    /** A second address serving only `GET /metrics`, without API keys; undefined when not written. */
    metricsListen: string | undefined;
    limits: LimitStoreConfig;
    bodyLimitBytes: number;
    /** How long a client has to send a whole request, headers and body; then it gets a 408. */
    requestTimeoutSeconds: number;
    /** How long a client has to send the request headers; at most `requestTimeoutSeconds`. */
    headersTimeoutSeconds: number;
    /**
     * How streamed answers meet the response rules. `auto` (not written) decides per target: pass-through
     * when no response rule applies, incremental when every one streams exactly, else buffered.
     */
    policyMode: StreamPolicyMode;
    /** How long SIGTERM waits for requests and streams in flight before it ends them. */
    shutdownGraceSeconds: number;
    /**
     * Host names (of the Host and Origin headers) a gateway without API keys answers besides its
     * loopback names; see `browserGuard`. Empty when not written.
     */
    allowedHosts: string[];
    /** `server.console`: the operators' web console (#22), off unless `enabled`. */
    console: ConsoleConfig;
  };
}

/** An admin key: it signs in to the web console and is stored as a hash, like an API key. */
export interface AdminKeyConfig {
  id: string;
  /** Hex SHA-256 of the key. */
  sha256: string;
  description: string | undefined;
}

/** `server.console`: where the web console is served and what it may show. */
export interface ConsoleConfig {
  enabled: boolean;
  /** An address of its own; undefined serves it at `/console` on `server.listen`. */
  listen: string | undefined;
  /** Show prompt and answer text when the audit log stores it (`log_content`); default false. */
  showContent: boolean;
  /** How long a sign-in lasts. */
  sessionMinutes: number;
}
