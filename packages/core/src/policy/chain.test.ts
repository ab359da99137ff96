import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allow, block, modify } from '../plugin/decision.js';
import type { AnswerTransform, PolicyHooks, TextScanner } from '../plugin/types.js';
import { oneRulePolicy } from '../test-support/one-rule-policy.js';
import type { ToolCall } from '../wire/openai.js';
import { createPolicyChain } from './chain.js';

const policy = oneRulePolicy;

const scope = { endpoint: 'chat' as const, targetId: 't', model: 'm' };
const truncated = { type: 'truncated', count: 1 };

/** Cuts answers after `max` characters: an incremental transform whose look-ahead is nothing. */
function charLimit(max: number): AnswerTransform {
  return {
    mode: 'incremental',
    start() {
      let room = max;
      return {
        push(text) {
          if (text.length <= room) {
            room -= text.length;
            return { text };
          }
          return { text: text.slice(0, room), finishReason: 'length', findings: [truncated] };
        },
        end: () => ({ text: '' }),
      };
    },
  };
}

// Redacts "secret", which may be split across chunks.
const secretScanner: TextScanner = {
  holdback: 6,
  lookbehind: 0,
  scan: (text) =>
    [...text.matchAll(/secret/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      type: 'secret',
      replacement: '[S]',
    })),
};
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

  it('cuts answers with an incremental transform and says length, in whole and streamed answers alike', async () => {
    const chain = await createPolicyChain([policy('len', 'char_limit', { answerTransform: charLimit(14) })]);
    const whole = await chain.response(scope, { text: 'one two three four five', finishReason: 'stop' });
    expect(whole).toMatchObject({ text: 'one two three ', finishReason: 'length' });
    expect(whole.decisions).toEqual([
      { policy: 'len', rule: 'char_limit', stage: 'response', action: 'modify', findings: [truncated] },
    ]);
    const filter = chain.streamFilter(scope)!;
    const out = ['one t', 'wo thr', 'ee four five'].map((d) => filter.push(d)).join('') + filter.end();
    expect(out).toBe('one two three ');
    expect(filter.finishReason).toBe('length');
    expect(filter.decisions()).toEqual(whole.decisions);
  });

  it('streams an incremental transform exactly as it transforms whole answers, however the stream is cut', async () => {
    const chain = await createPolicyChain([
      policy('mask', 'masker', { responseScanner: secretScanner }),
      policy('len', 'char_limit', { answerTransform: charLimit(20) }),
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('secret', 'sec', 'ret', ' ', 'ab'), { maxLength: 12 }),
        fc.array(fc.nat(80), { maxLength: 6 }),
        async (pieces, cuts) => {
          const text = pieces.join('');
          const whole = await chain.response(scope, { text, finishReason: 'stop' });
          const filter = chain.streamFilter(scope)!;
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          let out = '';
          let at = 0;
          for (const p of [...points, text.length]) {
            out += filter.push(text.slice(at, p));
            at = p;
          }
          out += filter.end();
          expect(out).toBe(whole.text);
          expect(filter.finishReason).toBe(whole.finishReason);
          // The scanner's counts may differ: a stream stops scanning where the cut ends it.
          expect(filter.decisions()[1]).toEqual(whole.decisions[1]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('buffers the streams of a rule whose transform needs the whole answer', async () => {
    const upper: AnswerTransform = { mode: 'buffered', apply: (text) => ({ text: text.toUpperCase() }) };
    const chain = await createPolicyChain([policy('up', 'shout', { answerTransform: upper })]);
    expect(chain.streamFilter(scope)).toBeUndefined();
    expect(chain.streamPlan(scope)).toEqual({ plan: 'buffered', bufferedBy: ['shout'] });
    const whole = await chain.response(scope, { text: 'quiet', finishReason: 'stop' });
    // Without findings the rule records allow, as a stream would.
    expect(whole).toMatchObject({ text: 'QUIET', finishReason: undefined, decisions: [{ action: 'allow' }] });
  });

  it('fails closed when a transform throws, in whole and streamed answers', async () => {
    const broken: AnswerTransform = {
      mode: 'incremental',
      start: () => ({
        push: (text) => {
          if (text.includes('boom')) throw new Error('bad state');
          return { text };
        },
        end: () => ({ text: '' }),
      }),
    };
    const chain = await createPolicyChain([policy('b', 'broken', { answerTransform: broken })]);
    const blocked = {
      policy: 'b',
      rule: 'broken',
      code: 'policy_error',
      reason: '[broken] answerTransform threw: bad state',
    };
    const whole = await chain.response(scope, { text: 'it goes boom', finishReason: 'stop' });
    expect(whole).toMatchObject({ text: '', finishReason: 'content_filter', blocked });
    expect(whole.decisions[0]?.action).toBe('error');
    const filter = chain.streamFilter(scope)!;
    expect(filter.push('it goes ')).toBe('it goes ');
    expect(filter.push('boom')).toBe('');
    expect(filter.end()).toBe('');
    expect(filter).toMatchObject({ finishReason: 'content_filter', blocked });
    expect(filter.decisions()[0]?.action).toBe('error');
  });

  it.each([
    [{ mode: 'streaming', start: () => ({}) }, 'answerTransform.mode must be "incremental" or "buffered"'],
    [{ mode: 'incremental' }, 'an incremental answerTransform needs a start() function'],
    [{ mode: 'buffered', start: () => ({}) }, 'a buffered answerTransform needs an apply(text) function'],
  ])('refuses to start a rule with answerTransform %j', async (transform, message) => {
    const hooks = { answerTransform: transform } as unknown as PolicyHooks;
    await expect(createPolicyChain([policy('x', 'odd', hooks)])).rejects.toThrow(
      `[odd] create threw: ${message}`,
    );
  });

  it('has no incremental filter when a rule that applies needs the whole answer', async () => {
    const chain = await createPolicyChain([policy('whole', 'judge', { onResponse: () => allow() })]);
    expect(chain.streamFilter(scope)).toBeUndefined();
    expect(chain.bufferedOnly(scope)).toEqual(['judge']);
  });

  it('plans each scope: pass-through without response rules, incremental when all stream, else buffered', async () => {
    const scanner: TextScanner = { holdback: 4, lookbehind: 0, scan: () => [] };
    const chain = await createPolicyChain([
      policy('req', 'request_only', { onRequest: () => allow() }),
      policy('len', 'char_limit', { answerTransform: charLimit(3) }, { targets: ['limited'] }),
      policy('scan', 'scanner', { responseScanner: scanner }, { targets: ['scanned', 'judged'] }),
      policy('whole', 'judge', { onResponse: () => allow() }, { targets: ['judged'] }),
      policy('emb', 'judge', { onResponse: () => allow() }, { appliesTo: ['embedding'] }),
    ]);
    const at = (targetId: string) => ({ ...scope, targetId });
    expect(chain.streamPlan(at('plain'))).toEqual({ plan: 'pass_through', bufferedBy: [] });
    expect(chain.streamPlan(at('limited'))).toEqual({ plan: 'incremental', bufferedBy: [] });
    expect(chain.streamPlan(at('scanned'))).toEqual({ plan: 'incremental', bufferedBy: [] });
    expect(chain.streamPlan(at('judged'))).toEqual({ plan: 'buffered', bufferedBy: ['judge'] });
    // The operator's override: buffered always buffers; incremental never passes through.
    expect(chain.streamPlan(at('plain'), 'buffered')).toEqual({ plan: 'buffered', bufferedBy: [] });
    expect(chain.streamPlan(at('plain'), 'incremental')).toEqual({ plan: 'incremental', bufferedBy: [] });
    expect(chain.streamPlan(at('judged'), 'incremental')).toEqual({
      plan: 'buffered',
      bufferedBy: ['judge'],
    });
  });
});

describe('answers with reasoning and tool calls', () => {
  // Redacts "secret" and blocks "forbidden", as a scanner, so both modes apply it.
  const scanner: TextScanner = {
    holdback: 9,
    lookbehind: 0,
    scan: (text) =>
      [...text.matchAll(/secret|forbidden/g)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        type: m[0] === 'secret' ? 'secret' : 'forbidden',
        ...(m[0] === 'secret' ? { replacement: '[S]' } : {}),
      })),
  };
  const call = (args: string, id = 'call_1'): ToolCall => ({
    id,
    type: 'function',
    function: { name: 'lookup', arguments: args },
  });

  it('redacts reasoning, text and tool call arguments, and sums the findings in one decision', async () => {
    const chain = await createPolicyChain([policy('p', 'mask', { responseScanner: scanner })]);
    const untouched = call('{"q": "weather"}', 'call_2');
    const outcome = await chain.response(scope, {
      text: 'the secret is out',
      finishReason: 'tool_calls',
      reasoning: 'I know the secret',
      // An escaped character cannot hide a value: arguments are read as canonical JSON.
      toolCalls: [call('{"note": "a \\u0073ecret", "n": 1}'), untouched],
    });
    expect(outcome).toMatchObject({
      text: 'the [S] is out',
      reasoning: 'I know the [S]',
      finishReason: undefined,
      blocked: undefined,
    });
    expect(outcome.toolCalls).toEqual([call('{"note":"a [S]","n":1}'), untouched]);
    expect(outcome.toolCalls[1]).toBe(untouched);
    expect(outcome.decisions).toEqual([
      {
        policy: 'p',
        rule: 'mask',
        stage: 'response',
        action: 'modify',
        findings: [{ type: 'secret', count: 3 }],
      },
    ]);
  });

  it('drops the tool calls and keeps the checked text when a tool call is blocked', async () => {
    const chain = await createPolicyChain([policy('p', 'mask', { responseScanner: scanner })]);
    const outcome = await chain.response(scope, {
      text: 'calling the tool',
      finishReason: 'tool_calls',
      toolCalls: [call('{"q": "forbidden"}')],
    });
    expect(outcome).toMatchObject({
      text: 'calling the tool',
      toolCalls: [],
      finishReason: 'content_filter',
      blocked: { policy: 'p', rule: 'mask', code: 'mask_blocked' },
    });
    expect(outcome.decisions[0]).toMatchObject({
      action: 'block',
      findings: [{ type: 'forbidden', count: 1 }],
    });
  });

  it('ends the answer inside the reasoning when the reasoning is blocked', async () => {
    const chain = await createPolicyChain([policy('p', 'mask', { responseScanner: scanner })]);
    const outcome = await chain.response(scope, {
      text: 'the answer',
      finishReason: 'stop',
      reasoning: 'first this, then the forbidden part',
      toolCalls: [call('{}')],
    });
    expect(outcome).toMatchObject({
      reasoning: 'first this, then the ',
      text: '',
      toolCalls: [],
      finishReason: 'content_filter',
    });
  });

  it('blocks rather than send arguments a redaction turned into invalid JSON', async () => {
    const breaking: TextScanner = {
      holdback: 1,
      lookbehind: 0,
      scan: (text) => {
        const at = text.indexOf('"');
        return at < 0 ? [] : [{ start: at, end: at + 1, type: 'quote', replacement: '' + 'X' }];
      },
    };
    const chain = await createPolicyChain([policy('p', 'breaker', { responseScanner: breaking })]);
    const outcome = await chain.response(scope, {
      text: 'no quotes here',
      finishReason: 'tool_calls',
      toolCalls: [call('{"q": 1}')],
    });
    expect(outcome).toMatchObject({ toolCalls: [], finishReason: 'content_filter' });
    const filter = chain.streamFilter(scope)!;
    expect(filter.toolCalls([call('{"q": 1}')])).toEqual([]);
    expect(filter.finishReason).toBe('content_filter');
  });

  it('shows onResponse rules each part, in stream order, and applies their rewrites', async () => {
    const seen: string[] = [];
    const chain = await createPolicyChain([
      policy('p', 'judge', {
        onResponse: (response) => {
          seen.push(`${response.part}: ${response.text}`);
          return response.part === 'tool_arguments'
            ? modify({ text: response.text.replace('x', 'y'), findings: [{ type: 'x', count: 1 }] })
            : allow();
        },
      }),
    ]);
    const outcome = await chain.response(scope, {
      text: 'text',
      finishReason: 'tool_calls',
      reasoning: 'thought',
      toolCalls: [call('{"a": "x"}')],
    });
    expect(seen).toEqual(['reasoning: thought', 'content: text', 'tool_arguments: {"a":"x"}']);
    expect(outcome.toolCalls).toEqual([call('{"a":"y"}')]);
  });

  it('filters streamed reasoning and tool calls as it filters whole answers', async () => {
    const chain = await createPolicyChain([policy('p', 'mask', { responseScanner: scanner })]);
    const filter = chain.streamFilter(scope)!;
    const reasoning = ['I know the se', 'cr', 'et well'].map((d) => filter.pushReasoning(d)).join('');
    const released = filter.endReasoning();
    expect(reasoning + released).toBe('I know the [S] well');
    expect(filter.endReasoning()).toBe('');
    const text = filter.push('a secret answer') + filter.end();
    expect(text).toBe('a [S] answer');
    expect(filter.toolCalls([call('{"q": "secret"}')])).toEqual([call('{"q":"[S]"}')]);
    expect(filter.decisions()).toEqual([
      {
        policy: 'p',
        rule: 'mask',
        stage: 'response',
        action: 'modify',
        findings: [{ type: 'secret', count: 3 }],
      },
    ]);
    expect(filter.toolCalls([call('{"q": "forbidden"}')])).toEqual([]);
    expect(filter.finishReason).toBe('content_filter');
    expect(filter.toolCalls([call('{}')])).toEqual([]);
  });

  it('gives the same reasoning and text streamed, cut anywhere, as whole', async () => {
    const chain = await createPolicyChain([policy('p', 'mask', { responseScanner: scanner })]);
    const text = fc
      .array(fc.constantFrom('secret', 'forbidden', 'sec', 'ret', ' ', 'a', 'x\n'), { maxLength: 20 })
      .map((parts) => parts.join(''));
    const cuts = fc.array(fc.nat({ max: 140 }), { maxLength: 8 });
    const chunks = (whole: string, at: number[]) => {
      const points = [...new Set(at.filter((c) => c > 0 && c < whole.length))].sort((a, b) => a - b);
      return [0, ...points].map((from, i) => whole.slice(from, points[i] ?? whole.length));
    };
    await fc.assert(
      fc.asyncProperty(text, text, cuts, cuts, async (reasoning, answer, reasoningCuts, answerCuts) => {
        const whole = await chain.response(scope, { text: answer, reasoning, finishReason: 'stop' });
        const filter = chain.streamFilter(scope)!;
        let streamedReasoning = '';
        for (const chunk of chunks(reasoning, reasoningCuts))
          streamedReasoning += filter.pushReasoning(chunk);
        streamedReasoning += filter.endReasoning();
        let streamedText = '';
        for (const chunk of chunks(answer, answerCuts)) streamedText += filter.push(chunk);
        streamedText += filter.end();
        expect([streamedReasoning, streamedText, filter.finishReason]).toEqual([
          whole.reasoning ?? '',
          whole.text,
          whole.finishReason,
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('releases reasoning that resumes after answer text', async () => {
    const chain = await createPolicyChain([policy('p', 'mask', { responseScanner: scanner })]);
    const filter = chain.streamFilter(scope)!;
    let reasoning = filter.pushReasoning('first thought');
    reasoning += filter.endReasoning();
    const text = filter.push('some text');
    reasoning += filter.pushReasoning(' and a secret second thought');
    reasoning += filter.endReasoning();
    expect(reasoning).toBe('first thought and a [S] second thought');
    expect(text + filter.end()).toBe('some text');
  });
});
