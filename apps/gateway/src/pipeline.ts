import {
  type EndpointKind,
  GatewayError,
  type PolicyChain,
  type RequestOutcome,
  requestTexts,
  type Scope,
  type TextSegment,
} from '@keeptrusts/core';
import type { AuditTrail } from './audit-trail.js';
import { type LiveTarget, pick, type TargetPool } from './targets.js';

/** Request metadata for routing: the body's `metadata` object and `X-Keeptrusts-Metadata-<key>` headers. */
export function requestMetadata(
  body: { metadata?: Record<string, string> | null },
  headers: Headers,
): Record<string, string> {
  const out: Record<string, string> = { ...(body.metadata ?? {}) };
  for (const [name, value] of headers) {
    const prefix = 'x-keeptrusts-metadata-';
    if (name.startsWith(prefix) && name.length > prefix.length) out[name.slice(prefix.length)] = value;
  }
  return out;
}

/** A request that passed routing and the request policies, ready for the provider. */
export interface Prepared<T> {
  body: T;
  scope: Scope;
  order: LiveTarget[];
  outcome: RequestOutcome;
}

/**
 * Resolves the target, runs the request policies (the upstream is never called for a blocked
 * prompt) and applies their rewrites to the body.
 */
export async function prepare<T extends { model: string; metadata?: Record<string, string> | null }>(
  kind: EndpointKind,
  body: T,
  headers: Headers,
  deps: { pool: TargetPool; chain: PolicyChain; trail: AuditTrail },
): Promise<Prepared<T>> {
  const metadata = requestMetadata(body, headers);
  deps.trail.record.model = body.model;
  const resolution = deps.pool.resolve(kind, body.model, metadata);
  const order = pick(resolution.candidates);
  const first = order[0]!;
  deps.trail.record.target = first.config.id;
  const scope: Scope = { endpoint: kind, targetId: first.config.id, model: first.config.model };
  const texts = requestTexts(kind, body as never);
  const outcome = await deps.chain.request(scope, {
    segments: texts.segments as TextSegment[],
    maxTokens: maxTokensOf(body),
    metadata,
  });
  deps.trail.decide(outcome.decisions);
  if (outcome.blocked !== undefined) {
    const { policy, rule, reason } = outcome.blocked;
    throw new GatewayError('content_filter', `blocked by policy "${policy}" (${rule}): ${reason}`);
  }
  let next = outcome.changes.size > 0 ? (texts.apply(outcome.changes) as unknown as T) : body;
  // What the upstream sees, after redaction; audit sinks keep it only with log_content.
  if (deps.trail.wantsContent) {
    deps.trail.record.prompt = texts.segments.map((s) => outcome.changes.get(s.id) ?? s.text).join('\n');
  }
  if (
    outcome.maxTokens !== undefined &&
    (maxTokensOf(next) ?? Number.POSITIVE_INFINITY) > outcome.maxTokens
  ) {
    next = { ...next, max_tokens: outcome.maxTokens };
    if ('max_completion_tokens' in next) next = { ...next, max_completion_tokens: outcome.maxTokens };
  }
  return { body: next, scope, order, outcome };
}

function maxTokensOf(body: object): number | undefined {
  const b = body as { max_tokens?: number | null; max_completion_tokens?: number | null };
  return b.max_completion_tokens ?? b.max_tokens ?? undefined;
}

/**
 * Calls the provider of each candidate in turn until one answers. Only a target that could not be
 * reached is skipped (and marked unhealthy until its next probe); an answer with an error status
 * is the client's answer.
 */
export async function withFailover<R>(
  order: readonly LiveTarget[],
  trail: AuditTrail,
  call: (target: LiveTarget) => Promise<R>,
): Promise<R> {
  let lastError: unknown;
  for (const target of order) {
    trail.record.target = target.config.id;
    try {
      return await call(target);
    } catch (error) {
      lastError = error;
      if (!(error instanceof GatewayError && error.unreachable)) throw error;
      if (target.config.healthProbe) target.healthy = false;
    }
  }
  throw lastError;
}
