import type { AuditRecord } from '@keeptrusts/core';
import type { GatewayConfig } from '@keeptrusts/core/config';
import {
  type Attributes,
  type Context,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { TracerProvider } from '@opentelemetry/sdk-trace';
import type { TargetPool } from '../targets.js';
import { endpointLabel } from './metrics.js';

const operationNames: Record<string, string> = {
  '/v1/chat/completions': 'chat',
  '/v1/completions': 'text_completion',
  '/v1/embeddings': 'embeddings',
};

const headerGetter: TextMapGetter<Headers> = {
  keys: (headers) => [...headers.keys()],
  get: (headers, key) => headers.get(key) ?? undefined,
};

/**
 * OpenTelemetry traces (#13): one server span per request, with a child per policy pass and per
 * upstream call, GenAI attributes on both, exported by OTLP/HTTP (JSON) in batches. Built only when
 * `telemetry.otlp_endpoint` is set; without it no request carries a trace and nothing is paid.
 */
export class Tracing {
  /** The telemetry settings, so a reload with the same ones keeps this exporter. */
  readonly settings: string;
  private readonly provider: TracerProvider;
  private readonly tracer: Tracer;
  private readonly propagator: W3CTraceContextPropagator;
  private pool: TargetPool | undefined;

  /**
   * The tracing of a config, or undefined when `telemetry.otlp_endpoint` is not set. The SDK is
   * imported only then, so a gateway without traces does not load it.
   */
  static async create(config: GatewayConfig, previous?: Tracing): Promise<Tracing | undefined> {
    const { otlpEndpoint, serviceName, sampleRatio } = config.telemetry;
    if (otlpEndpoint === undefined) return undefined;
    const settings = JSON.stringify(config.telemetry);
    if (previous?.settings === settings) return previous;
    // The endpoint is the collector's root, as OTEL_EXPORTER_OTLP_ENDPOINT is; traces go to /v1/traces.
    const url = otlpEndpoint.endsWith('/v1/traces')
      ? otlpEndpoint
      : `${otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
    const [{ W3CTraceContextPropagator }, { OTLPTraceExporter }, { resourceFromAttributes }, sdk] =
      await Promise.all([
        import('@opentelemetry/core'),
        import('@opentelemetry/exporter-trace-otlp-http'),
        import('@opentelemetry/resources'),
        import('@opentelemetry/sdk-trace'),
      ]);
    const provider = new sdk.TracerProvider({
      resource: resourceFromAttributes({ 'service.name': serviceName }),
      sampler: new sdk.ParentBasedSampler({ root: new sdk.TraceIdRatioBasedSampler(sampleRatio) }),
      spanProcessors: [
        new sdk.BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }), scheduledDelayMillis: 1000 }),
      ],
    });
    return new Tracing(settings, provider, new W3CTraceContextPropagator());
  }

  private constructor(settings: string, provider: TracerProvider, propagator: W3CTraceContextPropagator) {
    this.settings = settings;
    this.provider = provider;
    this.propagator = propagator;
    this.tracer = provider.getTracer('@keeptrusts/gateway');
  }

  /** Points upstream spans at the targets of the gateway now serving. */
  bind(pool: TargetPool): void {
    this.pool = pool;
  }

  /** Starts a request's server span, continuing a client's W3C `traceparent` when it sent one. */
  begin(method: string, path: string, headers: Headers): RequestTrace {
    const parent = this.propagator.extract(ROOT_CONTEXT, headers, headerGetter);
    const route = endpointLabel(path);
    const span = this.tracer.startSpan(
      `${method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': method, 'http.route': route, 'url.path': path },
      },
      parent,
    );
    return new RequestTrace(this.tracer, span, trace.setSpan(parent, span), this.pool);
  }

  /** Sends what is batched, then stops. */
  async shutdown(): Promise<void> {
    await this.provider.shutdown();
  }
}

/** The spans of one request, driven by its audit trail. */
export class RequestTrace {
  private readonly tracer: Tracer;
  private readonly root: Span;
  private readonly context: Context;
  private readonly pool: TargetPool | undefined;
  private upstream: Span | undefined;

  constructor(tracer: Tracer, root: Span, context: Context, pool: TargetPool | undefined) {
    this.tracer = tracer;
    this.root = root;
    this.context = context;
    this.pool = pool;
  }

  /** Starts the span of a policy pass; call what it returns when the pass is done. */
  policies(stage: 'request' | 'response'): (outcome: { blocked?: unknown; decisions?: unknown[] }) => void {
    const span = this.tracer.startSpan(
      `policies ${stage}`,
      { kind: SpanKind.INTERNAL, attributes: { 'keeptrusts.policy.stage': stage } },
      this.context,
    );
    return (outcome) => {
      span.setAttribute('keeptrusts.policy.decisions', outcome.decisions?.length ?? 0);
      if (outcome.blocked !== undefined) span.setAttribute('keeptrusts.policy.blocked', true);
      span.end();
    };
  }

  /** Starts the span of an upstream call; a failover's next call ends the one before as failed. */
  upstreamBegan(targetId: string, endpoint: string): void {
    if (this.upstream !== undefined) {
      this.upstream.setStatus({ code: SpanStatusCode.ERROR, message: 'unreachable; failed over' });
      this.upstream.end();
    }
    const target = this.pool?.get(targetId)?.config;
    const operation = operationNames[endpoint] ?? 'chat';
    const attributes: Attributes = {
      'gen_ai.operation.name': operation,
      'keeptrusts.target': targetId,
    };
    if (target !== undefined) {
      attributes['gen_ai.provider.name'] = target.providerName;
      attributes['gen_ai.request.model'] = target.model;
      if (target.baseUrl !== undefined) {
        const url = new URL(target.baseUrl);
        attributes['server.address'] = url.hostname;
        attributes['server.port'] = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
      }
    }
    this.upstream = this.tracer.startSpan(
      `${operation} ${target?.model ?? targetId}`,
      { kind: SpanKind.CLIENT, attributes },
      this.context,
    );
  }

  /** Ends every span with the request's outcome; `upstreamEnd` is when the upstream's answer was complete. */
  finish(record: AuditRecord, upstreamEnd: number): void {
    const usage = record.usage;
    const failed = record.status >= 500 && record.error_code !== 'client_closed';
    if (this.upstream !== undefined) {
      const span = this.upstream;
      if (usage !== null) {
        span.setAttribute('gen_ai.usage.input_tokens', usage.prompt_tokens);
        span.setAttribute('gen_ai.usage.output_tokens', usage.completion_tokens);
      }
      if (record.finish_reason !== null)
        span.setAttribute('gen_ai.response.finish_reasons', [record.finish_reason]);
      if (failed && (record.error_code === 'upstream_error' || record.error_code === 'upstream_timeout')) {
        span.setAttribute('error.type', record.error_code);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end(upstreamEnd > 0 ? performance.timeOrigin + upstreamEnd : undefined);
    }
    const root = this.root;
    root.setAttribute('http.response.status_code', record.status);
    root.setAttribute('keeptrusts.request_id', record.request_id);
    if (record.key_id !== null) root.setAttribute('keeptrusts.key_id', record.key_id);
    if (record.target !== null) root.setAttribute('keeptrusts.target', record.target);
    const operation = operationNames[endpointLabel(record.endpoint)];
    if (operation !== undefined) root.setAttribute('gen_ai.operation.name', operation);
    if (record.model !== null) root.setAttribute('gen_ai.request.model', record.model);
    if (usage !== null) {
      root.setAttribute('gen_ai.usage.input_tokens', usage.prompt_tokens);
      root.setAttribute('gen_ai.usage.output_tokens', usage.completion_tokens);
    }
    if (record.error_code !== null) root.setAttribute('error.type', record.error_code);
    if (failed) root.setStatus({ code: SpanStatusCode.ERROR });
    root.end();
  }
}
