import type { AuditDecision } from '../audit/record.js';
import type { PolicyConfig } from '../config/types.js';
import { PluginError } from '../errors.js';
import type { Decision, Finding, TextSegment } from '../plugin/decision.js';
import type {
  AnswerPart,
  EndpointKind,
  PolicyContext,
  PolicyHooks,
  PolicyRequest,
  PolicyResponse,
  TextScanner,
} from '../plugin/types.js';
import type { ToolCall } from '../wire/openai.js';
import { applyScanner, ScanStage, type StageOutput } from './scan-stage.js';
import { TokenLimiter, truncateToTokens } from './token-limit.js';

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
}

/** A whole answer as the response policies read it: its text, reasoning and tool calls. */
export interface AnswerInput {
  text: string;
  finishReason: string | null;
  /** The model's reasoning ("thinking") text, when it sent one. */
  reasoning?: string | undefined;
  /** Tool calls the model made; each call's arguments are checked like text. */
  toolCalls?: readonly ToolCall[] | undefined;
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
 * (chunks go out as they come), `incremental` when every one streams exactly (a scanner or a token
 * limit), `buffered` when one needs the whole answer first.
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

interface LiveRule {
  policy: PolicyConfig;
  type: string;
  hooks: PolicyHooks;
  appliesTo: readonly EndpointKind[] | undefined;
}

/** The configured policies, instantiated once, run in order on requests and answers. */
export interface PolicyChain {
  request(
    scope: Scope,
    input: {
      segments: readonly TextSegment[];
      maxTokens: number | undefined;
      metadata: Record<string, string>;
    },
  ): Promise<RequestOutcome>;
  response(scope: Scope, input: AnswerInput): Promise<ResponseOutcome>;
  /** An incremental filter, or undefined when a rule that applies needs the whole answer. */
  streamFilter(scope: Scope): StreamFilter | undefined;
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

  const respondsTo = (r: LiveRule) =>
    r.hooks.onResponse !== undefined ||
    r.hooks.responseScanner !== undefined ||
    r.hooks.responseTokenLimit !== undefined;

  const bufferedOnly = (scope: Scope) =>
    active(scope)
      .filter((r) => r.hooks.onResponse !== undefined && r.hooks.responseScanner === undefined)
      .map((r) => r.type);

  return {
    async request(scope, input) {
      const decisions: AuditDecision[] = [];
      const changes = new Map<number, string>();
      let segments = input.segments;
      let maxTokens = input.maxTokens;
      for (const rule of active(scope)) {
        if (rule.hooks.onRequest === undefined) continue;
        const request: PolicyRequest = { ...scope, segments, maxTokens, metadata: input.metadata };
        const decision = await run(rule, 'onRequest', () => rule.hooks.onRequest!(request));
        decisions.push(record(rule, 'request', decision));
        if (decision.kind === 'block')
          return { decisions, blocked: blockedBy(rule, decision), changes, maxTokens };
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
      return { decisions, blocked: undefined, changes, maxTokens };
    },

    async response(scope, input) {
      const decisions: AuditDecision[] = [];
      let text = input.text;
      let reasoning = input.reasoning;
      let calls = [...(input.toolCalls ?? [])];
      let finishReason: ResponseOutcome['finishReason'];
      const ended = (rule: LiveRule, decision: Decision & { kind: 'block' }) => ({
        decisions,
        blocked: blockedBy(rule, decision),
        finishReason: 'content_filter' as const,
        toolCalls: [],
      });
      for (const rule of active(scope)) {
        if (!respondsTo(rule)) continue;
        const tally = new Tally();
        // Reasoning first: a stream sends it before the answer text, so a block there ends
        // the answer before any text.
        if (reasoning !== undefined && reasoning !== '') {
          const decision = tally.add(
            await decidePart(rule, scope, 'reasoning', reasoning, input.finishReason),
          );
          if (decision.kind === 'block') {
            decisions.push(record(rule, 'response', tally.decision(decision)));
            return { ...ended(rule, decision), text: '', reasoning: decision.text ?? '' };
          }
          if (decision.kind === 'modify' && decision.text !== undefined) reasoning = decision.text;
        }

        let decision = await decidePart(rule, scope, 'content', text, finishReason ?? input.finishReason);
        if (decision.kind === 'modify' && decision.text !== undefined) {
          text = decision.text;
          if (decision.finishReason !== undefined) finishReason = decision.finishReason;
        }
        if (decision.kind !== 'block' && rule.hooks.responseTokenLimit !== undefined) {
          const cut = truncateToTokens(text, rule.hooks.responseTokenLimit);
          if (cut !== undefined) {
            text = cut;
            finishReason = 'length';
            decision = {
              kind: 'modify',
              findings: [...decision.findings, { type: 'truncated', count: 1 }],
              text,
            };
          }
        }
        tally.add(decision);
        if (decision.kind === 'block') {
          // The answer ends before the first blocking match; everything before it was checked.
          decisions.push(record(rule, 'response', tally.decision(decision)));
          return { ...ended(rule, decision), text: decision.text ?? '', reasoning };
        }

        if (
          calls.length > 0 &&
          (rule.hooks.responseScanner !== undefined || rule.hooks.onResponse !== undefined)
        ) {
          const checked: ToolCall[] = [];
          for (const call of calls) {
            const verdict = tally.add(
              await decideArguments(rule, scope, call.function.arguments, input.finishReason),
            );
            if (verdict.kind === 'block') {
              // Half a tool call is no use to a client: the calls go, the checked text stays.
              decisions.push(record(rule, 'response', tally.decision(verdict)));
              return { ...ended(rule, verdict), text, reasoning };
            }
            checked.push(
              verdict.kind === 'modify' && verdict.text !== undefined
                ? { ...call, function: { ...call.function, arguments: verdict.text } }
                : call,
            );
          }
          calls = checked;
        }
        decisions.push(record(rule, 'response', tally.decision()));
      }
      return { decisions, blocked: undefined, text, reasoning, toolCalls: calls, finishReason };
    },

    streamFilter(scope) {
      const rules = active(scope).filter(respondsTo);
      if (rules.some((r) => r.hooks.onResponse !== undefined && r.hooks.responseScanner === undefined))
        return undefined;
      return new ChainStreamFilter(rules);
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

/** One rule's decision on one part of an answer: its scanner if it has one, else its onResponse. */
async function decidePart(
  rule: LiveRule,
  scope: Scope,
  part: AnswerPart,
  text: string,
  finishReason: string | null,
): Promise<Decision> {
  const scanner = rule.hooks.responseScanner;
  if (scanner !== undefined) {
    // Scanner rules run as a scanner on whole answers too, so buffered and incremental agree.
    return run(rule, 'responseScanner', () => scannerDecision(rule, scanner, text));
  }
  const onResponse = rule.hooks.onResponse;
  if (onResponse === undefined) return { kind: 'allow', findings: [] };
  const response: PolicyResponse = { ...scope, text, finishReason, part };
  return run(rule, 'onResponse', () => onResponse(response));
}

/** JSON text re-serialised without needless escapes (`\u0040` becomes `@`); undefined if not JSON. */
function canonicalJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return undefined;
  }
}

const BROKEN_ARGUMENTS = 'a redaction would leave the tool call arguments invalid JSON';

/**
 * One rule's decision on one tool call's arguments. Rules read them as canonical JSON, so no value
 * hides behind an escape sequence; a rewrite that would break JSON blocks instead. Scanner rules go
 * through {@link scanArguments}, as in incremental mode, so both modes decide alike.
 */
async function decideArguments(
  rule: LiveRule,
  scope: Scope,
  args: string,
  finishReason: string | null,
): Promise<Decision> {
  const scanner = rule.hooks.responseScanner;
  if (scanner !== undefined) {
    return run(rule, 'responseScanner', () => stageDecision(rule, scanArguments(scanner, args)));
  }
  const canonical = canonicalJson(args);
  const decision = await decidePart(rule, scope, 'tool_arguments', canonical ?? args, finishReason);
  if (decision.kind !== 'modify' || decision.text === undefined) return decision;
  if (canonical !== undefined && canonicalJson(decision.text) === undefined) {
    return {
      kind: 'block',
      code: `${rule.type}_blocked`,
      reason: BROKEN_ARGUMENTS,
      findings: decision.findings,
    };
  }
  return decision;
}

/**
 * A scanner applied to one tool call's arguments, read as canonical JSON: the arguments unchanged
 * when nothing matched, and a block when the redacted text would no longer be JSON.
 */
function scanArguments(scanner: TextScanner, args: string): StageOutput {
  const canonical = canonicalJson(args);
  const output = applyScanner(scanner, canonical ?? args);
  if (output.counts.size === 0) return { text: args, counts: output.counts };
  if (output.blockedBy === undefined && canonical !== undefined && canonicalJson(output.text) === undefined) {
    const [type] = output.counts.keys();
    return { ...output, blockedBy: { start: 0, end: 0, type: type ?? 'tool_arguments' } };
  }
  return output;
}

/** Sums one rule's findings over the parts of an answer into the one decision the audit records. */
class Tally {
  private readonly findings = new Map<string, Finding>();
  private modified = false;

  add(decision: Decision): Decision {
    if (decision.kind === 'modify') this.modified = true;
    for (const finding of decision.findings) {
      const seen = this.findings.get(finding.type);
      if (seen === undefined) {
        this.findings.set(finding.type, { ...finding });
        continue;
      }
      seen.count += finding.count;
      if (finding.score !== undefined) seen.score = Math.max(seen.score ?? 0, finding.score);
      if (finding.signals !== undefined)
        seen.signals = [...new Set([...(seen.signals ?? []), ...finding.signals])];
    }
    return decision;
  }

  /** The rule's overall decision: the block if one ended the answer, else modify or allow. */
  decision(blocking?: Decision & { kind: 'block' }): Decision {
    const findings = [...this.findings.values()];
    if (blocking !== undefined) return { ...blocking, findings };
    return this.modified ? { kind: 'modify', findings } : { kind: 'allow', findings };
  }
}

function scannerDecision(rule: LiveRule, scanner: TextScanner, text: string): Decision {
  const output = applyScanner(scanner, text);
  return stageDecision(rule, output);
}

function stageDecision(rule: LiveRule, output: StageOutput): Decision {
  const findings: Finding[] = [...output.counts].map(([type, count]) => ({ type, count }));
  if (output.blockedBy !== undefined) {
    return {
      kind: 'block',
      code: `${rule.type}_blocked`,
      reason: `the answer contains ${output.blockedBy.type}`,
      findings,
      text: output.text,
    };
  }
  return findings.length === 0
    ? { kind: 'allow', findings }
    : { kind: 'modify', findings, text: output.text };
}

class ChainStreamFilter implements StreamFilter {
  finishReason: 'length' | 'content_filter' | undefined;
  blocked: BlockedBy | undefined;
  private readonly stages: {
    rule: LiveRule;
    stage?: ScanStage;
    /** The same scanner over the reasoning text, a separate stream. */
    reasoningStage?: ScanStage;
    limiter?: TokenLimiter;
    counts: Map<string, number>;
    truncated: boolean;
  }[];
  /** Reasoning came since the last endReasoning, so its stages may hold some back. */
  private reasoningOpen = false;

  constructor(rules: LiveRule[]) {
    this.stages = rules.map((rule) => ({
      rule,
      ...(rule.hooks.responseScanner === undefined
        ? {}
        : {
            stage: new ScanStage(rule.hooks.responseScanner),
            reasoningStage: new ScanStage(rule.hooks.responseScanner),
          }),
      ...(rule.hooks.responseTokenLimit === undefined
        ? {}
        : { limiter: new TokenLimiter(rule.hooks.responseTokenLimit) }),
      counts: new Map(),
      truncated: false,
    }));
  }

  push(delta: string): string {
    return this.flow(delta, false);
  }

  end(): string {
    return this.flow('', true);
  }

  pushReasoning(delta: string): string {
    this.reasoningOpen = true;
    return this.flowReasoning(delta, false);
  }

  endReasoning(): string {
    if (!this.reasoningOpen) return '';
    this.reasoningOpen = false;
    return this.flowReasoning('', true);
  }

  toolCalls(calls: readonly ToolCall[]): ToolCall[] {
    if (this.finishReason !== undefined) return [];
    let checked = [...calls];
    for (const entry of this.stages) {
      const scanner = entry.rule.hooks.responseScanner;
      if (scanner === undefined) continue;
      const next: ToolCall[] = [];
      for (const call of checked) {
        const output = scanArguments(scanner, call.function.arguments);
        this.count(entry, output);
        if (output.blockedBy !== undefined) {
          this.block(entry.rule, output.blockedBy.type);
          return [];
        }
        next.push(
          output.counts.size === 0
            ? call
            : { ...call, function: { ...call.function, arguments: output.text } },
        );
      }
      checked = next;
    }
    return checked;
  }

  private flowReasoning(input: string, ending: boolean): string {
    if (this.finishReason !== undefined) return '';
    let text = input;
    let ended = ending;
    for (const entry of this.stages) {
      if (entry.reasoningStage === undefined) continue;
      const output = runStage(entry.reasoningStage, text, ended);
      this.count(entry, output);
      text = output.text;
      if (output.blockedBy !== undefined) {
        this.block(entry.rule, output.blockedBy.type);
        ended = true;
      }
    }
    return text;
  }

  private count(entry: { counts: Map<string, number> }, output: StageOutput): void {
    for (const [type, n] of output.counts) entry.counts.set(type, (entry.counts.get(type) ?? 0) + n);
  }

  private block(rule: LiveRule, type: string): void {
    if (this.finishReason !== undefined) return;
    this.finishReason = 'content_filter';
    this.blocked = {
      policy: rule.policy.id,
      rule: rule.type,
      code: `${rule.type}_blocked`,
      reason: `the answer contains ${type}`,
    };
  }

  private flow(input: string, ending: boolean): string {
    if (this.finishReason !== undefined) return '';
    let text = input;
    // Once a stage ends the answer, the stages after it flush what it let through.
    let ended = ending;
    for (const entry of this.stages) {
      if (entry.stage !== undefined) {
        const output = runStage(entry.stage, text, ended);
        this.count(entry, output);
        text = output.text;
        if (output.blockedBy !== undefined && this.finishReason === undefined) {
          this.block(entry.rule, output.blockedBy.type);
          ended = true;
        }
      }
      if (entry.limiter !== undefined) {
        text = entry.limiter.push(text) + (ended ? entry.limiter.end() : '');
        if (entry.limiter.done && this.finishReason === undefined) {
          entry.truncated = true;
          this.finishReason = 'length';
          ended = true;
        }
      }
    }
    return text;
  }

  decisions(): AuditDecision[] {
    return this.stages.map(({ rule, counts, truncated }) => {
      const findings: Finding[] = [...counts].map(([type, count]) => ({ type, count }));
      if (truncated) findings.push({ type: 'truncated', count: 1 });
      const blocked =
        this.blocked !== undefined &&
        this.blocked.policy === rule.policy.id &&
        this.blocked.rule === rule.type;
      return {
        policy: rule.policy.id,
        rule: rule.type,
        stage: 'response',
        action: blocked ? 'block' : findings.length > 0 ? 'modify' : 'allow',
        findings,
      };
    });
  }
}

function runStage(stage: ScanStage, text: string, ending: boolean): StageOutput {
  const pushed = stage.push(text);
  if (!ending || pushed.blockedBy !== undefined) return pushed;
  const rest = stage.end();
  const counts = new Map(pushed.counts);
  for (const [k, v] of rest.counts) counts.set(k, (counts.get(k) ?? 0) + v);
  return { ...rest, text: pushed.text + rest.text, counts };
}

// A policy that throws has a bug: the chain fails closed and blocks.
async function run(
  rule: LiveRule,
  hook: string,
  call: () => Decision | Promise<Decision>,
): Promise<Decision> {
  try {
    return await call();
  } catch (error) {
    const wrapped = new PluginError(rule.type, hook, error);
    return { kind: 'block', code: 'policy_error', reason: wrapped.message, findings: [] };
  }
}

function record(rule: LiveRule, stage: 'request' | 'response', decision: Decision): AuditDecision {
  const action = decision.kind === 'block' && decision.code === 'policy_error' ? 'error' : decision.kind;
  return { policy: rule.policy.id, rule: rule.type, stage, action, findings: [...decision.findings] };
}

function blockedBy(rule: LiveRule, decision: Decision & { kind: 'block' }): BlockedBy {
  return { policy: rule.policy.id, rule: rule.type, code: decision.code, reason: decision.reason };
}
