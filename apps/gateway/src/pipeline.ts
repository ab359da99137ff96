import { type EndpointKind, GatewayError, type TextSegment } from '@keeptrusts/core';
import {
  type BlockedBy,
  type CheckOutcome,
  type PolicyChain,
  type RequestOutcome,
  requestTexts,
  type Scope,
} from '@keeptrusts/core/chain';
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

/** A request ready for one target: that target's scope, and the body after its request rules. */
export interface Attempt<T> {
  target: LiveTarget;
  scope: Scope;
  body: T;
  outcome: RequestOutcome;
  /**
   * The signal the upstream call takes: the client's, and aborted too when a parallel request
   * check blocks the request while the call is under way.
   */
  signal: AbortSignal;
}

/** The routed request: the candidates in the order they will be tried, and the routing metadata. */
export interface Routed {
  order: LiveTarget[];
  metadata: Record<string, string>;
}

/** Resolves the request's candidate targets, weighted and healthy first (404 when none serves it). */
export function route(
  kind: EndpointKind,
  body: { model: string; metadata?: Record<string, string> | null },
  headers: Headers,
  deps: { pool: TargetPool; trail: AuditTrail },
): Routed {
  const metadata = requestMetadata(body, headers);
  const resolution = deps.pool.resolve(kind, body.model, metadata);
  const order = pick(resolution.candidates);
  // Recorded only when it names something configured: a model that names nothing (a 404, or a
  // request a routing rule or the default route took anyway) is free client text.
  const named =
    resolution.via === 'target' || resolution.via === 'model' || deps.pool.named(body.model).length > 0;
  deps.trail.record.model = named ? body.model : null;
  deps.trail.record.target = order[0]!.config.id;
  return { order, metadata };
}

/**
 * Calls each candidate in turn until one answers, and says which did. Before each call the request
 * rules that apply to that target run on the request (the upstream is never called for a prompt
 * they block), so a rule scoped to a target judges exactly the requests that target gets, failover
 * included; targets with the same rules share one pass. Only a target that could not be reached is
 * skipped (and marked unhealthy until its next probe); an answer with an error status is the
 * client's answer.
 */
export async function withFailover<T extends { model: string }, R>(
  kind: EndpointKind,
  body: T,
  routed: Routed,
  deps: { chain: PolicyChain; trail: AuditTrail; signal: AbortSignal },
  call: (attempt: Attempt<T>) => Promise<R>,
): Promise<{ result: R; attempt: Attempt<T> }> {
  const passes = new Map<string, { body: T; outcome: RequestOutcome; verdict?: Promise<void> }>();
  let lastError: unknown;
  for (const target of routed.order) {
    deps.trail.record.target = target.config.id;
    const scope: Scope = { endpoint: kind, targetId: target.config.id, model: target.config.model };
    const rules = deps.chain.ruleSet(scope);
    let pass = passes.get(rules);
    if (pass === undefined) {
      pass = await requestPass(kind, body, scope, routed.metadata, deps);
      passes.set(rules, pass);
    }
    // Only parallel checks can stop a call under way; without them the call takes the client's signal.
    const { pending } = pass.outcome;
    const parallel = pending === undefined ? undefined : { pending, stop: new AbortController() };
    const signal =
      parallel === undefined ? deps.signal : AbortSignal.any([deps.signal, parallel.stop.signal]);
    const attempt = { target, scope, body: pass.body, outcome: pass.outcome, signal };
    try {
      deps.trail.upstreamBegan(target.config.id);
      const calling = call(attempt);
      if (parallel !== undefined) {
        // The upstream call is under way; its answer waits for the parallel checks' verdict, and a
        // block aborts it (the upstream sees its connection closed).
        calling.catch(() => {});
        pass.verdict ??= settleChecks(parallel.pending, deps.trail);
        try {
          await pass.verdict;
        } catch (blocked) {
          parallel.stop.abort(blocked);
          throw blocked;
        }
      }
      const result = await calling;
      // A stream's answer ends later, at its last event; that mark replaces this one.
      deps.trail.upstreamDone();
      return { result, attempt };
    } catch (error) {
      deps.trail.upstreamDone();
      lastError = error;
      // No first byte in time: the target is stuck (its GET / may still answer). It leaves
      // rotation until a probe sees it load its model again; the client has waited enough, so
      // there is no failover.
      if (error instanceof GatewayError && error.code === 'upstream_timeout' && target.config.healthProbe) {
        target.healthy = false;
      }
      if (!(error instanceof GatewayError && error.unreachable)) throw error;
      if (target.config.healthProbe) target.healthy = false;
    }
  }
  throw lastError;
}

/** Records the parallel checks' decisions; rejects with the client's error when one blocked. */
async function settleChecks(pending: Promise<CheckOutcome>, trail: AuditTrail): Promise<void> {
  const verdict = await pending;
  trail.decide(verdict.decisions);
  if (verdict.blocked !== undefined) throw contentFilter(verdict.blocked);
}

function contentFilter({ policy, rule, reason }: BlockedBy): GatewayError {
  return new GatewayError('content_filter', `blocked by policy "${policy}" (${rule}): ${reason}`);
}

/** Runs the request rules of one scope and applies their rewrites and token cap to the body. */
async function requestPass<T extends { model: string }>(
  kind: EndpointKind,
  body: T,
  scope: Scope,
  metadata: Record<string, string>,
  deps: { chain: PolicyChain; trail: AuditTrail; signal: AbortSignal },
): Promise<{ body: T; outcome: RequestOutcome }> {
  const texts = requestTexts(kind, body as never);
  const traced = deps.trail.trace?.policies('request');
  const outcome = await deps.chain.request(scope, {
    segments: texts.segments as TextSegment[],
    maxTokens: maxTokensOf(body),
    metadata,
    signal: deps.signal,
  });
  traced?.(outcome);
  deps.trail.decide(outcome.decisions);
  if (outcome.blocked !== undefined) throw contentFilter(outcome.blocked);
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
  return { body: next, outcome };
}

function maxTokensOf(body: object): number | undefined {
  const b = body as { max_tokens?: number | null; max_completion_tokens?: number | null };
  return b.max_completion_tokens ?? b.max_tokens ?? undefined;
}
