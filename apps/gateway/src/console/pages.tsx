/** @jsxImportSource hono/jsx */
import type { AuditDecision, AuditRecord } from '@keeptrusts/core';
import type { Child } from 'hono/jsx';
import type { OverviewTick, TargetView } from './console-state.js';
import type { RequestSummary } from './request-feed.js';

// Server-rendered pages of the console (#22). hono/jsx escapes every interpolated value, so text
// from requests (model names, findings, prompts) renders as text; the client script adds rows with
// textContent only. No inline script or style: the CSP allows only files the gateway serves.

export const BASE = '/console';

const pages = [
  ['overview', '', 'Overview'],
  ['targets', '/targets', 'Targets'],
  ['requests', '/requests', 'Requests'],
  ['audit', '/audit', 'Audit'],
  ['policies', '/policies', 'Policies'],
  ['keys', '/keys', 'Keys'],
] as const;

export type PageName = (typeof pages)[number][0] | 'login' | 'request';

/** The frame of every page: assets, the CSRF token for the script, the navigation. */
export function Layout(props: {
  page: PageName;
  title: string;
  csrf?: string | undefined;
  admin?: string | undefined;
  children?: Child;
}) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Keeptrusts console`}</title>
        {props.csrf === undefined ? null : <meta name="csrf-token" content={props.csrf} />}
        <link rel="stylesheet" href={`${BASE}/assets/uPlot.min.css`} />
        <link rel="stylesheet" href={`${BASE}/assets/console.css`} />
        <script src={`${BASE}/assets/uPlot.iife.min.js`} defer />
        <script src={`${BASE}/assets/console.js`} defer />
      </head>
      <body data-page={props.page}>
        <header>
          <strong class="brand">Keeptrusts</strong>
          {props.admin === undefined ? null : (
            <nav>
              {pages.map(([name, path, label]) => (
                <a href={`${BASE}${path}/`.replace('//', '/')} class={props.page === name ? 'active' : ''}>
                  {label}
                </a>
              ))}
              <span class="who">{props.admin}</span>
              <button type="button" id="sign-out">
                Sign out
              </button>
            </nav>
          )}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

export function LoginPage() {
  return (
    <Layout page="login" title="Sign in">
      <form id="login-form" class="card">
        <label for="admin-key">Admin key</label>
        <input id="admin-key" name="key" type="password" autocomplete="off" required />
        <button type="submit">Sign in</button>
        <p id="login-error" class="error" role="alert" />
        <p class="hint">
          An admin key from <code>auth.admin_keys</code> (<code>kt keys create --id admin</code> makes one).
          API keys do not open the console.
        </p>
      </form>
    </Layout>
  );
}

const figureLabels: [keyof OverviewTick['figures'], string, string][] = [
  ['requestsPerSecond', 'Requests/s', ''],
  ['errorRate', 'Error rate (5xx)', '%'],
  ['latencyP50Ms', 'Latency p50', 'ms'],
  ['latencyP95Ms', 'Latency p95', 'ms'],
  ['ttftP50Ms', 'TTFT p50', 'ms'],
  ['ttftP95Ms', 'TTFT p95', 'ms'],
  ['tokensInPerSecond', 'Tokens in/s', ''],
  ['tokensOutPerSecond', 'Tokens out/s', ''],
];

export function OverviewPage(props: { tick: OverviewTick; csrf: string; admin: string }) {
  const f = props.tick.figures;
  return (
    <Layout page="overview" title="Overview" csrf={props.csrf} admin={props.admin}>
      <section class="figures">
        {figureLabels.map(([key, label, unit]) => {
          const value = f[key];
          const shown =
            value === null ? '–' : key === 'errorRate' ? ((value as number) * 100).toFixed(1) : String(value);
          return (
            <div class="figure">
              <span class="label">{label}</span>
              <span class="value" data-figure={key}>
                {shown}
              </span>
              <span class="unit">{unit}</span>
            </div>
          );
        })}
      </section>
      <section class="charts">
        <div id="chart-rps" class="chart" />
        <div id="chart-latency" class="chart" />
      </section>
      <section>
        <h2>Blocks by rule type</h2>
        <table id="blocks">
          <thead>
            <tr>
              <th>rule type</th>
              <th>blocks</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(f.blocksByRule).map(([rule, n]) => (
              <tr>
                <td>{rule}</td>
                <td>{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="hint">
          Totals since start: <span data-figure="requests">{f.requests}</span> requests,{' '}
          <span data-figure="tokensIn">{f.tokensIn}</span> tokens in,{' '}
          <span data-figure="tokensOut">{f.tokensOut}</span> tokens out.
        </p>
      </section>
    </Layout>
  );
}

export function TargetsPage(props: {
  targets: TargetView[];
  models: Map<string, string[] | string>;
  csrf: string;
  admin: string;
}) {
  return (
    <Layout page="targets" title="Targets" csrf={props.csrf} admin={props.admin}>
      <table id="targets">
        <thead>
          <tr>
            <th>target</th>
            <th>health</th>
            <th>last probe</th>
            <th>in flight</th>
            <th>probe ms</th>
            <th>weight</th>
            <th>provider / model</th>
            <th>models served</th>
          </tr>
        </thead>
        <tbody>
          {props.targets.map((t) => {
            const models = props.models.get(t.id);
            return (
              <tr data-target={t.id} class={t.healthy ? 'healthy' : 'down'}>
                <td>{t.id}</td>
                <td class="health">{t.healthy ? 'up' : 'down'}</td>
                <td class="probe">{probeText(t)}</td>
                <td class="inflight">{t.inFlight}</td>
                <td class="latency">{t.lastProbe?.ms ?? '–'}</td>
                <td>{t.weight}</td>
                <td>
                  {t.provider}:{t.kind}:{t.model}
                </td>
                <td>{typeof models === 'string' ? models : (models ?? []).join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
}

/** What the last probe found, in words (the client script writes the same). */
export function probeText(t: TargetView): string {
  if (!t.probed) return 'not probed (health_probe: false)';
  if (t.lastProbe === null) return 'no probe yet';
  return t.lastProbe.ok
    ? `ok at ${t.lastProbe.at}`
    : `failed at ${t.lastProbe.at}: ${t.lastProbe.error ?? ''}`;
}

/** One line of a request's decisions: `rule:action`, as the live log shows them. */
export function decisionText(decisions: readonly AuditDecision[]): string {
  return decisions
    .filter((d) => d.action !== 'allow' || d.findings.length > 0)
    .map((d) => `${d.rule}:${d.action}`)
    .join(' ');
}

export function RequestsPage(props: { recent: RequestSummary[]; csrf: string; admin: string }) {
  return (
    <Layout page="requests" title="Requests" csrf={props.csrf} admin={props.admin}>
      <form id="filters" class="filters">
        <input name="q" placeholder="request id, key, route, target, model" />
        <select name="status">
          <option value="">any status</option>
          <option value="2">2xx</option>
          <option value="4">4xx</option>
          <option value="5">5xx</option>
        </select>
        <select name="decision">
          <option value="">any decision</option>
          <option value="block">blocked</option>
          <option value="modify">modified</option>
        </select>
        <span id="live-state" class="hint">
          connecting…
        </span>
      </form>
      <table id="requests">
        <thead>
          <tr>
            <th>time</th>
            <th>request id</th>
            <th>key</th>
            <th>route</th>
            <th>target</th>
            <th>model</th>
            <th>status</th>
            <th>ms</th>
            <th>decisions</th>
          </tr>
        </thead>
        <tbody>
          {props.recent.map((s) => (
            <RequestRow record={s.record} />
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

function RequestRow(props: { record: AuditRecord }) {
  const r = props.record;
  return (
    <tr data-request-id={r.request_id} data-status={r.status} data-decisions={decisionText(r.decisions)}>
      <td>{r.time}</td>
      <td>
        <a href={`${BASE}/requests/${encodeURIComponent(r.request_id)}`}>{r.request_id}</a>
      </td>
      <td>{r.key_id ?? ''}</td>
      <td>{`${r.method} ${r.endpoint}`}</td>
      <td>{r.target ?? ''}</td>
      <td>{r.model ?? ''}</td>
      <td>{r.status}</td>
      <td>{r.latency_ms}</td>
      <td class="decisions">{decisionText(r.decisions)}</td>
    </tr>
  );
}

export function RequestPage(props: {
  record: Record<string, unknown> & Partial<AuditRecord>;
  attempts: readonly string[] | undefined;
  showContent: boolean;
  csrf: string;
  admin: string;
}) {
  const r = props.record;
  const fields: [string, unknown][] = [
    ['request id', r.request_id],
    ['time', r.time],
    ['key', r.key_id],
    ['client', r.client],
    ['route', `${r.method} ${r.endpoint}`],
    ['target', r.target],
    ['model', r.model],
    ['stream', r.stream === true ? `yes (${r.stream_plan ?? ''})` : 'no'],
    ['status', r.error_code ? `${r.status} ${r.error_code}` : r.status],
    ['latency ms', r.latency_ms],
    ['first byte ms', r.ttfb_ms],
    ['tokens', r.usage ? `${r.usage.prompt_tokens} in, ${r.usage.completion_tokens} out` : null],
    ['finish reason', r.finish_reason],
    [
      'failover path',
      props.attempts === undefined
        ? 'not kept (the request left the live log)'
        : props.attempts.length === 0
          ? 'no upstream call'
          : props.attempts.join(' → '),
    ],
  ];
  return (
    <Layout page="request" title={`Request ${String(r.request_id)}`} csrf={props.csrf} admin={props.admin}>
      <dl class="detail">
        {fields.map(([name, value]) => (
          <>
            <dt>{name}</dt>
            <dd>{value === null || value === undefined ? '–' : String(value)}</dd>
          </>
        ))}
      </dl>
      <h2>Decisions</h2>
      <table id="findings">
        <thead>
          <tr>
            <th>stage</th>
            <th>policy</th>
            <th>rule</th>
            <th>action</th>
            <th>finding</th>
            <th>count</th>
            <th>score</th>
            <th>signals</th>
          </tr>
        </thead>
        <tbody>
          {(r.decisions ?? []).flatMap((d) =>
            (d.findings.length === 0 ? [undefined] : d.findings).map((f) => (
              <tr>
                <td>{d.stage}</td>
                <td>{d.policy}</td>
                <td>{d.rule}</td>
                <td class={`action-${d.action}`}>{d.action}</td>
                <td>{f?.type ?? ''}</td>
                <td>{f?.count ?? ''}</td>
                <td>{f?.score ?? ''}</td>
                <td>{f?.signals?.join(', ') ?? ''}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <h2>Content</h2>
      {props.showContent && (r.prompt !== undefined || r.answer !== undefined) ? (
        <div id="content">
          <h3>Prompt</h3>
          <pre id="prompt">{r.prompt ?? ''}</pre>
          <h3>Answer</h3>
          <pre id="answer">{r.answer ?? ''}</pre>
        </div>
      ) : (
        <p class="hint" id="content">
          {props.showContent
            ? 'The audit log does not store prompt and answer text (policy.audit-logger.log_content is off).'
            : 'Prompt and answer text are not shown: server.console.show_content is off.'}
        </p>
      )}
    </Layout>
  );
}
