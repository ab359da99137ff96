import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PolicyConfig } from '../config/types.js';
import { allow, block, modify } from '../plugin/decision.js';
import { definePolicy } from '../plugin/define.js';
import type { PolicyHooks } from '../plugin/types.js';
import { createPolicyChain } from './chain.js';

function policy(
  id: string,
  type: string,
  hooks: PolicyHooks,
  scope: Partial<PolicyConfig> = {},
): PolicyConfig {
  const definition = definePolicy({ type, configSchema: z.strictObject({}), create: () => hooks });
  return {
    id,
    description: undefined,
    appliesTo: undefined,
    targets: undefined,
    rules: [{ type, definition, config: {}, origin: { file: 'x.yaml', path: [] } }],
    origin: { file: 'x.yaml', path: [] },
    ...scope,
  };
}

const scope = { endpoint: 'chat' as const, targetId: 't', model: 'm' };
const segments = [{ id: 0, role: 'user' as const, source: 'message' as const, text: 'hello secret' }];

describe('createPolicyChain', () => {
  it('runs request rules in order; later rules see earlier rewrites', async () => {
    const seen: string[] = [];
    const chain = await createPolicyChain([
      policy('p1', 'mask', {
        onRequest: (r) =>
          modify({
            segments: new Map([[0, r.segments[0]!.text.replace('secret', '[X]')]]),
            findings: [{ type: 'secret', count: 1 }],
          }),
      }),
      policy('p2', 'look', {
        onRequest: (r) => {
          seen.push(r.segments[0]!.text);
          return modify({ maxTokens: 50 });
        },
      }),
    ]);
    const outcome = await chain.request(scope, { segments, maxTokens: 100, metadata: {} });
    expect(seen).toEqual(['hello [X]']);
    expect(outcome.changes.get(0)).toBe('hello [X]');
    expect(outcome.maxTokens).toBe(50);
    expect(outcome.decisions).toEqual([
      {
        policy: 'p1',
        rule: 'mask',
        stage: 'request',
        action: 'modify',
        findings: [{ type: 'secret', count: 1 }],
      },
      { policy: 'p2', rule: 'look', stage: 'request', action: 'modify', findings: [] },
    ]);
  });

  it('stops at the first block', async () => {
    let reached = false;
    const chain = await createPolicyChain([
      policy('deny', 'deny_all', { onRequest: () => block({ code: 'denied', reason: 'no' }) }),
      policy('after', 'after', {
        onRequest: () => {
          reached = true;
          return allow();
        },
      }),
    ]);
    const outcome = await chain.request(scope, { segments, maxTokens: undefined, metadata: {} });
    expect(outcome.blocked).toEqual({ policy: 'deny', rule: 'deny_all', code: 'denied', reason: 'no' });
    expect(reached).toBe(false);
  });

  it('fails closed when a rule throws', async () => {
    const chain = await createPolicyChain([
      policy('buggy', 'buggy', {
        onRequest: () => {
          throw new Error('Cannot read properties of undefined');
        },
      }),
    ]);
    const outcome = await chain.request(scope, { segments, maxTokens: undefined, metadata: {} });
    expect(outcome.blocked).toEqual({
      policy: 'buggy',
      rule: 'buggy',
      code: 'policy_error',
      reason: '[buggy] onRequest threw: Cannot read properties of undefined',
    });
    expect(outcome.decisions[0]?.action).toBe('error');
  });

  it('skips rules scoped to other endpoints or targets', async () => {
    const chain = await createPolicyChain([
      policy(
        'embed-only',
        'deny_all',
        { onRequest: () => block({ code: 'x', reason: 'x' }) },
        { appliesTo: ['embedding'] },
      ),
      policy(
        'other',
        'deny_other',
        { onRequest: () => block({ code: 'x', reason: 'x' }) },
        { targets: ['other'] },
      ),
    ]);
    const outcome = await chain.request(scope, { segments, maxTokens: undefined, metadata: {} });
    expect(outcome).toMatchObject({ blocked: undefined, decisions: [] });
  });

  it('truncates answers to the token limit and says length, in whole and streamed answers alike', async () => {
    const chain = await createPolicyChain([policy('len', 'response_length', { responseTokenLimit: 3 })]);
    const whole = await chain.response(scope, { text: 'one two three four five', finishReason: 'stop' });
    expect(whole).toMatchObject({ text: 'one two three ', finishReason: 'length' });
    const filter = chain.streamFilter(scope)!;
    const out = ['one t', 'wo thr', 'ee four five'].map((d) => filter.push(d)).join('') + filter.end();
    expect(out).toBe('one two three ');
    expect(filter.finishReason).toBe('length');
  });

  it('has no incremental filter when a rule that applies needs the whole answer', async () => {
    const chain = await createPolicyChain([policy('whole', 'judge', { onResponse: () => allow() })]);
    expect(chain.streamFilter(scope)).toBeUndefined();
    expect(chain.bufferedOnly(scope)).toEqual(['judge']);
  });
});
