import {
  CONTRACT_VERSION,
  type EndpointKind,
  type PolicyContext,
  type PolicyDefinition,
  type TextSegment,
} from '@keeptrusts/core';
import { type AnswerInput, createPolicyChain, type PolicyChain, type Scope } from '@keeptrusts/core/chain';
import { describe, expect, it } from 'vitest';
import { loadOrThrow, loadValue, manifestOf } from './config-text.js';

/** A prompt as policies see it: one user message, or the segments and token cap of a request. */
export type PolicyCaseRequest =
  | string
  | { segments: readonly TextSegment[]; maxTokens?: number | undefined; metadata?: Record<string, string> };

/**
 * What a rule must do with a case: let it through untouched, rewrite it (the prompt's segments in
 * order, or the answer's text, with `finishReason: 'length'` when the rule cut the answer short),
 * cap the answer's tokens (requests), or block it with a code (for answers, optionally naming the
 * text that is still delivered before the block).
 */
export type PolicyCaseExpectation =
  | 'allow'
  | { modify: string | readonly string[]; finishReason?: 'length' }
  | { maxTokens: number }
  | { block: string; text?: string };

/** One behaviour of a rule: its settings as written, a prompt or an answer, and the outcome. */
export interface PolicyCase<Written> {
  name: string;
  /** The rule's settings as written in YAML, without `type`. */
  config: Written;
  /** Endpoint kind of the request; default `chat`. */
  endpoint?: EndpointKind;
  request?: PolicyCaseRequest;
  /** An answer's text, or a whole answer (reasoning, tool calls). */
  response?: string | AnswerInput;
  expect: PolicyCaseExpectation;
}

/** A config the rule must refuse, and a piece of the loader's message for it. */
export interface InvalidPolicyConfig {
  config: Record<string, unknown>;
  /** Text the message contains, or a pattern it matches; the message is `path: …` without file and line. */
  message: string | RegExp;
}

/** What {@link testPolicy} checks, in the spirit of ESLint's RuleTester. */
export interface TestPolicyOptions<Written> {
  /** Settings the rule must accept (and start with). */
  valid: readonly Written[];
  invalid: readonly InvalidPolicyConfig[];
  cases: readonly PolicyCase<Written>[];
  /** What the host offers the rule (an `embed` function for semantic detectors). */
  context?: Omit<PolicyContext, 'policyId'>;
}

const POLICY_ID = 'conformance';

/** A rule's settings as written in YAML, from its definition's schema. */
type WrittenOf<D> = D extends PolicyDefinition<unknown, infer Written> ? Written : never;

/**
 * Registers a vitest suite that checks a policy plugin the way ESLint's `RuleTester` checks a rule:
 * every `valid` setting loads through the config loader and starts; every `invalid` one is refused
 * with its message, located by file and line; every case runs through the gateway's real policy chain
 * and gets the expected decision. Answers are also streamed through the chain's incremental filter,
 * cut several ways, and must come out exactly as the whole answer did. Settings are typed from the
 * rule's schema. Call it at the top level of a test file.
 *
 * @example
 * testPolicy(keywordDeny, {
 *   valid: [{ action: 'block', words: ['secret'] }],
 *   invalid: [{ config: { action: 'block', words: [] }, message: 'words: expected a list with at least 1 item(s)' }],
 *   cases: [{ name: 'blocks a denied word', config: { action: 'block', words: ['secret'] }, request: 'a secret', expect: { block: 'keyword_denied' } }],
 * });
 */
export function testPolicy<Definition extends PolicyDefinition<unknown, unknown>>(
  definition: Definition,
  options: NoInfer<TestPolicyOptions<WrittenOf<Definition>>>,
): void {
  type Written = WrittenOf<Definition>;
  for (const c of options.cases) {
    if ((c.request === undefined) === (c.response === undefined)) {
      throw new Error(
        `testPolicy(${definition.type}): case "${c.name}" needs exactly one of request and response`,
      );
    }
  }
  const manifest = manifestOf({ policies: [definition] });
  const written = (config: unknown) => ({
    policies: [{ id: POLICY_ID, rules: [{ type: definition.type, ...(config as object) }] }],
  });
  const chainFor = async (config: Written): Promise<PolicyChain> =>
    createPolicyChain((await loadOrThrow(manifest, written(config))).policies, options.context);

  describe(`${definition.type} policy conformance`, () => {
    it('is a frozen definition made by definePolicy', () => {
      expect(definition).toMatchObject({ kind: 'policy', contract: CONTRACT_VERSION });
      expect(Object.isFrozen(definition)).toBe(true);
    });

    describe('valid settings', () => {
      it.each(options.valid.map((config) => ({ config, label: JSON.stringify(config) })))(
        'loads and starts with $label',
        async ({ config }) => {
          const chain = await chainFor(config);
          expect(chain).toBeDefined();
        },
      );
    });

    describe('invalid settings', () => {
      it.each(options.invalid.map((c) => ({ ...c, label: JSON.stringify(c.config) })))(
        'refuses $label',
        async ({ config, message }) => {
          const result = await loadValue(manifest, written(config));
          expect(result.ok, 'the loader should refuse these settings').toBe(false);
          if (result.ok) return;
          for (const issue of result.issues) {
            expect(issue.line, `every problem is located: ${issue.message}`).toBeGreaterThan(0);
            expect(issue.path.startsWith('policies[0].rules[0]')).toBe(true);
          }
          const messages = result.issues.map((issue) => `${issue.path}: ${issue.message}`);
          expect(
            messages.some((m) => (typeof message === 'string' ? m.includes(message) : message.test(m))),
            `expected a message with ${String(message)}; got:\n${result.text}`,
          ).toBe(true);
        },
      );
    });

    describe('cases', () => {
      it.each(options.cases.map((c) => ({ ...c, label: c.name })))('$label', async (c) => {
        const chain = await chainFor(c.config);
        const scope: Scope = { endpoint: c.endpoint ?? 'chat', targetId: 't', model: 'm' };
        if (c.request !== undefined) await checkRequest(chain, scope, c.request, c.expect);
        else await checkResponse(chain, scope, c.response!, c.expect);
      });
    });
  });
}

async function checkRequest(
  chain: PolicyChain,
  scope: Scope,
  request: PolicyCaseRequest,
  expected: PolicyCaseExpectation,
): Promise<void> {
  const input =
    typeof request === 'string'
      ? {
          segments: [{ id: 0, role: 'user' as const, source: 'message' as const, text: request }],
          maxTokens: undefined,
        }
      : request;
  const outcome = await chain.request(scope, {
    segments: input.segments,
    maxTokens: input.maxTokens,
    metadata: ('metadata' in input ? input.metadata : undefined) ?? {},
  });
  const texts = input.segments.map((s) => outcome.changes.get(s.id) ?? s.text);
  if (expected === 'allow') {
    expect(outcome.blocked, 'the prompt should pass').toBeUndefined();
    expect(texts).toEqual(input.segments.map((s) => s.text));
    expect(outcome.maxTokens).toBe(input.maxTokens);
  } else if ('block' in expected) {
    expect(outcome.blocked?.code, 'the prompt should be blocked').toBe(expected.block);
  } else if ('maxTokens' in expected) {
    expect(outcome.blocked).toBeUndefined();
    expect(outcome.maxTokens).toBe(expected.maxTokens);
  } else {
    expect(outcome.blocked, 'the prompt should be rewritten, not blocked').toBeUndefined();
    expect(texts).toEqual(typeof expected.modify === 'string' ? [expected.modify] : expected.modify);
  }
}

async function checkResponse(
  chain: PolicyChain,
  scope: Scope,
  response: string | AnswerInput,
  expected: PolicyCaseExpectation,
): Promise<void> {
  const answer = typeof response === 'string' ? { text: response, finishReason: 'stop' } : response;
  const outcome = await chain.response(scope, answer);
  if (expected === 'allow') {
    expect(outcome.blocked, 'the answer should pass').toBeUndefined();
    expect(outcome.text).toBe(answer.text);
    expect(outcome.finishReason).toBeUndefined();
  } else if ('block' in expected) {
    expect(outcome.blocked?.code, 'the answer should be blocked').toBe(expected.block);
    expect(outcome.finishReason).toBe('content_filter');
    if (expected.text !== undefined) expect(outcome.text).toBe(expected.text);
  } else if ('maxTokens' in expected) {
    throw new Error('maxTokens is an expectation for requests; for an answer, expect { modify: <cut text> }');
  } else {
    expect(outcome.blocked, 'the answer should be rewritten, not blocked').toBeUndefined();
    expect(outcome.text).toBe(
      typeof expected.modify === 'string' ? expected.modify : expected.modify.join(''),
    );
    expect(outcome.finishReason, 'the finish reason the rule gives the answer').toBe(expected.finishReason);
  }
  // Streamed, the same answer must reach the client exactly as the whole one did, however it is cut.
  if (answer.reasoning !== undefined || (answer.toolCalls?.length ?? 0) > 0) return;
  const points = [...answer.text];
  for (const size of [1, 2, 3, 7, Math.max(1, points.length)]) {
    const filter = chain.streamFilter(scope);
    if (filter === undefined) return;
    let sent = '';
    for (let i = 0; i < points.length && filter.finishReason === undefined; i += size) {
      sent += filter.push(points.slice(i, i + size).join(''));
    }
    sent += filter.end();
    expect(sent, `streamed in pieces of ${size} characters`).toBe(outcome.text);
    expect(filter.blocked?.code, `streamed in pieces of ${size} characters`).toBe(outcome.blocked?.code);
    expect(filter.finishReason, `streamed in pieces of ${size} characters`).toBe(outcome.finishReason);
    // The audit reads alike too: a stream records each rule's action as the whole answer did.
    expect(
      filter.decisions().map((d) => d.action),
      `actions streamed in pieces of ${size} characters`,
    ).toEqual(outcome.decisions.map((d) => d.action));
  }
}
