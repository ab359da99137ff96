import type { AuditDecision } from '@keeptrusts/core';
import type { AuditTrail } from '../audit-trail.js';

/**
 * The one line the gateway logs per request (#13). It carries ids, outcome, durations and counts,
 * never a prompt, an answer, a key or an upstream secret: every field is copied from the audit
 * record's metadata, which holds none of those.
 */
export interface RequestLogLine {
  request_id: string;
  method: string;
  endpoint: string;
  key_id: string | null;
  target: string | null;
  model: string | null;
  stream: boolean;
  status: number;
  error_code: string | null;
  finish_reason: string | null;
  /** From the request's arrival to its last byte (a stream's end). */
  duration_ms: number;
  /** The upstream call that answered: from its start to its last token; null without one. */
  upstream_ms: number | null;
  /** Time to the first byte of the answer (a stream's first frame). */
  ttft_ms: number | null;
  tokens_in: number | null;
  tokens_out: number | null;
  /** Per rule type, the strongest action its rules took: block > error > modify > allow. */
  decisions: Record<string, AuditDecision['action']> | undefined;
}

const strength: Record<AuditDecision['action'], number> = { allow: 0, modify: 1, error: 2, block: 3 };

/** The request's log line, built from its finished trail. */
export function requestLogLine(trail: AuditTrail): RequestLogLine {
  const r = trail.record;
  let decisions: Record<string, AuditDecision['action']> | undefined;
  for (const d of r.decisions) {
    decisions ??= {};
    const seen = decisions[d.rule];
    if (seen === undefined || strength[d.action] > strength[seen]) decisions[d.rule] = d.action;
  }
  return {
    request_id: r.request_id,
    method: r.method,
    endpoint: r.endpoint,
    key_id: r.key_id,
    target: r.target,
    model: r.model,
    stream: r.stream,
    status: r.status,
    error_code: r.error_code,
    finish_reason: r.finish_reason,
    duration_ms: r.latency_ms,
    upstream_ms: upstreamMs(trail),
    ttft_ms: r.ttfb_ms,
    tokens_in: r.usage?.prompt_tokens ?? null,
    tokens_out: r.usage?.completion_tokens ?? null,
    decisions,
  };
}

/** The last upstream call's duration in ms (0.1 ms steps), or null when none was made or it never ended. */
export function upstreamMs(trail: AuditTrail): number | null {
  if (trail.upstreamStart === 0 || trail.upstreamEnd === 0) return null;
  return Math.round((trail.upstreamEnd - trail.upstreamStart) * 10) / 10;
}

/**
 * The level a request's line is logged at: `warn` for failures of the gateway or its upstreams
 * (5xx), `debug` for probes and scrapes (`/healthz`, `/readyz`, `/metrics`), `info` for the rest.
 */
export function requestLogLevel(status: number, endpoint: string): 'debug' | 'info' | 'warn' {
  if (status >= 500) return 'warn';
  if (endpoint === '/healthz' || endpoint === '/readyz' || endpoint === '/metrics') return 'debug';
  return 'info';
}
