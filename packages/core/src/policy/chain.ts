import type { AuditDecision } from '../audit/record.js';
import type { PolicyConfig } from '../config/types.js';
import { PluginError } from '../errors.js';
import type { TextSegment } from '../plugin/decision.js';
import type { EndpointKind, PolicyContext, PolicyHooks } from '../plugin/types.js';
import type { ToolCall } from '../wire/openai.js';
import { AnswerGate, checksAnswers } from './answer-checks.js';
import { answerPass } from './answer-pass.js';
import { answerTransformProblem } from './answer-transform.js';
import { filtersAnswers, type LiveRule, needsWholeAnswer, respondsTo } from './live-rule.js';
import { requestPass } from './request-pass.js';
import { ChainStreamFilter } from './stream-filter.js';

/** A rule that stopped a request or ended an answer. */
export interface BlockedBy {
  policy: string;
  rule: string;
  code: string;
  reason: string;
}

/** What the request policies did. */
export interface RequestOutcome {
  decisions: AuditDecision[];
  blocked: BlockedBy | undefined;
  /** New text per segment id, for the segments some rule rewrote. */
  changes: Map<number, string>;
  /** The smallest cap any rule put on the answer's tokens. */
  maxTokens: number | undefined;
  /**
   * The verdict of the `parallel` request checks, still running: the host starts the upstream call
   * now, releases nothing of its answer before this settles, and aborts the call on a block.
   * Undefined when no parallel check applies (or the request was blocked already).
   */
  pending: Promise<CheckOutcome> | undefined;
}

/** What the parallel request checks decided. */
export interface CheckOutcome {
  decisions: AuditDecision[];
  blocked: BlockedBy | undefined;
}

/** A whole answer as the response policies read it: its text, reasoning and tool calls. */
export interface AnswerInput {
  text: string;
  finishReason: string | null;
  /** The model's reasoning ("thinking") text, when it sent one. */
  reasoning?: string | undefined;
  /** Tool calls the model made; each call's arguments are checked like text. */
  toolCalls?: readonly ToolCall[] | undefined;
  /** The request's texts as the upstream got them, shown to `onResponse` rules as `prompt`. */
  prompt?: readonly TextSegment[] | undefined;
  /** Aborts the answer checks when the client goes away. */
  signal?: AbortSignal | undefined;
}

/** What the response policies did to a whole answer. */
export interface ResponseOutcome {
  decisions: AuditDecision[];
  blocked: BlockedBy | undefined;
  text: string;
  /** The reasoning after the rules; undefined when the answer had none. */
  reasoning: string | undefined;
  /** The tool calls after the rules (arguments redacted); none when a rule blocked the answer. */
  toolCalls: ToolCall[];
  /** `length` when a rule cut the answer short, `content_filter` when one blocked it. */
  finishReason: 'length' | 'content_filter' | undefined;
}

/** Filters a streamed answer incrementally; see ARCHITECTURE.md "Streaming". */
export interface StreamFilter {
  push(delta: string): string;
  end(): string;
  /** Filters reasoning text, which streams before the answer text through stages of its own. */
  pushReasoning(delta: string): string;
  /**
   * Releases the reasoning held back: call it when answer text or a tool call follows reasoning,
   * and at the end. Returns '' when no reasoning came since the last call.
   */
  endReasoning(): string;
  /** Checks whole tool calls: arguments redacted, or none when a rule blocks (which ends the answer). */
  toolCalls(calls: readonly ToolCall[]): ToolCall[];
  /** Set once a rule blocked or cut the answer; nothing more is emitted after it. */
  readonly finishReason: 'length' | 'content_filter' | undefined;
  readonly blocked: BlockedBy | undefined;
  decisions(): AuditDecision[];
}

/**
 * How a target's streamed answers meet the response rules: `pass_through` when none applies
 * (chunks go out as they come), `incremental` when every one streams exactly (a scanner or an
 * incremental answer transform), `buffered` when one needs the whole answer first.
 */
export type StreamPlan = 'pass_through' | 'incremental' | 'buffered';

/** A scope's stream plan and, for `buffered`, the rule types that force it. */
export interface StreamPlanChoice {
  plan: StreamPlan;
  /** The rule types that need whole answers; empty unless the plan is `buffered` because of them. */
  bufferedBy: string[];
}

/** Where a request is going, to pick the rules that apply. */
export interface Scope {
  endpoint: EndpointKind;
  targetId: string;
  model: string;
}

/** The configured policies, instantiated once, run in order on requests and answers. */
export interface PolicyChain {
  request(
    scope: Scope,
    input: {
      segments: readonly TextSegment[];
      maxTokens: number | undefined;
      metadata: Record<string, string>;
      /** Aborts the request checks when the client goes away. */
      signal?: AbortSignal;
    },
  ): Promise<RequestOutcome>;
  response(scope: Scope, input: AnswerInput): Promise<ResponseOutcome>;
  /** An incremental filter, or undefined when a rule that applies needs the whole answer. */
  streamFilter(scope: Scope): StreamFilter | undefined;
  /**
   * The gate that holds an incremental stream's text until the answer checks judged it (after the
   * stream filter), or undefined when no answer check applies. `T` is the host's event type.
   */
  answerGate<T>(
    scope: Scope,
    input: { prompt: readonly TextSegment[]; signal?: AbortSignal },
  ): AnswerGate<T> | undefined;
  /** Rule types that act on answers for this scope but cannot work incrementally. */
  bufferedOnly(scope: Scope): string[];
  /**
   * The stream plan for a scope. `auto` picks the cheapest exact one; `incremental` is the same
   * but never passes through; `buffered` always buffers.
   */
  streamPlan(scope: Scope, mode?: 'auto' | 'buffered' | 'incremental'): StreamPlanChoice;
  /** A key naming the rules that apply to a scope: scopes with equal keys run the same rules. */
  ruleSet(scope: Scope): string;
}

/** Creates every rule's instance (once, at start) and returns the chain that runs them. */
export async function createPolicyChain(
  policies: readonly PolicyConfig[],
  context: Omit<PolicyContext, 'policyId'> = {},
): Promise<PolicyChain> {
  const rules: LiveRule[] = [];
  for (const policy of policies) {
    for (const rule of policy.rules) {
      let hooks: PolicyHooks;
      try {
        hooks = await rule.definition.create(rule.config, { ...context, policyId: policy.id });
      } catch (error) {
        throw new PluginError(rule.type, 'create', error);
      }
      const problem =
        hooks.answerTransform === undefined ? undefined : answerTransformProblem(hooks.answerTransform);
      if (problem !== undefined) throw new PluginError(rule.type, 'create', new Error(problem));
      rules.push({
        policy,
        type: rule.type,
        hooks,
        appliesTo: policy.appliesTo ?? rule.definition.defaultAppliesTo,
      });
    }
  }

  const active = (scope: Scope) =>
    rules.filter(
      (r) =>
        (r.appliesTo === undefined || r.appliesTo.includes(scope.endpoint)) &&
        (r.policy.targets === undefined || r.policy.targets.includes(scope.targetId)),
    );

  const bufferedOnly = (scope: Scope) =>
    active(scope)
      .filter(needsWholeAnswer)
      .map((r) => r.type);

  return {
    request: (scope, input) => requestPass(active(scope), scope, input),

    response: (scope, input) => answerPass(active(scope), scope, input),

    streamFilter(scope) {
      const rules = active(scope).filter(filtersAnswers);
      if (rules.some(needsWholeAnswer)) return undefined;
      return new ChainStreamFilter(rules);
    },

    answerGate(scope, input) {
      const checking = active(scope).filter(checksAnswers);
      if (checking.length === 0) return undefined;
      return new AnswerGate(checking, scope, input.prompt, input.signal);
    },

    bufferedOnly,

    ruleSet(scope) {
      return active(scope)
        .map((rule) => rules.indexOf(rule))
        .join(',');
    },

    streamPlan(scope, mode = 'auto') {
      if (mode === 'buffered') return { plan: 'buffered', bufferedBy: [] };
      const bufferedBy = bufferedOnly(scope);
      if (bufferedBy.length > 0) return { plan: 'buffered', bufferedBy };
      const answering = active(scope).some(respondsTo);
      return { plan: mode === 'auto' && !answering ? 'pass_through' : 'incremental', bufferedBy };
    },
  };
}
