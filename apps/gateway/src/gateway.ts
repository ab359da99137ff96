import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type AuditSink, GatewayError, type OpenAIErrorBody, type PolicyChatResult } from '@keeptrusts/core';
import { createPolicyChain } from '@keeptrusts/core/chain';
import type { GatewayConfig, Registry } from '@keeptrusts/core/config';
import type { ChatCompletionRequest } from '@keeptrusts/core/wire';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AuditTrail } from './audit-trail.js';
import { KeyVerifier } from './auth.js';
import { createBrowserGuard } from './browser-guard.js';
import { createBuiltinRegistry } from './builtin-plugins.js';
import { clientClosedBody } from './client-closed.js';
import { createConsoleApp } from './console/console-app.js';
import { ConsoleState } from './console/console-state.js';
import type { GatewayDeps } from './deps.js';
import { startHealthProbes } from './health-probes.js';
import { resolveInstanceId } from './instance-id.js';
import { KeyLimiter } from './limits/key-limiter.js';
import { GatewayMetrics } from './observability/metrics.js';
import { createRequestObserver } from './observability/request-observer.js';
import { Tracing } from './observability/tracing.js';
import { embeddings } from './routes/embeddings.js';
import { generate } from './routes/generate.js';
import { getModel, listModels } from './routes/models.js';
import { parseListen } from './server.js';
import { type LiveTarget, TargetPool } from './targets.js';
import { createUrlHider } from './upstream-urls.js';

/** A running gateway: its Hono app and what it holds open. */
export interface Gateway {
  app: Hono<GatewayEnv>;
  /** The config it was built from; `startServer` takes its server timeouts from it. */
  config: GatewayConfig;
  /** This process's name among several behind one balancer (`server.instance_id`, `KT_INSTANCE_ID`, host-pid). */
  instanceId: string;
  deps: GatewayDeps;
  /** Its Prometheus metrics; a reloaded gateway keeps counting in the same ones. */
  metrics: GatewayMetrics;
  /** Per-key limits, or undefined when no key has one. */
  limiter: KeyLimiter | undefined;
  /** OpenTelemetry traces, or undefined when `telemetry.otlp_endpoint` is not set. */
  tracing: Tracing | undefined;
  /** One key per sink in `deps.sinks`: its type and settings, so a reload can reuse an unchanged one. */
  sinkKeys: readonly string[];
  /** The web console's state (sessions, live log), kept across reloads; undefined while it is off (#22). */
  console: ConsoleState | undefined;
  /** The console's app, mounted at `/console` unless `server.console.listen` gives it an address of its own. */
  consoleApp: Hono | undefined;
  /** Stops probes and flushes and closes the audit sinks. */
  close(): Promise<void>;
  /** Stops the health probes; a reloaded gateway runs its own. */
  stopProbes(): void;
  /**
   * Resolves once every request it took has handed its audit record to the sinks, or after
   * `timeoutMs`; a stream cut at shutdown writes its record when its body is cancelled.
   */
  recordsWritten(timeoutMs: number): Promise<void>;
  /** Flushes and closes the sinks `successor` does not reuse; call it once this gateway's requests are done. */
  retire(successor: Gateway): Promise<void>;
}

/** Hono variables each request carries. */
export interface GatewayEnv {
  Variables: { trail: AuditTrail; errorCode: string | null };
}

/** Minimal logger shape (pino's): the gateway logs start-up facts and bugs, never secrets. */
export interface Logger {
  debug?(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** pino's: lets the request log skip building lines nobody writes. */
  isLevelEnabled?(level: string): boolean;
}

/** What a client-sent X-Request-Id may be: an id, not a sentence or an address. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const silent: Logger = { info() {}, warn() {}, error() {} };

/** The default `env`: the process's environment. */
const processEnv = (name: string): string | undefined => process.env[name];

/**
 * Builds the gateway for a loaded config: provider instances per target, the policy chain,
 * the audit sinks and the OpenAI routes. Programs that compose their own gateway call this.
 */
export async function createGateway(options: {
  config: GatewayConfig;
  /**
   * The registry that loaded `config`. Targets, rules and sinks carry their plugins; the registry
   * finds the provider a target delegates to (`format: openai`). Default: the built-in plugins.
   */
  registry?: Registry;
  env?: (name: string) => string | undefined;
  logger?: Logger;
  probeIntervalMs?: number;
  /**
   * The gateway this one replaces on a reload: unchanged targets (with their health) and unchanged
   * audit sinks are taken over from it instead of being built again.
   */
  previous?: Gateway;
  /**
   * The address the server listens on, for the checks that keep browsers out of a gateway without
   * API keys; default the host of `server.listen`, else 127.0.0.1.
   */
  listenHost?: string;
}): Promise<Gateway> {
  const { config, previous } = options;
  const env = options.env ?? processEnv;
  const logger = options.logger ?? silent;
  const instanceId = resolveInstanceId(config, env);
  const pool = new TargetPool(config, env, options.registry ?? createBuiltinRegistry(), previous?.deps.pool);
  const metrics = previous?.metrics ?? new GatewayMetrics();
  const chain = await buildPolicyChain(config, pool, metrics);
  const sinks: AuditSink[] = [];
  const sinkKeys = config.sinks.map((sink) => `${sink.type} ${JSON.stringify(sink.config)}`);
  const opened: AuditSink[] = [];
  try {
    for (const [i, sink] of config.sinks.entries()) {
      const kept = previous?.sinkKeys.indexOf(sinkKeys[i]!) ?? -1;
      if (kept >= 0) {
        sinks.push(previous!.deps.sinks[kept]!);
        continue;
      }
      const warn = (message: string) => logger.warn({ sink: sink.type }, message);
      const created = await sink.definition.create(sink.config, {
        baseDir: config.baseDir,
        env,
        warn,
        instanceId,
      });
      opened.push(created);
      sinks.push(created);
    }
  } catch (error) {
    // A sink that did not start must not leave the ones opened here holding their files (and
    // locks); those taken over from the previous gateway stay with it.
    await Promise.allSettled(opened.map((s) => s.close()));
    throw error;
  }
  const keys = new KeyVerifier(config.auth.keys);
  const hideUrls = createUrlHider(pool.targets);
  const guard = createBrowserGuard({
    keysEnabled: keys.enabled,
    listenHost: options.listenHost ?? listenHostOf(config.server.listen),
    allowedHosts: config.server.allowedHosts,
  });
  const deps: GatewayDeps = {
    pool,
    chain,
    sinks,
    policyMode: config.server.policyMode,
    shutdownGraceSeconds: config.server.shutdownGraceSeconds,
    startedAt: previous?.deps.startedAt ?? Math.floor(Date.now() / 1000),
    clientBody(error, trail) {
      const body = error.toOpenAI();
      if (error.code !== 'upstream_error' && error.code !== 'upstream_timeout') return body;
      // The operator's log keeps the upstream's address; the client learns only the target's id.
      logger.warn(
        { request_id: trail.record.request_id, target: trail.record.target, err: error.message },
        'upstream failed',
      );
      return hideUrls(body, trail.record.target);
    },
    internalError(error, trail) {
      logger.error({ err: error, request_id: trail.record.request_id }, 'internal error');
      return new GatewayError(
        'internal_error',
        `the gateway failed to handle the request; quote request id ${trail.record.request_id} when reporting it`,
      ).toOpenAI();
    },
  };
  const limiter = await KeyLimiter.create(config, {
    logger,
    metrics,
    ...(previous?.limiter === undefined ? {} : { previous: previous.limiter }),
  });
  const consoleState = config.server.console.enabled
    ? (previous?.console ?? new ConsoleState(metrics.registry))
    : undefined;
  const requestObserver = createRequestObserver({ metrics, logger, limiter });
  const observer = consoleState?.observe(requestObserver) ?? requestObserver;
  const tracing = await Tracing.create(config, previous?.tracing);
  tracing?.bind(pool);
  const sinkTypes = config.sinks.map((s) => s.type);
  const stopProbes = startHealthProbes(pool, { intervalMs: options.probeIntervalMs ?? 10_000, logger });

  // Requests whose audit record is not written yet: shutdown waits for them before closing sinks.
  let openTrails = 0;
  let trailsDone: (() => void) | undefined;
  const onTrailFinished = () => {
    openTrails--;
    if (openTrails === 0) trailsDone?.();
  };

  const app = new Hono<GatewayEnv>();
  let consoleApp: Hono | undefined;
  if (consoleState !== undefined) {
    consoleState.bind(pool);
    consoleState.sessions.configure(config.auth.adminKeys, config.server.console.sessionMinutes);
    consoleApp = createConsoleApp({
      config,
      state: consoleState,
      pool,
      chain,
      metrics,
      env,
      logger,
    }) as unknown as Hono;
    // Registered first: console pages are not API requests, so they get no audit record or API-key check.
    if (config.server.console.listen === undefined) {
      const served = consoleApp;
      app.all('/console', (c) => c.redirect('/console/'));
      app.all('/console/*', (c) => served.fetch(c.req.raw, c.env));
    }
  }
  app.use('*', async (c, next) => {
    // A client's id is kept only when it looks like one: free text there would carry whatever a
    // client puts in it (personal data included) into logs and the audit trail.
    const sent = c.req.header('x-request-id');
    const requestId = sent !== undefined && REQUEST_ID.test(sent) ? sent : `req_${randomUUID()}`;
    const trail = new AuditTrail(
      { requestId, method: c.req.method, endpoint: c.req.path, client: clientAddress(c) },
      sinks,
      (error, sink) => {
        metrics.auditWriteFailed(sinkTypes[sinks.indexOf(sink)] ?? 'unknown');
        logger.error({ err: error, request_id: requestId }, 'audit sink refused a record');
      },
      onTrailFinished,
      observer,
    );
    if (tracing !== undefined) trail.trace = tracing.begin(c.req.method, c.req.path, c.req.raw.headers);
    openTrails++;
    c.set('trail', trail);
    c.set('errorCode', null);
    // Set before the answer exists, so c.json() writes it in; added to a finished Response, it
    // would turn @hono/node-server's lightweight answer into a full one with a stream body (#14).
    c.header('x-request-id', requestId);
    try {
      await next();
    } catch (thrown) {
      // Errors of the not-found handler arrive here, and Hono hands only Error instances to
      // onError: anything else (an abort reason is a string) would escape the app and lose the
      // audit record. Both get the same answer as onError gives.
      c.res = errorResponse(
        thrown instanceof Error ? thrown : new Error(String(thrown), { cause: thrown }),
        c,
      );
    }
    // Answers built without the context (SSE streams) do not carry it yet.
    if (c.res.headers.get('x-request-id') === null) c.header('x-request-id', requestId);
    if (!c.res.headers.get('content-type')?.startsWith('text/event-stream')) {
      // Under a durable sink (fsync: always) the answer leaves only once its record is stored.
      await trail.finish(c.res.status, c.get('errorCode'));
      if (trail.durabilityFailed && failClosed.length > 0) {
        c.res = c.json(auditUnavailable().toOpenAI(), 503);
      }
    }
  });
  app.use('*', async (c, next) => {
    // Probes of load balancers and orchestrators address the gateway by whatever IP they see.
    if (c.req.path !== '/healthz' && c.req.path !== '/readyz') {
      guard.check({
        method: c.req.method,
        // In-process callers (app.request) send no Host header; their URL names the host.
        host: c.req.header('host') ?? new URL(c.req.url).host,
        origin: c.req.header('origin'),
        contentType: c.req.header('content-type'),
      });
    }
    await next();
  });
  const tooLarge = () => {
    throw new GatewayError(
      'request_too_large',
      `the body is larger than ${config.server.bodyLimitBytes} bytes`,
    );
  };
  const limitBody = bodyLimit({ maxSize: config.server.bodyLimitBytes, onError: tooLarge });
  app.use('/v1/*', (c, next) => {
    // A declared length is checked here: hono's bodyLimit would first turn @hono/node-server's
    // lightweight request into a full Request with a web stream body (#14), only to read the same
    // header. Chunked bodies, and the rest, go through bodyLimit, which counts what arrives.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > config.server.bodyLimitBytes ? tooLarge() : next();
    }
    return limitBody(c, next);
  });
  const failClosed = sinks.filter((s) => s.failClosed === true);
  app.use('/v1/*', async (c, next) => {
    if (failClosed.some((s) => !s.healthy())) throw auditUnavailable();
    if (keys.enabled) c.get('trail').record.key_id = keys.verify(c.req.header('authorization'));
    await next();
  });

  if (limiter !== undefined) {
    app.use('/v1/*', async (c, next) => {
      if (c.req.method !== 'POST' || !limitedPaths.has(c.req.path)) return next();
      const verdict = await limiter.admit(c.get('trail'), keys.enabled);
      if (verdict.refusal !== undefined) {
        c.set('errorCode', verdict.refusal.body.error.code);
        for (const [name, value] of verdict.headers) c.header(name, value);
        return c.json(verdict.refusal.body, verdict.refusal.status);
      }
      await next();
      for (const [name, value] of verdict.headers) c.header(name, value);
    });
  }

  app.post('/v1/chat/completions', (c) => generate('chat', c, deps, c.get('trail')));
  app.post('/v1/completions', (c) => generate('completion', c, deps, c.get('trail')));
  app.post('/v1/embeddings', (c) => embeddings(c, deps, c.get('trail')));
  app.get('/v1/models', (c) => listModels(c, deps));
  app.get('/v1/models/*', (c) => getModel(c, deps));
  for (const path of ['/v1/chat/completions', '/v1/completions', '/v1/embeddings', '/v1/models']) {
    app.all(path, () => {
      throw new GatewayError('method_not_allowed', `${path} does not accept this method`);
    });
  }
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // On the main listener /metrics asks for an API key like /v1 does when keys are configured;
  // server.metrics_listen serves it without one, on an address of its own.
  app.get('/metrics', async (c) => {
    if (keys.enabled) c.get('trail').record.key_id = keys.verify(c.req.header('authorization'));
    const { body, contentType } = await metrics.text();
    return c.body(body, 200, { 'content-type': contentType });
  });
  app.get('/readyz', (c) => {
    const targets = pool.targets.map((t) => ({ id: t.config.id, healthy: t.healthy }));
    const audit = sinks.map((s, i) => ({ sink: config.sinks[i]?.type, healthy: s.healthy() }));
    const ready = audit.every((a) => a.healthy) && targets.some((t) => t.healthy);
    return c.json(
      { status: ready ? 'ready' : 'unavailable', instance_id: instanceId, targets, audit },
      ready ? 200 : 503,
    );
  });

  app.notFound(() => {
    throw new GatewayError(
      'not_found',
      'no such route; the API lives under /v1 (e.g. POST /v1/chat/completions)',
    );
  });
  const errorResponse = (error: Error, c: Context<GatewayEnv>): Response => {
    const trail = c.get('trail');
    let status: number;
    let body: OpenAIErrorBody;
    if (c.req.raw.signal.aborted) {
      // The client went away (whatever the call it cut short threw); nobody reads this answer,
      // but the audit record says what happened.
      status = 499;
      body = clientClosedBody();
    } else if (error instanceof GatewayError) {
      status = error.status;
      body = deps.clientBody(error, trail);
    } else {
      status = 500;
      body = deps.internalError(error, trail);
    }
    c.set('errorCode', body.error.code);
    // The body of a 413 was not read (and will not be): the connection cannot carry another request.
    if (body.error.code === 'request_too_large') c.header('connection', 'close');
    return c.json(body, status as 400);
  };
  app.onError(errorResponse);

  metrics.bind({ pool, sinks, sinkTypes, inFlight: () => openTrails });
  return {
    app,
    config,
    instanceId,
    deps,
    metrics,
    limiter,
    tracing,
    sinkKeys,
    console: consoleState,
    consoleApp,
    async close() {
      stopProbes();
      await Promise.all([...sinks.map((s) => s.close()), limiter?.close(), tracing?.shutdown()]);
    },
    stopProbes,
    async recordsWritten(timeoutMs) {
      if (openTrails === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        trailsDone = resolve;
        timer = setTimeout(resolve, timeoutMs);
      });
      clearTimeout(timer);
      trailsDone = undefined;
    },
    async retire(successor) {
      stopProbes();
      if (limiter !== undefined && successor.limiter?.store !== limiter.store) await limiter.close();
      if (tracing !== undefined && successor.tracing !== tracing) await tracing.shutdown();
      await Promise.all(sinks.filter((s) => !successor.deps.sinks.includes(s)).map((s) => s.close()));
    },
  };
}

/**
 * Builds, from the config alone, what `kt gateway run` builds before it opens anything: each
 * target's provider and each rule's policy. Throws the error that would stop the gateway (a guard
 * rule naming a target of the wrong kind, a plugin refusing its settings at create time); opens no
 * audit sink, limit store, trace exporter or socket. `kt config validate` runs it.
 */
export async function checkBuildable(options: {
  config: GatewayConfig;
  registry?: Registry;
  env?: (name: string) => string | undefined;
}): Promise<void> {
  const env = options.env ?? processEnv;
  const pool = new TargetPool(options.config, env, options.registry ?? createBuiltinRegistry());
  await buildPolicyChain(options.config, pool, new GatewayMetrics());
}

// The policy chain of a config, its model-calling rules wired to the pool's targets.
function buildPolicyChain(config: GatewayConfig, pool: TargetPool, metrics: GatewayMetrics) {
  const embeddingTargets = pool.targets.filter((t) => t.config.kind === 'embedding');
  const chatTargets = pool.targets.filter((t) => t.config.kind === 'chat');
  return createPolicyChain(config.policies, {
    chatTargets: chatTargets.map((t) => t.config.id),
    // Guard models answer through the target's own provider instance, never through the chain.
    chat: (targetId, request, signal) => {
      const target = chatTargets.find((t) => t.config.id === targetId);
      if (target === undefined) throw new Error(`"${targetId}" is not a chat target`);
      return policyChat(target, request, signal, metrics);
    },
    embeddingTargets: embeddingTargets.map((t) => t.config.id),
    // Semantic detectors embed through a configured embedding target, like any client would.
    async embed(targetId, texts, signal) {
      const target = embeddingTargets.find((t) => t.config.id === targetId);
      if (target === undefined) throw new Error(`"${targetId}" is not an embedding target`);
      const timeout = AbortSignal.timeout(target.config.timeoutSeconds * 1000);
      const result = await target.provider.embedding(
        { model: target.config.model, input: [...texts] },
        {
          signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
          model: target.config.model,
        },
      );
      return result.embeddings;
    },
  });
}

// One call a policy makes to a chat target, bounded by the target's timeout, counted in metrics.
async function policyChat(
  target: LiveTarget,
  request: {
    messages: readonly { role: 'system' | 'user' | 'assistant'; content: string }[];
    maxTokens?: number;
  },
  signal: AbortSignal,
  metrics: GatewayMetrics,
): Promise<PolicyChatResult> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(target.config.timeoutSeconds * 1000);
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const result = await target.provider.chat(
      {
        model: target.config.model,
        messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
        stream: false,
        temperature: 0,
        ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
      } as ChatCompletionRequest,
      { signal: AbortSignal.any([signal, timeout]), model: target.config.model },
    );
    const usage = {
      promptTokens: result.usage.prompt_tokens,
      completionTokens: result.usage.completion_tokens,
    };
    metrics.policyModelCall(target.config.id, 'ok', seconds(), usage);
    return { text: result.content, usage };
  } catch (error) {
    // The policy's own deadline (AbortSignal.timeout) is a time-out too, not a client's abort.
    const timedOut =
      timeout.aborted ||
      (signal.aborted && (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError') ||
      (error instanceof GatewayError && error.code === 'upstream_timeout');
    const outcome = timedOut ? 'timeout' : signal.aborted ? 'aborted' : 'error';
    metrics.policyModelCall(target.config.id, outcome, seconds());
    throw error;
  }
}

// The endpoints that reach a model, and so spend a key's budgets.
const limitedPaths = new Set(['/v1/chat/completions', '/v1/completions', '/v1/embeddings']);

function clientAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

function listenHostOf(listen: string | undefined): string {
  if (listen === undefined) return '127.0.0.1';
  try {
    return parseListen(listen).host;
  } catch {
    return '127.0.0.1';
  }
}

function auditUnavailable(): GatewayError {
  return new GatewayError(
    'audit_unavailable',
    'the audit log cannot be written, and it fails closed: no request is served unaudited',
  );
}
