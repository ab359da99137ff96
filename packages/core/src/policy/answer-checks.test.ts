import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allow, block, modify } from '../plugin/decision.js';
import type { AnswerWindow, PolicyHooks } from '../plugin/types.js';
import { oneRulePolicy } from '../test-support/one-rule-policy.js';
import type { AnswerGate, Released } from './answer-checks.js';
import { createPolicyChain } from './chain.js';

const policy = (id: string, hooks: PolicyHooks) => oneRulePolicy(id, `rule_${id}`, hooks);

const scope = { endpoint: 'chat' as const, targetId: 't', model: 'm' };
const prompt = [{ id: 0, role: 'user' as const, source: 'message' as const, text: 'tell me' }];

/** An answer check that blocks windows containing `bad`, settling when `release` is called for it. */
function heldCheck(windowChars: number, options: { maxInFlight?: number } = {}) {
  const seen: { window: AnswerWindow; release: () => void; signal: AbortSignal }[] = [];
  const hooks: PolicyHooks = {
    answerCheck: {
      windowChars,
      ...(options.maxInFlight === undefined ? {} : { maxInFlight: options.maxInFlight }),
      check: (window, signal) =>
        new Promise((resolve) => {
          seen.push({
            window,
            signal,
            release: () =>
              resolve(
                window.text.slice(window.start).includes('bad')
                  ? block({
                      code: 'unsafe',
                      reason: 'the window says bad',
                      findings: [{ type: 'unsafe', count: 1 }],
                    })
                  : allow([{ type: 'safe', count: 1 }]),
              ),
          });
        }),
    },
  };
  return { hooks, seen };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function texts(released: Released<string>[]): string {
  return released.map((r) => ('text' in r ? r.text : `<${r.item}>`)).join('');
}

async function gateFor(hooks: PolicyHooks): Promise<AnswerGate<string>> {
  const chain = await createPolicyChain([policy('guard', hooks)]);
  const gate = chain.answerGate<string>(scope, { prompt });
  if (gate === undefined) throw new Error('expected a gate');
  return gate;
}

describe('answer checks on whole answers', () => {
  it('judge the answer after the other response rules, and a block empties it', async () => {
    const judged: AnswerWindow[] = [];
    const chain = await createPolicyChain([
      policy('guard', {
        answerCheck: {
          windowChars: 10,
          check: async (window) => {
            judged.push(window);
            return window.text.includes('[redacted]') ? block({ code: 'unsafe', reason: 'no' }) : allow();
          },
        },
      }),
      policy('redactor', {
        onResponse: (r) =>
          modify({ text: r.text.replace('secret', '[redacted]'), findings: [{ type: 'secret', count: 1 }] }),
      }),
    ]);
    const outcome = await chain.response(scope, { text: 'the secret is out', finishReason: 'stop', prompt });
    expect(judged).toEqual([{ ...scope, prompt, text: 'the [redacted] is out', start: 0, final: true }]);
    expect(outcome.blocked).toMatchObject({ policy: 'guard', rule: 'rule_guard', code: 'unsafe' });
    expect(outcome.finishReason).toBe('content_filter');
    expect(outcome.text).toBe('');
    expect(outcome.decisions.map((d) => [d.policy, d.action, d.check?.mode])).toEqual([
      ['redactor', 'modify', undefined],
      ['guard', 'block', 'whole'],
    ]);
  });

  it('fail closed when a check rewrites or throws', async () => {
    for (const check of [
      async () => modify({ text: 'other' }),
      async () => {
        throw new Error('boom');
      },
    ]) {
      const chain = await createPolicyChain([policy('guard', { answerCheck: { windowChars: 10, check } })]);
      const outcome = await chain.response(scope, { text: 'fine', finishReason: 'stop' });
      expect(outcome.blocked?.code).toBe('policy_error');
      expect(outcome.decisions[0]?.action).toBe('error');
    }
  });

  it('leave the stream plan incremental: a check needs no whole answer', async () => {
    const chain = await createPolicyChain([policy('guard', heldCheck(10).hooks)]);
    expect(chain.streamPlan(scope)).toEqual({ plan: 'incremental', bufferedBy: [] });
    expect(chain.streamFilter(scope)?.decisions()).toEqual([]);
  });
});

describe('the answer gate', () => {
  it('holds each window until its verdict, cuts at white space and releases in order', async () => {
    const { hooks, seen } = heldCheck(10);
    const gate = await gateFor(hooks);
    gate.text('one two three four');
    gate.text(' five six');
    // A window is what arrived, to its last white space: 'four' may go on in the next piece.
    expect(seen.map((s) => s.window.text.slice(s.window.start))).toEqual(['one two three ', 'four five ']);
    expect(gate.take()).toEqual([]);
    // The second verdict first: nothing moves until the first window is judged.
    seen[1]!.release();
    await tick();
    expect(gate.take()).toEqual([]);
    seen[0]!.release();
    await tick();
    expect(texts(gate.take())).toBe('one two three four five ');
    gate.end();
    expect(seen[2]?.window).toMatchObject({ text: 'one two three four five six', start: 24, final: true });
    seen[2]!.release();
    await tick();
    expect(texts(gate.take())).toBe('six');
    expect(gate.finished).toBe(true);
    const [decision] = gate.decisions();
    expect(decision).toMatchObject({ action: 'allow', check: { mode: 'windows', windows: 3 } });
    expect(decision?.findings).toEqual([{ type: 'safe', count: 3 }]);
  });

  it('judges the rest as the last window at the end, with the whole answer as its text', async () => {
    const { hooks, seen } = heldCheck(100);
    const gate = await gateFor(hooks);
    gate.text('short ');
    gate.text('answer');
    expect(seen).toHaveLength(0);
    gate.end();
    expect(seen[0]?.window).toEqual({ ...scope, prompt, text: 'short answer', start: 0, final: true });
    expect(gate.finished).toBe(false);
    seen[0]!.release();
    await gate.changed();
    expect(texts(gate.take())).toBe('short answer');
    expect(gate.finished).toBe(true);
  });

  it('keeps reasoning and tool calls behind the text put before them', async () => {
    const { hooks, seen } = heldCheck(100);
    const gate = await gateFor(hooks);
    gate.item('thinking');
    expect(texts(gate.take())).toBe('<thinking>');
    gate.text('calling a tool');
    gate.item('call');
    // The text before the call became a window of its own.
    expect(seen).toHaveLength(1);
    expect(gate.take()).toEqual([]);
    seen[0]!.release();
    await tick();
    expect(texts(gate.take())).toBe('calling a tool<call>');
  });

  it('ends at a block: the blocked window and everything after it stay unsent, the other checks are aborted', async () => {
    const { hooks, seen } = heldCheck(10);
    const gate = await gateFor(hooks);
    gate.text('first part is fine, ');
    gate.text('then a bad part, ');
    gate.text('and more text ');
    expect(seen).toHaveLength(3);
    seen[0]!.release();
    seen[1]!.release();
    await tick();
    const released = texts(gate.take());
    expect(released).toBe(seen[0]!.window.text.slice(0, seen[1]!.window.text.length));
    expect(released).not.toContain('bad');
    expect(gate.blocked).toMatchObject({ policy: 'guard', code: 'unsafe' });
    expect(gate.finished).toBe(true);
    expect(seen[2]!.signal.aborted).toBe(true);
    gate.text('more after the block');
    gate.item('call');
    expect(gate.take()).toEqual([]);
    expect(gate.decisions()[0]).toMatchObject({ action: 'block', check: { mode: 'windows' } });
  });

  it('is busy while as many windows as allowed are judged', async () => {
    const { hooks, seen } = heldCheck(10, { maxInFlight: 1 });
    const gate = await gateFor(hooks);
    gate.text('a window of text ');
    expect(gate.busy).toBe(true);
    seen[0]!.release();
    await tick();
    expect(gate.busy).toBe(false);
  });

  it('aborts the checks under way when closed', async () => {
    const { hooks, seen } = heldCheck(10);
    const gate = await gateFor(hooks);
    gate.text('a window of text ');
    gate.close();
    expect(seen[0]!.signal.aborted).toBe(true);
  });

  it('releases exactly the text put, and only after a check saw it, for any cutting (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '語', 'x') }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 20 }),
        async (pieces, windowChars) => {
          const judged: string[] = [];
          const gate = await gateFor({
            answerCheck: {
              windowChars,
              check: async (window) => {
                judged.push(window.text);
                return allow();
              },
            },
          });
          let out = '';
          for (const piece of pieces) {
            gate.text(piece);
            await tick();
            for (const r of gate.take()) {
              if ('text' in r) out += r.text;
              // Everything released so far was part of a judged window.
              expect(judged.some((j) => j.length >= out.length && j.startsWith(out))).toBe(true);
            }
          }
          gate.end();
          await tick();
          for (const r of gate.take()) if ('text' in r) out += r.text;
          expect(out).toBe(pieces.join(''));
          expect(gate.finished).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
