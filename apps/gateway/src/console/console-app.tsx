/** @jsxImportSource hono/jsx */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PolicyChain } from '@keeptrusts/core/chain';
import type { GatewayConfig } from '@keeptrusts/core/config';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Logger } from '../gateway.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { TargetPool } from '../targets.js';
import { type AuditQuery, auditLocation, searchAudit, toCsv, verifyAudit } from './audit-search.js';
import type { ConsoleState } from './console-state.js';
import { AuditPage, KeysPage, PoliciesPage } from './more-pages.js';
import {
  BASE,
  decisionText,
  LoginPage,
  OverviewPage,
  RequestPage,
  RequestsPage,
  TargetsPage,
} from './pages.js';
import type { RequestSummary } from './request-feed.js';
import { type ConsoleSession, csrfMatches, SESSION_COOKIE } from './sessions.js';

/** What the console reads: the gateway now serving and the state kept across reloads. */
export interface ConsoleDeps {
  config: GatewayConfig;
  state: ConsoleState;
  pool: TargetPool;
  chain: PolicyChain;
  metrics: GatewayMetrics;
  env: (name: string) => string | undefined;
  logger: Logger;
}

type ConsoleEnv = { Variables: { session: ConsoleSession } };

// Scripts and styles only from the gateway itself; nothing inline, no frames, no other origin.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const require = createRequire(import.meta.url);
const assetFiles: Record<string, { path: () => string; type: string }> = {
  'console.js': { path: () => ownAsset('console.js'), type: 'text/javascript; charset=utf-8' },
  'console.css': { path: () => ownAsset('console.css'), type: 'text/css; charset=utf-8' },
  'uPlot.iife.min.js': {
    path: () => require.resolve('uplot/dist/uPlot.iife.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'uPlot.min.css': {
    path: () => require.resolve('uplot/dist/uPlot.min.css'),
    type: 'text/css; charset=utf-8',
  },
};
const assetCache = new Map<string, Buffer>();

function ownAsset(name: string): string {
  // src/console and dist/console both sit two levels below the package root.
  return new URL(`../../console-assets/${name}`, import.meta.url).pathname;
}

/**
 * The operators' web console (#22), served at `/console`: server-rendered pages (hono/jsx) and a
 * small script that keeps them live over SSE. Every page but sign-in needs a session; every change
 * needs the session's CSRF token as well.
 */
export function createConsoleApp(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const { config, state, pool, chain, metrics } = deps;
  const { sessions, feed } = state;
  const audit = auditLocation(config);
  const showContent = config.server.console.showContent;
  // Not strict: /console and /console/, /console/targets and /console/targets/ are the same page.
  const app = new Hono<ConsoleEnv>({ strict: false }).basePath(BASE);

  app.use('*', async (c, next) => {
    await next();
    c.header('content-security-policy', CSP);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-frame-options', 'DENY');
    c.header('cross-origin-opener-policy', 'same-origin');
    if (!c.req.path.startsWith(`${BASE}/assets/`)) c.header('cache-control', 'no-store');
  });

  app.get('/assets/:name', async (c) => {
    const asset = assetFiles[c.req.param('name')];
    if (asset === undefined) return c.text('no such asset', 404);
    let body = assetCache.get(c.req.param('name'));
    if (body === undefined) {
      body = await readFile(asset.path());
      assetCache.set(c.req.param('name'), body);
    }
    return c.body(new Uint8Array(body), 200, { 'content-type': asset.type, 'cache-control': 'max-age=300' });
  });

  app.get('/login', (c) =>
    sessions.get(getCookie(c, SESSION_COOKIE)) ? c.redirect(`${BASE}/`) : c.html(<LoginPage />),
  );

  app.post('/api/login', async (c) => {
    const refused = crossSite(c);
    if (refused !== undefined) return refused;
    const body = (await c.req.json().catch(() => undefined)) as { key?: unknown } | undefined;
    const key = typeof body?.key === 'string' ? body.key.trim() : '';
    const adminId = key === '' ? undefined : sessions.adminFor(key);
    if (adminId === undefined) {
      deps.logger.warn({ client: c.req.header('x-forwarded-for') ?? null }, 'console sign-in refused');
      return c.json(
        {
          error: {
            message: 'not an admin key (API keys do not open the console)',
            code: 'invalid_admin_key',
          },
        },
        401,
      );
    }
    const { id } = sessions.open(adminId);
    setCookie(c, SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: 'Strict',
      path: BASE,
      maxAge: sessions.maxAgeSeconds,
      secure: new URL(c.req.url).protocol === 'https:',
    });
    deps.logger.info({ admin: adminId }, 'console sign-in');
    return c.json({ ok: true });
  });

  // Everything below needs a session; changes need its CSRF token too.
  app.use('*', async (c, next) => {
    const session = sessions.get(getCookie(c, SESSION_COOKIE));
    const api = c.req.path.startsWith(`${BASE}/api/`);
    if (session === undefined) {
      if (!api && c.req.method === 'GET') return c.redirect(`${BASE}/login`);
      return c.json(
        { error: { message: 'sign in to the console first', code: 'console_session_required' } },
        401,
      );
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const refused = crossSite(c);
      if (refused !== undefined) return refused;
      if (!csrfMatches(session, c.req.header('x-csrf-token'))) {
        return c.json(
          { error: { message: 'missing or wrong X-CSRF-Token', code: 'csrf_token_invalid' } },
          403,
        );
      }
    }
    c.set('session', session);
    await next();
  });

  app.post('/api/logout', (c) => {
    sessions.close(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: BASE });
    return c.json({ ok: true });
  });

  const who = (c: Context<ConsoleEnv>) => ({ csrf: c.get('session').csrf, admin: c.get('session').adminId });

  app.get('/', async (c) => c.html(<OverviewPage tick={await state.current()} {...who(c)} />));

  app.get('/targets', async (c) => {
    const models = new Map<string, string[] | string>();
    await Promise.all(
      pool.targets.map(async (t) => {
        try {
          const list = await t.provider.listModels(AbortSignal.timeout(2000));
          models.set(
            t.config.id,
            list.map((m) => m.id),
          );
        } catch (error) {
          models.set(t.config.id, `unavailable: ${(error as Error).message}`);
        }
      }),
    );
    return c.html(<TargetsPage targets={state.targets()} models={models} {...who(c)} />);
  });

  app.get('/requests', (c) => c.html(<RequestsPage recent={feed.recent(200)} {...who(c)} />));

  app.get('/requests/:id', async (c) => {
    const id = c.req.param('id');
    const live = feed.find(id);
    let record = live?.record as (Record<string, unknown> & Partial<RequestSummary['record']>) | undefined;
    if (record === undefined && audit !== undefined) {
      record = (await searchAudit(audit, { requestId: id }, 1)).records[0] as typeof record;
    }
    if (record === undefined)
      return c.text(`request ${id} is neither in the live log nor in the audit log`, 404);
    return c.html(
      <RequestPage record={record} attempts={live?.attempts} showContent={showContent} {...who(c)} />,
    );
  });

  app.get('/audit', async (c) => {
    const unavailable =
      audit === undefined
        ? 'No file audit log is configured (policies.chain has no audit-logger writing files): there is nothing to search.'
        : undefined;
    const query = auditQuery(c);
    const verify =
      audit !== undefined && c.req.query('verify') === '1' ? await verifyAudit(audit, deps.env) : undefined;
    const result = audit === undefined ? undefined : await searchAudit(audit, query, 500);
    return c.html(
      <AuditPage
        query={query}
        search={searchString(c)}
        result={result}
        verify={verify}
        unavailable={unavailable}
        {...who(c)}
      />,
    );
  });

  app.get('/api/audit/export', async (c) => {
    if (audit === undefined)
      return c.json({ error: { message: 'no file audit log is configured', code: 'not_found' } }, 404);
    const format = c.req.query('format') === 'csv' ? 'csv' : 'jsonl';
    const { records } = await searchAudit(audit, auditQuery(c), 100_000);
    const body = format === 'csv' ? toCsv(records) : records.map((r) => `${JSON.stringify(r)}\n`).join('');
    return c.body(body, 200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="audit.${format}"`,
    });
  });

  app.get('/policies', async (c) => {
    const hits = new Map<string, Record<string, number>>();
    const counter = metrics.registry.getSingleMetric('keeptrusts_policy_decisions_total');
    for (const v of (await counter?.get())?.values ?? []) {
      const rule = String(v.labels.rule_type);
      const actions = hits.get(rule) ?? {};
      actions[String(v.labels.action)] = (actions[String(v.labels.action)] ?? 0) + v.value;
      hits.set(rule, actions);
    }
    const targets = pool.targets.filter((t) => t.config.kind === 'chat').map((t) => t.config.id);
    return c.html(<PoliciesPage policies={config.policies} hits={hits} targets={targets} {...who(c)} />);
  });

  app.post('/api/playground', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as
      | { text?: unknown; target?: unknown }
      | undefined;
    const target = pool.get(typeof body?.target === 'string' ? body.target : '');
    if (typeof body?.text !== 'string' || target === undefined) {
      return c.json(
        {
          error: {
            message: 'send {"text": "...", "target": "<a target id>"}',
            code: 'invalid_request_error',
          },
        },
        400,
      );
    }
    const outcome = await chain.request(
      { endpoint: 'chat', targetId: target.config.id, model: target.config.model },
      {
        segments: [{ id: 0, role: 'user', source: 'message', text: body.text }],
        maxTokens: undefined,
        metadata: {},
      },
    );
    return c.json({
      decisions: outcome.decisions,
      blocked: outcome.blocked ?? null,
      rewritten: outcome.changes.get(0) ?? null,
    });
  });

  app.get('/keys', async (c) => {
    const tokens = new Map<string, { input: number; output: number }>();
    const counter = metrics.registry.getSingleMetric('keeptrusts_tokens_total');
    for (const v of (await counter?.get())?.values ?? []) {
      const id = String(v.labels.key_id);
      const t = tokens.get(id) ?? { input: 0, output: 0 };
      if (v.labels.gen_ai_token_type === 'input') t.input += v.value;
      else t.output += v.value;
      tokens.set(id, t);
    }
    return c.html(
      <KeysPage keys={config.auth.keys} use={(id) => feed.keyUse(id)} tokens={tokens} {...who(c)} />,
    );
  });

  app.get('/api/overview/stream', (c) =>
    eventStream(c.req.raw.signal, (send) => {
      const event = (tick: unknown) => encoder.encode(`event: tick\ndata: ${JSON.stringify(tick)}\n\n`);
      void state.current().then((tick) => send(event(tick)));
      return state.subscribe((tick) => send(event(tick)));
    }),
  );

  app.get('/api/requests/stream', (c) =>
    eventStream(c.req.raw.signal, (send) => feed.subscribe({ deliver: (batch) => send(batchEvent(batch)) })),
  );

  app.notFound((c) => c.text('no such console page', 404));
  app.onError((error, c) => {
    deps.logger.error({ err: error }, 'console request failed');
    return c.json(
      { error: { message: 'the console failed to answer; see the gateway log', code: 'internal_error' } },
      500,
    );
  });
  return app;
}

/** A 403 for a change sent from another site (its Origin is not the console's), else undefined. */
function crossSite(c: Context): Response | undefined {
  const type = c.req.header('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  // A JSON body cannot come from a cross-site form or a simple request: browsers preflight it.
  if (type !== 'application/json') {
    return c.json(
      { error: { message: 'send the body as application/json', code: 'unsupported_media_type' } },
      415,
    );
  }
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    return c.json(
      { error: { message: `changes from ${origin} are refused`, code: 'cross_site_request' } },
      403,
    );
  }
  return undefined;
}

function auditQuery(c: Context): AuditQuery {
  const text = (name: string) => {
    const value = c.req.query(name)?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const date = (name: string) => {
    const value = text(name);
    if (value === undefined) return undefined;
    // datetime-local sends no zone; the page shows and takes UTC.
    const parsed = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  };
  return {
    from: date('from'),
    to: date('to'),
    keyId: text('key'),
    requestId: text('request_id'),
    decision: text('decision'),
  };
}

function searchString(c: Context): string {
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'key', 'request_id', 'decision']) {
    const value = c.req.query(name);
    if (value) params.set(name, value);
  }
  return params.toString();
}

// One batch goes to every viewer: it is serialised and encoded once, whatever the number of viewers.
const batchEvents = new WeakMap<readonly RequestSummary[], Uint8Array>();

function batchEvent(batch: readonly RequestSummary[]): Uint8Array {
  let bytes = batchEvents.get(batch);
  if (bytes === undefined) {
    const data = JSON.stringify(
      batch.map(({ record: r, attempts }) => ({
        time: r.time,
        request_id: r.request_id,
        key_id: r.key_id,
        method: r.method,
        endpoint: r.endpoint,
        target: r.target,
        model: r.model,
        status: r.status,
        error_code: r.error_code,
        latency_ms: r.latency_ms,
        decisions: decisionText(r.decisions),
        attempts,
      })),
    );
    bytes = encoder.encode(`event: requests\ndata: ${data}\n\n`);
    batchEvents.set(batch, bytes);
  }
  return bytes;
}

const encoder = new TextEncoder();

/**
 * An SSE response. `send` returns false (and drops the event) while the viewer's socket is backed
 * up, so a slow viewer costs the gateway nothing beyond a few queued events.
 */
function eventStream(
  signal: AbortSignal,
  start: (send: (event: Uint8Array) => boolean) => () => void,
): Response {
  let stop: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const end = () => {
    clearInterval(heartbeat);
    stop?.();
    stop = undefined;
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const send = (event: Uint8Array) => {
          if (stop === undefined && heartbeat !== undefined) return false;
          if ((controller.desiredSize ?? 0) <= 0) return false;
          controller.enqueue(event);
          return true;
        };
        controller.enqueue(encoder.encode(': connected\n\n'));
        stop = start(send);
        heartbeat = setInterval(() => {
          if ((controller.desiredSize ?? 0) > 0) controller.enqueue(encoder.encode(': keep-alive\n\n'));
        }, 15_000);
        heartbeat.unref();
        signal.addEventListener(
          'abort',
          () => {
            end();
            try {
              controller.close();
            } catch {
              // Already closed by the reader's cancel.
            }
          },
          { once: true },
        );
      },
      cancel: end,
    },
    new CountQueuingStrategy({ highWaterMark: 32 }),
  );
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}
