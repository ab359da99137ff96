import type { AuditDecision } from '../audit/record.js';
import type { Decision, Finding, TextSegment } from '../plugin/decision.js';
import type { AnswerPart, AnswerTransformStep, PolicyResponse, TextScanner } from '../plugin/types.js';
import type { ToolCall } from '../wire/openai.js';
import { checksAnswers, checkWholeAnswer } from './answer-checks.js';
import { transformWhole } from './answer-transform.js';
import type { AnswerInput, ResponseOutcome, Scope } from './chain.js';
import { blockedBy, failedClosed, filtersAnswers, type LiveRule, record, run } from './live-rule.js';
import { applyScanner, type StageOutput } from './scan-stage.js';
import { Tally } from './tally.js';
import { canonicalJson, scanArguments } from './tool-arguments.js';

/**
 * Runs the response rules over a whole answer, each in turn on its reasoning, its text and its
 * tool calls' arguments; the first block ends the answer. The answer checks judge the text last,
 * as the client would get it.
 */
export async function answerPass(
  rules: readonly LiveRule[],
  scope: Scope,
  input: AnswerInput,
): Promise<ResponseOutcome> {
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
  for (const rule of rules) {
    if (!filtersAnswers(rule)) continue;
    const tally = new Tally();
    // Reasoning first: a stream sends it before the answer text, so a block there ends
    // the answer before any text.
    if (reasoning !== undefined && reasoning !== '') {
      const decision = tally.add(
        await decidePart(rule, scope, 'reasoning', reasoning, input.finishReason, input.prompt),
      );
      if (decision.kind === 'block') {
        decisions.push(record(rule, 'response', tally.decision(decision)));
        return { ...ended(rule, decision), text: '', reasoning: decision.text ?? '' };
      }
      if (decision.kind === 'modify' && decision.text !== undefined) reasoning = decision.text;
    }

    let decision = await decidePart(
      rule,
      scope,
      'content',
      text,
      finishReason ?? input.finishReason,
      input.prompt,
    );
    if (decision.kind === 'modify' && decision.text !== undefined) {
      text = decision.text;
      if (decision.finishReason !== undefined) finishReason = decision.finishReason;
    }
    const transform = rule.hooks.answerTransform;
    if (decision.kind !== 'block' && transform !== undefined) {
      let step: AnswerTransformStep | undefined;
      try {
        step = transformWhole(transform, text);
      } catch (error) {
        decision = failedClosed(rule, 'answerTransform', error);
      }
      if (step !== undefined) {
        text = step.text;
        if (step.finishReason !== undefined) finishReason = step.finishReason;
        const findings = step.findings ?? [];
        // Findings or a cut make the rule's decision a modify, in streams too (stream-filter.ts).
        if (findings.length > 0 || step.finishReason !== undefined) {
          decision = { kind: 'modify', findings: [...decision.findings, ...findings], text };
        }
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
  const checking = rules.filter(checksAnswers);
  if (checking.length > 0) {
    const checked = await checkWholeAnswer(checking, scope, {
      text,
      prompt: input.prompt ?? [],
      signal: input.signal,
    });
    decisions.push(...checked.decisions);
    if (checked.blocked !== undefined) {
      return {
        decisions,
        blocked: checked.blocked,
        finishReason: 'content_filter',
        toolCalls: [],
        text: '',
        reasoning,
      };
    }
  }
  return { decisions, blocked: undefined, text, reasoning, toolCalls: calls, finishReason };
}

/** One rule's decision on one part of an answer: its scanner if it has one, else its onResponse. */
async function decidePart(
  rule: LiveRule,
  scope: Scope,
  part: AnswerPart,
  text: string,
  finishReason: string | null,
  prompt: readonly TextSegment[] = [],
): Promise<Decision> {
  const scanner = rule.hooks.responseScanner;
  if (scanner !== undefined) {
    // Scanner rules run as a scanner on whole answers too, so buffered and incremental agree.
    return run(rule, 'responseScanner', () => scannerDecision(rule, scanner, text));
  }
  const onResponse = rule.hooks.onResponse;
  if (onResponse === undefined) return { kind: 'allow', findings: [] };
  const response: PolicyResponse = { ...scope, text, finishReason, part, prompt };
  return run(rule, 'onResponse', () => onResponse(response));
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
