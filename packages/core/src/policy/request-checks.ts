import type { AuditDecision } from '../audit/record.js';
import type { CheckedRequest, RequestCheck } from '../plugin/types.js';
import type { BlockedBy, CheckOutcome } from './chain.js';
import { blockedBy, firstBlockOrAll, type LiveRule, record, runCheck } from './live-rule.js';

/** A rule with a request check, as the request pass hands it over. */
type CheckingRule = LiveRule & { hooks: { requestCheck: RequestCheck } };

/** Whether a rule offers a request check. */
export function checks(rule: LiveRule): rule is CheckingRule {
  return rule.hooks.requestCheck !== undefined;
}

/** One finished check: its audit entry, and the block if it blocked. */
interface Judged {
  decision: AuditDecision;
  blocked: BlockedBy | undefined;
}

// Runs one rule's check, timed; a modify cannot be honoured (the upstream may have the request
// already), so it fails closed like a throw.
async function judge(rule: CheckingRule, request: CheckedRequest, signal: AbortSignal): Promise<Judged> {
  const started = performance.now();
  const check = rule.hooks.requestCheck;
  const decision = await runCheck(
    rule,
    'requestCheck',
    () => check.check(request, signal),
    'a request check cannot rewrite the request',
  );
  const entry = record(rule, 'request', decision);
  entry.check = { mode: check.mode, duration_ms: Math.round(performance.now() - started) };
  return { decision: entry, blocked: decision.kind === 'block' ? blockedBy(rule, decision) : undefined };
}

/**
 * Starts every check. Sequential ones are awaited here, in rule order (the first block stops the
 * request and aborts the rest); parallel ones keep running and come back as `pending`, which
 * settles once all of them allowed, or at the first block (the others are then aborted).
 */
export async function runChecks(
  rules: readonly CheckingRule[],
  request: CheckedRequest,
  clientSignal: AbortSignal | undefined,
): Promise<{
  decisions: AuditDecision[];
  blocked: BlockedBy | undefined;
  pending: Promise<CheckOutcome> | undefined;
}> {
  const controller = new AbortController();
  const signal =
    clientSignal === undefined ? controller.signal : AbortSignal.any([clientSignal, controller.signal]);
  const parallel = rules.filter((r) => r.hooks.requestCheck.mode === 'parallel');
  const sequential = rules.filter((r) => r.hooks.requestCheck.mode === 'sequential');
  const started = parallel.map((rule) => judge(rule, request, signal));
  const pending =
    started.length === 0
      ? undefined
      : firstBlockOrAll(
          started,
          (judged) => judged.blocked !== undefined,
          controller,
          'another check blocked the request',
        ).then(({ settled, blocking }) => ({
          decisions: settled.map((judged) => judged.decision),
          blocked: blocking?.blocked,
        }));
  // Settled through `pending`; a rejection here would only repeat what it reports.
  pending?.catch(() => {});
  const decisions: AuditDecision[] = [];
  for (const rule of sequential) {
    const judged = await judge(rule, request, signal);
    decisions.push(judged.decision);
    if (judged.blocked !== undefined) {
      controller.abort(new Error('another check blocked the request'));
      return { decisions, blocked: judged.blocked, pending: undefined };
    }
  }
  return { decisions, blocked: undefined, pending };
}
