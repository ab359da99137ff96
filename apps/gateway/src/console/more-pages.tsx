/** @jsxImportSource hono/jsx */
import type { AuditVerifyResult, StoredAuditRecord } from '@keeptrusts/audit-logger';
import type { ApiKeyConfig, PolicyConfig } from '@keeptrusts/core/config';
import type { AuditQuery } from './audit-search.js';
import { BASE, decisionText, Layout } from './pages.js';
import type { KeyUse } from './request-feed.js';

export function AuditPage(props: {
  query: AuditQuery;
  /** The query string of the search, for the export links. */
  search: string;
  result: { records: StoredAuditRecord[]; truncated: boolean } | undefined;
  verify: AuditVerifyResult | undefined;
  /** Why there is nothing to search, when the config writes no file audit log. */
  unavailable: string | undefined;
  csrf: string;
  admin: string;
}) {
  const q = props.query;
  return (
    <Layout page="audit" title="Audit" csrf={props.csrf} admin={props.admin}>
      {props.unavailable !== undefined ? (
        <p class="error">{props.unavailable}</p>
      ) : (
        <>
          <form class="filters" method="get" action={`${BASE}/audit/`} id="audit-search">
            <label>
              from <input type="datetime-local" name="from" value={localValue(q.from)} />
            </label>
            <label>
              to <input type="datetime-local" name="to" value={localValue(q.to)} />
            </label>
            <input name="key" placeholder="key id" value={q.keyId ?? ''} />
            <input name="request_id" placeholder="request id" value={q.requestId ?? ''} />
            <select name="decision">
              {['', 'block', 'modify', 'allow', 'error'].map((d) => (
                <option value={d} selected={q.decision === d || (d === '' && q.decision === undefined)}>
                  {d === '' ? 'any decision' : d}
                </option>
              ))}
            </select>
            <button type="submit">Search</button>
            <a class="button" id="verify" href={`${BASE}/audit/?verify=1`}>
              Verify chain
            </a>
          </form>
          {props.verify === undefined ? null : <VerifyResult result={props.verify} />}
          {props.result === undefined ? null : (
            <>
              <p class="hint">
                {props.result.records.length} record(s){props.result.truncated ? ' (the newest only)' : ''}.
                Export:{' '}
                <a id="export-jsonl" href={`${BASE}/api/audit/export?format=jsonl&${props.search}`}>
                  JSONL
                </a>{' '}
                <a id="export-csv" href={`${BASE}/api/audit/export?format=csv&${props.search}`}>
                  CSV
                </a>
              </p>
              <table id="audit-records">
                <thead>
                  <tr>
                    <th>seq</th>
                    <th>time</th>
                    <th>request id</th>
                    <th>key</th>
                    <th>route</th>
                    <th>target</th>
                    <th>status</th>
                    <th>decisions</th>
                  </tr>
                </thead>
                <tbody>
                  {props.result.records.map((r) => (
                    <tr data-request-id={String(r.request_id)}>
                      <td>{r.seq}</td>
                      <td>{r.ts}</td>
                      <td>
                        <a href={`${BASE}/requests/${encodeURIComponent(String(r.request_id))}`}>
                          {String(r.request_id)}
                        </a>
                      </td>
                      <td>{String(r.key_id ?? '')}</td>
                      <td>{`${String(r.method)} ${String(r.endpoint)}`}</td>
                      <td>{String(r.target ?? '')}</td>
                      <td>{String(r.status)}</td>
                      <td>
                        {Array.isArray(r.decisions)
                          ? decisionText(r.decisions as Parameters<typeof decisionText>[0])
                          : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </Layout>
  );
}

function VerifyResult(props: { result: AuditVerifyResult }) {
  const r = props.result;
  if (r.ok) {
    return (
      <p id="verify-result" class="ok">
        Chain intact: {r.records} records in {r.segments} segment(s), last seq {r.head.seq}.
      </p>
    );
  }
  const b = r.firstBreak;
  return (
    <div id="verify-result" class="error">
      <p>
        Chain broken
        {b === undefined
          ? '.'
          : `: first broken record seq ${b.seq ?? b.expectedSeq} (${b.segment} line ${b.line}, ${b.reason})`}
      </p>
      {b === undefined ? null : <p>{b.message}</p>}
    </div>
  );
}

function localValue(date: Date | undefined): string {
  return date === undefined ? '' : date.toISOString().slice(0, 16);
}

export function PoliciesPage(props: {
  policies: readonly PolicyConfig[];
  hits: Map<string, Record<string, number>>;
  targets: readonly string[];
  csrf: string;
  admin: string;
}) {
  return (
    <Layout page="policies" title="Policies" csrf={props.csrf} admin={props.admin}>
      <table id="rules">
        <thead>
          <tr>
            <th>policy</th>
            <th>rule type</th>
            <th>applies to</th>
            <th>settings</th>
            <th>decisions (all rules of this type)</th>
          </tr>
        </thead>
        <tbody>
          {props.policies.flatMap((p) =>
            p.rules.map((rule) => (
              <tr>
                <td>{p.id}</td>
                <td>{rule.type}</td>
                <td>{`${p.appliesTo?.join(', ') ?? 'all endpoints'}; ${p.targets?.join(', ') ?? 'all targets'}`}</td>
                <td>
                  <code>{JSON.stringify(rule.config)}</code>
                </td>
                <td>
                  {Object.entries(props.hits.get(rule.type) ?? {})
                    .map(([action, n]) => `${action} ${n}`)
                    .join(', ') || 'none yet'}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <h2>Playground</h2>
      <form id="playground" class="card">
        <label for="playground-text">Text (runs through the request rules; no model is called)</label>
        <textarea id="playground-text" name="text" rows={5} required />
        <label for="playground-target">As a chat request to</label>
        <select id="playground-target" name="target">
          {props.targets.map((t) => (
            <option value={t}>{t}</option>
          ))}
        </select>
        <button type="submit">Run</button>
      </form>
      <div id="playground-result" />
    </Layout>
  );
}

export function KeysPage(props: {
  keys: readonly ApiKeyConfig[];
  use: (id: string) => KeyUse;
  tokens: Map<string, { input: number; output: number }>;
  csrf: string;
  admin: string;
}) {
  return (
    <Layout page="keys" title="Keys" csrf={props.csrf} admin={props.admin}>
      {props.keys.length === 0 ? (
        <p class="hint">No API keys are configured: requests are not authenticated.</p>
      ) : null}
      <table id="keys">
        <thead>
          <tr>
            <th>key id</th>
            <th>description</th>
            <th>limits</th>
            <th>requests</th>
            <th>blocked</th>
            <th>tokens in / out</th>
            <th>last seen</th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((k) => {
            const use = props.use(k.id);
            const tokens = props.tokens.get(k.id);
            const limits = k.limits;
            return (
              <tr>
                <td>{k.id}</td>
                <td>{k.description ?? ''}</td>
                <td>
                  {limits === undefined
                    ? 'auth.default_limits'
                    : [
                        limits.requestsPerMinute && `${limits.requestsPerMinute} req/min`,
                        limits.tokensPerMinute && `${limits.tokensPerMinute} tokens/min`,
                        limits.concurrentRequests && `${limits.concurrentRequests} at once`,
                      ]
                        .filter(Boolean)
                        .join(', ')}
                </td>
                <td>{use.requests}</td>
                <td>{use.blocked}</td>
                <td>{tokens === undefined ? '0 / 0' : `${tokens.input} / ${tokens.output}`}</td>
                <td>{use.lastSeen ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Create a key</h2>
      <p>
        Keys live in the policy config (<code>auth.keys</code>), which the gateway does not write. Make one
        with the CLI, add the lines it prints, and reload:
      </p>
      <pre id="create-command">kt keys create --id NEW_KEY_ID{'\n'}kt gateway reload</pre>
    </Layout>
  );
}
