import type { AuditDecision } from '../audit/record.js';
import type { PolicyConfig } from '../config/types.js';
import { PluginError } from '../errors.js';
import type { Decision, Finding, TextSegment } from '../plugin/decision.js';
import type {
  EndpointKind,
  PolicyContext,
  PolicyHooks,
  PolicyRequest,
  PolicyResponse,
  TextScanner,
} from '../plugin/types.js';
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

/** What the response policies did to a whole answer. */
export interface ResponseOutcome {
  decisions: AuditDecision[];
  blocked: BlockedBy | undefined;
  text: string;
  /** `length` when a rule cut the answer short, `content_filter` when one blocked it. */
  finishReason: 'length' | 'content_filter' | undefined;
}

/** Filters a streamed answer incrementally; see ARCHITECTURE.md "Streaming". */
export interface StreamFilter {
  push(delta: string): string;
  end(): string;
  /** Set once a rule blocked or cut the answer; nothing more is emitted after it. */
  readonly finishReason: 'length' | 'content_filter' | undefined;
  readonly blocked: BlockedBy | undefined;
  decisions(): AuditDecision[];
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
  response(scope: Scope, input: { text: string; finishReason: string | null }): Promise<ResponseOutcome>;
  /** An incremental filter, or undefined when a rule that applies needs the whole answer. */
  streamFilter(scope: Scope): StreamFilter | undefined;
  /** Rule types that act on answers for this scope but cannot work incrementally. */
  bufferedOnly(scope: Scope): string[];
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
      let finishReason: ResponseOutcome['finishReason'];
      for (const rule of active(scope)) {
        if (!respondsTo(rule)) continue;
        let decision: Decision;
        if (rule.hooks.responseScanner !== undefined) {
          // Scanner rules run as a scanner on whole answers too, so buffered and incremental agree.
          decision = await run(rule, 'responseScanner', () =>
            scannerDecision(rule, rule.hooks.responseScanner!, text),
          );
        } else if (rule.hooks.onResponse !== undefined) {
          const response: PolicyResponse = {
            ...scope,
            text,
            finishReason: finishReason ?? input.finishReason,
          };
          decision = await run(rule, 'onResponse', () => rule.hooks.onResponse!(response));
        } else {
          decision = { kind: 'allow', findings: [] };
        }
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
        decisions.push(record(rule, 'response', decision));
        if (decision.kind === 'block') {
          // The answer ends before the first blocking match; everything before it was checked.
          const kept = decision.text ?? '';
          return {
            decisions,
            blocked: blockedBy(rule, decision),
            text: kept,
            finishReason: 'content_filter',
          };
        }
      }
      return { decisions, blocked: undefined, text, finishReason };
    },

    streamFilter(scope) {
      const rules = active(scope).filter(respondsTo);
      if (rules.some((r) => r.hooks.onResponse !== undefined && r.hooks.responseScanner === undefined))
        return undefined;
      return new ChainStreamFilter(rules);
    },

    bufferedOnly(scope) {
      return active(scope)
        .filter((r) => r.hooks.onResponse !== undefined && r.hooks.responseScanner === undefined)
        .map((r) => r.type);
    },
  };
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
    limiter?: TokenLimiter;
    counts: Map<string, number>;
    truncated: boolean;
  }[];

  constructor(rules: LiveRule[]) {
    this.stages = rules.map((rule) => ({
      rule,
      ...(rule.hooks.responseScanner === undefined
        ? {}
        : { stage: new ScanStage(rule.hooks.responseScanner) }),
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

  private flow(input: string, ending: boolean): string {
    if (this.finishReason !== undefined) return '';
    let text = input;
    // Once a stage ends the answer, the stages after it flush what it let through.
    let ended = ending;
    for (const entry of this.stages) {
      if (entry.stage !== undefined) {
        const output = runStage(entry.stage, text, ended);
        for (const [type, n] of output.counts) entry.counts.set(type, (entry.counts.get(type) ?? 0) + n);
        text = output.text;
        if (output.blockedBy !== undefined && this.finishReason === undefined) {
          this.finishReason = 'content_filter';
          this.blocked = {
            policy: entry.rule.policy.id,
            rule: entry.rule.type,
            code: `${entry.rule.type}_blocked`,
            reason: `the answer contains ${output.blockedBy.type}`,
          };
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
