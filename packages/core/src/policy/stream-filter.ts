import type { AuditDecision } from '../audit/record.js';
import type { Finding } from '../plugin/decision.js';
import type { ToolCall } from '../wire/openai.js';
import type { BlockedBy, StreamFilter } from './chain.js';
import type { LiveRule } from './live-rule.js';
import { ScanStage, type StageOutput } from './scan-stage.js';
import { TokenLimiter } from './token-limit.js';
import { scanArguments } from './tool-arguments.js';

/** The incremental filter over the response rules that apply to one scope: scanners and token limits. */
export class ChainStreamFilter implements StreamFilter {
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
