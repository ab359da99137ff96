import { describe, expect, it } from 'vitest';
import { allow, block, modify } from '../plugin/decision.js';
import type { PolicyHooks } from '../plugin/types.js';
import { oneRulePolicy } from '../test-support/one-rule-policy.js';
import { createPolicyChain } from './chain.js';

const policy = (id: string, hooks: PolicyHooks) => oneRulePolicy(id, `rule_${id}`, hooks);

const scope = { endpoint: 'chat' as const, targetId: 't', model: 'm' };
const input = {
  segments: [{ id: 0, role: 'user' as const, source: 'message' as const, text: 'hi' }],
  maxTokens: undefined,
  metadata: {},
};

/** A check that decides after `ms`, noting whether its signal was aborted. */
function slowCheck(
  mode: 'parallel' | 'sequential',
  ms: number,
  decide: () => ReturnType<typeof allow> | ReturnType<typeof block>,
  seen: { aborted?: boolean },
) {
  return {
    requestCheck: {
      mode,
      check: (_request: unknown, signal: AbortSignal) =>
        new Promise<ReturnType<typeof decide>>((resolve) => {
          const timer = setTimeout(() => resolve(decide()), ms);
          signal.addEventListener('abort', () => {
            seen.aborted = true;
            clearTimeout(timer);
            resolve(allow());
          });
        }),
    },
  } satisfies PolicyHooks;
}

describe('request checks', () => {
  it('hands parallel checks back as pending, after the onRequest rules and with their decisions', async () => {
    let sawDecisions: unknown;
    const chain = await createPolicyChain([
      policy('scorer', { onRequest: () => allow([{ type: 'suspicion', count: 1, score: 0.5 }]) }),
      policy('guard', {
        requestCheck: {
          mode: 'parallel',
          async check(request) {
            sawDecisions = request.decisions;
            return block({ code: 'unsafe', reason: 'the guard said so' });
          },
        },
      }),
    ]);
    const outcome = await chain.request(scope, input);
    expect(outcome.blocked).toBeUndefined();
    expect(outcome.pending).toBeDefined();
    const verdict = await outcome.pending!;
    expect(verdict.blocked).toEqual({
      policy: 'guard',
      rule: 'rule_guard',
      code: 'unsafe',
      reason: 'the guard said so',
    });
    expect(verdict.decisions[0]).toMatchObject({
      policy: 'guard',
      action: 'block',
      check: { mode: 'parallel' },
    });
    expect(sawDecisions).toEqual([
      {
        policy: 'scorer',
        rule: 'rule_scorer',
        stage: 'request',
        action: 'allow',
        findings: [{ type: 'suspicion', count: 1, score: 0.5 }],
      },
    ]);
  });

  it('awaits sequential checks before returning; their block stops the request and aborts the parallel ones', async () => {
    const parallelSeen: { aborted?: boolean } = {};
    const chain = await createPolicyChain([
      policy(
        'slow',
        slowCheck('parallel', 5_000, () => allow(), parallelSeen),
      ),
      policy(
        'first',
        slowCheck('sequential', 10, () => block({ code: 'no', reason: 'no' }), {}),
      ),
    ]);
    const outcome = await chain.request(scope, input);
    expect(outcome.blocked?.policy).toBe('first');
    expect(outcome.pending).toBeUndefined();
    expect(outcome.decisions).toMatchObject([
      { policy: 'first', action: 'block', check: { mode: 'sequential' } },
    ]);
    expect(parallelSeen.aborted).toBe(true);
  });

  it('settles pending at the first parallel block and aborts the checks still running', async () => {
    const slowSeen: { aborted?: boolean } = {};
    const chain = await createPolicyChain([
      policy(
        'slow',
        slowCheck('parallel', 5_000, () => allow(), slowSeen),
      ),
      policy(
        'quick',
        slowCheck('parallel', 5, () => block({ code: 'no', reason: 'no' }), {}),
      ),
    ]);
    const verdict = await (await chain.request(scope, input)).pending!;
    expect(verdict.blocked?.policy).toBe('quick');
    expect(slowSeen.aborted).toBe(true);
  });

  it('allows once every parallel check allowed, keeping their findings', async () => {
    const chain = await createPolicyChain([
      policy(
        'a',
        slowCheck('parallel', 5, () => allow([{ type: 'safe', count: 1 }]), {}),
      ),
      policy(
        'b',
        slowCheck('parallel', 1, () => allow(), {}),
      ),
    ]);
    const verdict = await (await chain.request(scope, input)).pending!;
    expect(verdict.blocked).toBeUndefined();
    expect(verdict.decisions.map((d) => d.policy).sort()).toEqual(['a', 'b']);
  });

  it.each([
    ['throws', async () => Promise.reject(new Error('boom'))],
    ['rewrites the request', async () => modify({ segments: new Map([[0, 'x']]) })],
  ])('fails closed when a check %s', async (_name, check) => {
    const chain = await createPolicyChain([policy('bad', { requestCheck: { mode: 'sequential', check } })]);
    const outcome = await chain.request(scope, input);
    expect(outcome.blocked?.code).toBe('policy_error');
    expect(outcome.decisions[0]?.action).toBe('error');
  });

  it('does not run checks when an onRequest rule blocked first', async () => {
    let called = false;
    const chain = await createPolicyChain([
      policy('deny', { onRequest: () => block({ code: 'no', reason: 'no' }) }),
      policy('guard', {
        requestCheck: {
          mode: 'parallel',
          async check() {
            called = true;
            return allow();
          },
        },
      }),
    ]);
    const outcome = await chain.request(scope, input);
    expect(outcome.blocked?.policy).toBe('deny');
    expect(outcome.pending).toBeUndefined();
    expect(called).toBe(false);
  });
});
