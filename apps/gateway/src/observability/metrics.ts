import type { AuditSink, AuditSinkStats } from '@keeptrusts/core';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AuditTrail } from '../audit-trail.js';
import type { TargetPool } from '../targets.js';
import { upstreamMs } from './request-log.js';

/** What the collectors read at scrape time: the gateway now serving (a reload swaps it). */
export interface MetricsSource {
  pool: TargetPool;
  sinks: readonly AuditSink[];
  sinkTypes: readonly string[];
  /** Requests accepted and not finished (open streams included). */
  inFlight(): number;
}

// The routes the gateway serves; any other path is `other`, so a client cannot mint label values.
const knownEndpoints = new Set([
  '/v1/chat/completions',
  '/v1/completions',
  '/v1/embeddings',
  '/v1/models',
  '/healthz',
  '/readyz',
  '/metrics',
]);

/** The `endpoint` label of a request path: a known route, `/v1/models/{id}`, or `other`. */
export function endpointLabel(path: string): string {
  if (knownEndpoints.has(path)) return path;
  if (path.startsWith('/v1/models/')) return '/v1/models/{id}';
  return 'other';
}

// OpenTelemetry's gen_ai.operation.name values for the three endpoints.
const operationNames: Record<string, string> = {
  '/v1/chat/completions': 'chat',
  '/v1/completions': 'text_completion',
  '/v1/embeddings': 'embeddings',
};

// Buckets that OpenTelemetry's GenAI semantic conventions advise for these instruments.
const durationBuckets = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];
const ttftBuckets = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
const tokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216];

/**
 * The gateway's Prometheus metrics (#13), in a registry of its own. Names follow the OpenTelemetry
 * GenAI semantic conventions where one exists, in Prometheus spelling (`gen_ai.client.token.usage`
 * is `gen_ai_client_token_usage`, seconds get `_seconds`); the rest are `keeptrusts_*`. Labels hold
 * configured names only (target ids, models, key ids, rule types), never a key or client text.
 * One instance lives across reloads, so counters do not restart.
 */
export class GatewayMetrics {
  readonly registry: Registry;
  private source: MetricsSource | undefined;
  private readonly requests: Counter<'endpoint' | 'target' | 'status' | 'error_code'>;
  private readonly duration: Histogram<'endpoint' | 'target'>;
  private readonly operation: Histogram<
    'gen_ai_operation_name' | 'gen_ai_provider_name' | 'gen_ai_request_model' | 'target' | 'error_type'
  >;
  private readonly ttft: Histogram<'gen_ai_operation_name' | 'gen_ai_request_model' | 'target'>;
  private readonly tokenUsage: Histogram<
    'gen_ai_operation_name' | 'gen_ai_provider_name' | 'gen_ai_request_model' | 'gen_ai_token_type' | 'target'
  >;
  private readonly tokens: Counter<'target' | 'key_id' | 'gen_ai_token_type'>;
  private readonly decisions: Counter<'rule_type' | 'action' | 'stage'>;
  private readonly policyCalls: Counter<'target' | 'outcome'>;
  private readonly policyCallDuration: Histogram<'target'>;
  private readonly policyCallTokens: Counter<'target' | 'gen_ai_token_type'>;
  private readonly upstreamInFlight: Gauge<'target'>;
  private readonly auditFailures: Counter<'sink'>;
  private readonly rateLimited: Counter<'key_id' | 'limit'>;
  private readonly storeErrors: Counter<'store'>;
  private readonly storeUp: Gauge<'store'>;
  private readonly failedOpen: Counter<'store'>;

  constructor() {
    const registry = new Registry();
    this.registry = registry;
    const registers = [registry];
    collectDefaultMetrics({ register: registry });
    this.requests = new Counter({
      name: 'keeptrusts_requests_total',
      help: 'Requests answered, by endpoint, target, HTTP status and error code ("" for none).',
      labelNames: ['endpoint', 'target', 'status', 'error_code'],
      registers,
    });
    this.duration = new Histogram({
      name: 'keeptrusts_request_duration_seconds',
      help: 'Time from a request’s arrival to its last byte (a stream’s end), as the gateway saw it.',
      labelNames: ['endpoint', 'target'],
      buckets: durationBuckets,
      registers,
    });
    this.operation = new Histogram({
      name: 'gen_ai_client_operation_duration_seconds',
      help: 'GenAI operation duration of the upstream call that answered (the gateway is its client).',
      labelNames: [
        'gen_ai_operation_name',
        'gen_ai_provider_name',
        'gen_ai_request_model',
        'target',
        'error_type',
      ],
      buckets: durationBuckets,
      registers,
    });
    this.ttft = new Histogram({
      name: 'gen_ai_server_time_to_first_token_seconds',
      help: 'Time from a streamed request’s arrival to the first chunk the client was sent.',
      labelNames: ['gen_ai_operation_name', 'gen_ai_request_model', 'target'],
      buckets: ttftBuckets,
      registers,
    });
    this.tokenUsage = new Histogram({
      name: 'gen_ai_client_token_usage',
      help: 'Tokens per request, input (prompt) and output (completion), as the upstream counted them.',
      labelNames: [
        'gen_ai_operation_name',
        'gen_ai_provider_name',
        'gen_ai_request_model',
        'gen_ai_token_type',
        'target',
      ],
      buckets: tokenBuckets,
      registers,
    });
    this.tokens = new Counter({
      name: 'keeptrusts_tokens_total',
      help: 'Tokens in and out by target and API key id ("" without keys).',
      labelNames: ['target', 'key_id', 'gen_ai_token_type'],
      registers,
    });
    this.decisions = new Counter({
      name: 'keeptrusts_policy_decisions_total',
      help: 'Policy rule decisions by rule type, action (allow, modify, block, error) and stage.',
      labelNames: ['rule_type', 'action', 'stage'],
      registers,
    });
    this.policyCalls = new Counter({
      name: 'keeptrusts_policy_model_calls_total',
      help: 'Calls policies made to a model target (guard models), by target and outcome (ok, error, timeout, aborted).',
      labelNames: ['target', 'outcome'],
      registers,
    });
    this.policyCallDuration = new Histogram({
      name: 'keeptrusts_policy_model_call_duration_seconds',
      help: 'How long calls policies made to a model target took, by target.',
      labelNames: ['target'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.policyCallTokens = new Counter({
      name: 'keeptrusts_policy_model_tokens_total',
      help: 'Tokens in and out of calls policies made to a model target, by target.',
      labelNames: ['target', 'gen_ai_token_type'],
      registers,
    });
    this.upstreamInFlight = new Gauge({
      name: 'keeptrusts_upstream_requests_in_flight',
      help: 'Upstream calls in progress (streams until their end), by target.',
      labelNames: ['target'],
      registers,
    });
    this.auditFailures = new Counter({
      name: 'keeptrusts_audit_write_failures_total',
      help: 'Audit records a sink refused or could not store.',
      labelNames: ['sink'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'keeptrusts_rate_limited_total',
      help: 'Requests refused with 429, by key id and the limit that refused (requests, tokens, concurrency).',
      labelNames: ['key_id', 'limit'],
      registers,
    });
    this.storeErrors = new Counter({
      name: 'keeptrusts_limits_store_errors_total',
      help: 'Calls to the limits store that failed or timed out.',
      labelNames: ['store'],
      registers,
    });
    this.storeUp = new Gauge({
      name: 'keeptrusts_limits_store_up',
      help: '1 while the limits store answers, 0 since its last call failed.',
      labelNames: ['store'],
      registers,
    });
    this.failedOpen = new Counter({
      name: 'keeptrusts_limits_fail_open_total',
      help: 'Requests served without a limit check because the store failed (on_store_error: fail_open).',
      labelNames: ['store'],
      registers,
    });
    const self = this;
    new Gauge({
      name: 'keeptrusts_requests_in_flight',
      help: 'Requests accepted and not yet finished, open streams included.',
      registers,
      collect() {
        this.set(self.source?.inFlight() ?? 0);
      },
    });
    new Gauge({
      name: 'keeptrusts_target_healthy',
      help: '1 when the target is in rotation, 0 when its health probe or a call took it out.',
      labelNames: ['target'],
      registers,
      collect() {
        this.reset();
        for (const t of self.source?.pool.targets ?? []) this.set({ target: t.config.id }, t.healthy ? 1 : 0);
      },
    });
    new Gauge({
      name: 'keeptrusts_audit_sink_healthy',
      help: '1 when the audit sink accepts records.',
      labelNames: ['sink'],
      registers,
      collect() {
        this.reset();
        const source = self.source;
        for (const [i, sink] of (source?.sinks ?? []).entries()) {
          this.set({ sink: source!.sinkTypes[i]! }, sink.healthy() ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'keeptrusts_audit_queue_records',
      help: 'Audit records taken by a sink and not yet stored.',
      labelNames: ['sink'],
      registers,
      collect() {
        this.reset();
        const source = self.source;
        for (const [i, sink] of (source?.sinks ?? []).entries()) {
          const stats = sink.stats?.();
          if (stats !== undefined) this.set({ sink: source!.sinkTypes[i]! }, stats.pendingRecords);
        }
      },
    });
    // A sink's local spool (sink: postgres while the database is down, #23): records, bytes, age.
    const spoolGauge = (
      name: string,
      help: string,
      read: (spool: NonNullable<AuditSinkStats['spool']>) => number,
    ) =>
      new Gauge({
        name,
        help,
        labelNames: ['sink'],
        registers,
        collect() {
          this.reset();
          const source = self.source;
          for (const [i, sink] of (source?.sinks ?? []).entries()) {
            const spool = sink.stats?.().spool;
            if (spool !== undefined) this.set({ sink: source!.sinkTypes[i]! }, read(spool));
          }
        },
      });
    spoolGauge(
      'keeptrusts_audit_spool_records',
      'Audit records kept in the local spool because the store cannot be reached; replayed in order when it answers.',
      (s) => s.records,
    );
    spoolGauge('keeptrusts_audit_spool_bytes', 'Size of the local audit spool file.', (s) => s.bytes);
    spoolGauge(
      'keeptrusts_audit_spool_age_seconds',
      'Age of the oldest record in the local audit spool (0 when it is empty).',
      (s) => s.oldestAgeSeconds,
    );
  }

  /** Points the scrape-time collectors at the gateway now serving. */
  bind(source: MetricsSource): void {
    this.source = source;
  }

  /** Counts one finished request. */
  finished(trail: AuditTrail): void {
    const r = trail.record;
    const endpoint = endpointLabel(r.endpoint);
    const target = r.target ?? '';
    this.requests.inc({ endpoint, target, status: r.status, error_code: r.error_code ?? '' });
    this.duration.observe({ endpoint, target }, r.latency_ms / 1000);
    for (const d of r.decisions) this.decisions.inc({ rule_type: d.rule, action: d.action, stage: d.stage });
    const operation = operationNames[endpoint];
    if (operation === undefined || r.target === null) return;
    const configured = this.source?.pool.get(r.target)?.config;
    const model = configured?.model ?? '';
    const provider = configured?.providerName ?? '';
    const upstream = upstreamMs(trail);
    if (upstream !== null) {
      const failed = r.status >= 500 && r.error_code !== 'client_closed';
      this.operation.observe(
        {
          gen_ai_operation_name: operation,
          gen_ai_provider_name: provider,
          gen_ai_request_model: model,
          target,
          error_type: failed ? (r.error_code ?? '') : '',
        },
        upstream / 1000,
      );
    }
    if (r.stream && r.ttfb_ms !== null) {
      this.ttft.observe(
        { gen_ai_operation_name: operation, gen_ai_request_model: model, target },
        r.ttfb_ms / 1000,
      );
    }
    if (r.usage !== null) {
      const labels = {
        gen_ai_operation_name: operation,
        gen_ai_provider_name: provider,
        gen_ai_request_model: model,
        target,
      };
      this.tokenUsage.observe({ ...labels, gen_ai_token_type: 'input' }, r.usage.prompt_tokens);
      const key_id = r.key_id ?? '';
      this.tokens.inc({ target, key_id, gen_ai_token_type: 'input' }, r.usage.prompt_tokens);
      if (r.usage.completion_tokens > 0 || operation !== 'embeddings') {
        this.tokenUsage.observe({ ...labels, gen_ai_token_type: 'output' }, r.usage.completion_tokens);
        this.tokens.inc({ target, key_id, gen_ai_token_type: 'output' }, r.usage.completion_tokens);
      }
    }
  }

  /** Counts one call a policy made to a model target (a guard model), with its tokens when it answered. */
  policyModelCall(
    target: string,
    outcome: 'ok' | 'error' | 'timeout' | 'aborted',
    seconds: number,
    usage?: { promptTokens: number; completionTokens: number },
  ): void {
    this.policyCalls.inc({ target, outcome });
    this.policyCallDuration.observe({ target }, seconds);
    if (usage !== undefined) {
      this.policyCallTokens.inc({ target, gen_ai_token_type: 'input' }, usage.promptTokens);
      this.policyCallTokens.inc({ target, gen_ai_token_type: 'output' }, usage.completionTokens);
    }
  }

  upstream(target: string, delta: 1 | -1): void {
    this.upstreamInFlight.inc({ target }, delta);
  }

  auditWriteFailed(sink: string): void {
    this.auditFailures.inc({ sink });
  }

  rateLimitedRequest(keyId: string, limit: 'requests' | 'tokens' | 'concurrency'): void {
    this.rateLimited.inc({ key_id: keyId, limit });
  }

  /** The limits store answered (`true`) or failed (`false`). */
  storeAnswered(store: string, ok: boolean): void {
    this.storeUp.set({ store }, ok ? 1 : 0);
    if (!ok) this.storeErrors.inc({ store });
  }

  servedWithoutLimits(store: string): void {
    this.failedOpen.inc({ store });
  }

  /** The Prometheus text exposition. */
  async text(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
