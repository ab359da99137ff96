import type { AuditDecision } from '../audit/record.js';
import type { TextSegment } from '../plugin/decision.js';
import type { PolicyRequest } from '../plugin/types.js';
import type { RequestOutcome, Scope } from './chain.js';
import { blockedBy, type LiveRule, record, run } from './live-rule.js';
import { checks, runChecks } from './request-checks.js';

/**
 * Runs the request rules in order: each sees the segments and token cap the rules before it left;
 * the first block stops the request.
 */
export async function requestPass(
  rules: readonly LiveRule[],
  scope: Scope,
  input: {
    segments: readonly TextSegment[];
    maxTokens: number | undefined;
    metadata: Record<string, string>;
    signal?: AbortSignal;
  },
): Promise<RequestOutcome> {
  const decisions: AuditDecision[] = [];
  const changes = new Map<number, string>();
  let segments = input.segments;
  let maxTokens = input.maxTokens;
  for (const rule of rules) {
    if (rule.hooks.onRequest === undefined) continue;
    const request: PolicyRequest = { ...scope, segments, maxTokens, metadata: input.metadata };
    const decision = await run(rule, 'onRequest', () => rule.hooks.onRequest!(request));
    decisions.push(record(rule, 'request', decision));
    if (decision.kind === 'block')
      return { decisions, blocked: blockedBy(rule, decision), changes, maxTokens, pending: undefined };
    if (decision.kind === 'modify') {
      if (decision.segments !== undefined && decision.segments.size > 0) {
        for (const [id, text] of decision.segments) changes.set(id, text);
        segments = segments.map((s) =>
          decision.segments!.has(s.id) ? { ...s, text: decision.segments!.get(s.id)! } : s,
        );
      }
      if (decision.maxTokens !== undefined)
        maxTokens = Math.min(maxTokens ?? decision.maxTokens, decision.maxTokens);
    }
  }
  // The checks judge the request as the upstream will get it, after every rewrite.
  const checking = rules.filter(checks);
  if (checking.length === 0) return { decisions, blocked: undefined, changes, maxTokens, pending: undefined };
  const request = { ...scope, segments, maxTokens, metadata: input.metadata, decisions: [...decisions] };
  const checked = await runChecks(checking, request, input.signal);
  decisions.push(...checked.decisions);
  return { decisions, blocked: checked.blocked, changes, maxTokens, pending: checked.pending };
}
