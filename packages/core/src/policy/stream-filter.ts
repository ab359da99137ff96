import type { AuditDecision } from '../audit/record.js';
import type { ToolCall } from '../wire/openai.js';
import { TransformStage } from './answer-transform.js';
import type { BlockedBy, StreamFilter } from './chain.js';
import { failedClosed, type LiveRule } from './live-rule.js';
import { ScanStage, type StageOutput } from './scan-stage.js';
import { Tally } from './tally.js';
import { scanArguments } from './tool-arguments.js';

/** The incremental filter over the response rules that apply to one scope: scanners and answer transforms. */
export class ChainStreamFilter implements StreamFilter {
  finishReason: 'length' | 'content_filter' | undefined;
  blocked: BlockedBy | undefined;
  private readonly stages: {
    rule: LiveRule;
    stage?: ScanStage;
    /** The same scanner over the reasoning text, a separate stream. */
    reasoningStage?: ScanStage;
    transform?: TransformStage;
    counts: Map<string, number>;
  }[];
  /** Reasoning came since the last endReasoning, so its stages may hold some back. */
  private reasoningOpen = false;

  /** Takes rules whose transforms, if any, are incremental (the chain buffers the others' answers). */
  constructor(rules: LiveRule[]) {
    this.stages = rules.map((rule) => ({
      rule,
      ...(rule.hooks.responseScanner === undefined
        ? {}
        : {
            stage: new ScanStage(rule.hooks.responseScanner),
            reasoningStage: new ScanStage(rule.hooks.responseScanner),
          }),
      ...transformStage(rule),
      counts: new Map(),
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
          this.blockFor(entry.rule, output.blockedBy.type);
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
        this.blockFor(entry.rule, output.blockedBy.type);
        ended = true;
      }
    }
    return text;
  }

  private count(entry: { counts: Map<string, number> }, output: StageOutput): void {
    for (const [type, n] of output.counts) entry.counts.set(type, (entry.counts.get(type) ?? 0) + n);
  }

  /** Ends the answer because a scanner match of `type` blocks it. */
  private blockFor(rule: LiveRule, type: string): void {
    this.block(rule, `${rule.type}_blocked`, `the answer contains ${type}`);
  }

  private block(rule: LiveRule, code: string, reason: string): void {
    if (this.finishReason !== undefined) return;
    this.finishReason = 'content_filter';
    this.blocked = { policy: rule.policy.id, rule: rule.type, code, reason };
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
          this.blockFor(entry.rule, output.blockedBy.type);
          ended = true;
        }
      }
      if (entry.transform !== undefined) {
        try {
          text = entry.transform.push(text, ended);
        } catch (error) {
          // A transform that throws has a bug: the answer ends here, as in answer-pass.ts.
          const failed = failedClosed(entry.rule, 'answerTransform', error);
          this.block(entry.rule, failed.code, failed.reason);
          return '';
        }
        if (entry.transform.finishReason !== undefined && this.finishReason === undefined) {
          this.finishReason = entry.transform.finishReason;
          ended = true;
        }
      }
    }
    return text;
  }

  decisions(): AuditDecision[] {
    return this.stages.map(({ rule, counts, transform }) => {
      const tally = new Tally();
      tally.count([...counts].map(([type, count]) => ({ type, count })));
      if (transform !== undefined) tally.count(transform.findings);
      const findings = tally.all();
      const blocked =
        this.blocked !== undefined &&
        this.blocked.policy === rule.policy.id &&
        this.blocked.rule === rule.type;
      let action: AuditDecision['action'] = findings.length > 0 ? 'modify' : 'allow';
      // A throw (policy_error) is recorded as `error`, as answer-pass.ts records it.
      if (blocked) action = this.blocked?.code === 'policy_error' ? 'error' : 'block';
      return { policy: rule.policy.id, rule: rule.type, stage: 'response', action, findings };
    });
  }
}

function transformStage(rule: LiveRule): { transform?: TransformStage } {
  const transform = rule.hooks.answerTransform;
  if (transform === undefined) return {};
  // The chain buffers answers for a buffered transform (needsWholeAnswer), so this is a bug.
  if (transform.mode === 'buffered')
    throw new Error(`[${rule.type}] a buffered answerTransform cannot filter a stream`);
  return { transform: new TransformStage(transform) };
}

function runStage(stage: ScanStage, text: string, ending: boolean): StageOutput {
  const pushed = stage.push(text);
  if (!ending || pushed.blockedBy !== undefined) return pushed;
  const rest = stage.end();
  const counts = new Map(pushed.counts);
  for (const [k, v] of rest.counts) counts.set(k, (counts.get(k) ?? 0) + v);
  return { ...rest, text: pushed.text + rest.text, counts };
}
