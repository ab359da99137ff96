import type { AuditDecision } from '../audit/record.js';
import type { PolicyConfig } from '../config/types.js';
import { PluginError } from '../errors.js';
import type { BlockDecision, Decision } from '../plugin/decision.js';
import type { EndpointKind, PolicyHooks } from '../plugin/types.js';
import type { BlockedBy } from './chain.js';

/** A configured rule with its instance, as the chain runs it. */
export interface LiveRule {
  policy: PolicyConfig;
  type: string;
  hooks: PolicyHooks;
  appliesTo: readonly EndpointKind[] | undefined;
}

/** Whether a rule acts on answers at all. */
export function respondsTo(r: LiveRule): boolean {
  return (
    r.hooks.onResponse !== undefined ||
    r.hooks.responseScanner !== undefined ||
    r.hooks.answerTransform !== undefined ||
    r.hooks.answerCheck !== undefined
  );
}

/** Whether a rule acts on answers in the chain's own pass: a hook other than an answer check. */
export function filtersAnswers(r: LiveRule): boolean {
  return (
    r.hooks.onResponse !== undefined ||
    r.hooks.responseScanner !== undefined ||
    r.hooks.answerTransform !== undefined
  );
}

/** Whether a rule needs whole answers: an `onResponse` without a scanner, or a buffered transform. */
export function needsWholeAnswer(r: LiveRule): boolean {
  return (
    (r.hooks.onResponse !== undefined && r.hooks.responseScanner === undefined) ||
    r.hooks.answerTransform?.mode === 'buffered'
  );
}

// A policy that throws has a bug: the chain fails closed and blocks.
export async function run(
  rule: LiveRule,
  hook: string,
  call: () => Decision | Promise<Decision>,
): Promise<Decision> {
  try {
    return await call();
  } catch (error) {
    return failedClosed(rule, hook, error);
  }
}

/**
 * Runs a check hook (a slow judgement beside the stream or the upstream call), which may allow or
 * block only: a `modify` cannot be honoured, so it fails closed like a throw, with `why`.
 */
export async function runCheck(
  rule: LiveRule,
  hook: string,
  call: () => Promise<Decision>,
  why: string,
): Promise<Decision> {
  const decision = await run(rule, hook, call);
  return decision.kind === 'modify' ? failedClosed(rule, hook, new Error(why)) : decision;
}

/**
 * Settles at the first of `started` that `blocks` (aborting the others through `controller`), or
 * once all settled. `settled` holds the results that came before that, in the order of `started`;
 * `blocking` is the one that blocked.
 */
export function firstBlockOrAll<T>(
  started: readonly Promise<T>[],
  blocks: (result: T) => boolean,
  controller: AbortController,
  reason: string,
): Promise<{ settled: T[]; blocking: T | undefined }> {
  return new Promise((resolve) => {
    const done: (T | undefined)[] = started.map(() => undefined);
    const settle = (blocking: T | undefined) =>
      resolve({ settled: done.filter((d): d is T => d !== undefined), blocking });
    let left = started.length;
    let over = false;
    if (left === 0) settle(undefined);
    for (const [i, promise] of started.entries()) {
      void promise.then((result) => {
        if (over) return;
        done[i] = result;
        left--;
        if (blocks(result)) {
          over = true;
          controller.abort(new Error(reason));
          settle(result);
        } else if (left === 0) {
          over = true;
          settle(undefined);
        }
      });
    }
  });
}

/** The block a rule's throw turns into: code `policy_error`, the reason naming rule and hook. */
export function failedClosed(rule: LiveRule, hook: string, error: unknown): BlockDecision {
  const wrapped = new PluginError(rule.type, hook, error);
  return { kind: 'block', code: 'policy_error', reason: wrapped.message, findings: [] };
}

/** The audit entry for one rule's decision; a throw (policy_error) is recorded as `error`. */
export function record(rule: LiveRule, stage: 'request' | 'response', decision: Decision): AuditDecision {
  const action = decision.kind === 'block' && decision.code === 'policy_error' ? 'error' : decision.kind;
  return { policy: rule.policy.id, rule: rule.type, stage, action, findings: [...decision.findings] };
}

/** The block as the outcome names it: which policy and rule, with its code and reason. */
export function blockedBy(rule: LiveRule, decision: Decision & { kind: 'block' }): BlockedBy {
  return { policy: rule.policy.id, rule: rule.type, code: decision.code, reason: decision.reason };
}
