import type { AuditDecision } from '../audit/record.js';
import type { Decision, TextSegment } from '../plugin/decision.js';
import type { AnswerCheck, AnswerWindow } from '../plugin/types.js';
import type { BlockedBy, Scope } from './chain.js';
import { blockedBy, firstBlockOrAll, type LiveRule, record, runCheck } from './live-rule.js';
import { Tally } from './tally.js';

/** A rule with an answer check. */
export type AnswerCheckingRule = LiveRule & { hooks: { answerCheck: AnswerCheck } };

/** Whether a rule offers an answer check. */
export function checksAnswers(rule: LiveRule): rule is AnswerCheckingRule {
  return rule.hooks.answerCheck !== undefined;
}

/** Windows of one answer judged at once when the check does not say. */
const DEFAULT_IN_FLIGHT = 2;

/** One rule's judgements of an answer, summed over its windows into one audit entry. */
interface RuleTally {
  rule: AnswerCheckingRule;
  tally: Tally;
  durationMs: number;
  windows: number;
  blocking: (Decision & { kind: 'block' }) | undefined;
}

/**
 * The answer checks of one answer: judges windows (or the whole answer) with every check side by
 * side, and keeps what they decided for the audit record.
 */
class AnswerJudge {
  private readonly tallies: RuleTally[];
  private readonly mode: 'whole' | 'windows';

  constructor(rules: readonly AnswerCheckingRule[], mode: 'whole' | 'windows') {
    this.mode = mode;
    this.tallies = rules.map((rule) => ({
      rule,
      tally: new Tally(),
      durationMs: 0,
      windows: 0,
      blocking: undefined,
    }));
  }

  /**
   * Judges one window with every check at once; settles at the first block (aborting the others)
   * or once all allowed. A `modify` cannot be honoured (the check may not rewrite), so it fails closed.
   */
  async judge(window: AnswerWindow, signal: AbortSignal): Promise<BlockedBy | undefined> {
    const controller = new AbortController();
    const bounded = AbortSignal.any([signal, controller.signal]);
    const started = this.tallies.map(async (entry) => {
      const began = performance.now();
      const check = entry.rule.hooks.answerCheck;
      const decision = await runCheck(
        entry.rule,
        'answerCheck',
        () => check.check(window, bounded),
        'an answer check cannot rewrite the answer',
      );
      return { entry, decision, ms: performance.now() - began };
    });
    const { settled, blocking } = await firstBlockOrAll(
      started,
      (judged) => judged.decision.kind === 'block',
      controller,
      'another check blocked the answer',
    );
    for (const { entry, decision, ms } of settled) {
      entry.durationMs += ms;
      entry.windows++;
      entry.tally.add(decision);
      if (decision.kind === 'block') entry.blocking ??= decision;
    }
    if (blocking === undefined || blocking.decision.kind !== 'block') return undefined;
    return blockedBy(blocking.entry.rule, blocking.decision);
  }

  decisions(): AuditDecision[] {
    return this.tallies.map(({ rule, tally, durationMs, windows, blocking }) => {
      const entry = record(rule, 'response', tally.decision(blocking));
      entry.check = { mode: this.mode, duration_ms: Math.round(durationMs), windows };
      return entry;
    });
  }
}

/** Judges a whole answer's text with every answer check, after the other response rules. */
export async function checkWholeAnswer(
  rules: readonly AnswerCheckingRule[],
  scope: Scope,
  input: { text: string; prompt: readonly TextSegment[]; signal?: AbortSignal | undefined },
): Promise<{ decisions: AuditDecision[]; blocked: BlockedBy | undefined }> {
  const judge = new AnswerJudge(rules, 'whole');
  const blocked = await judge.judge(
    { ...scope, prompt: input.prompt, text: input.text, start: 0, final: true },
    input.signal ?? new AbortController().signal,
  );
  return { decisions: judge.decisions(), blocked };
}

/** What an {@link AnswerGate} lets go: answer text that was judged, or another event kept in its place. */
export type Released<T> = { readonly text: string } | { readonly item: T };

/** One entry of the gate's queue, in the order it was put. */
type Queued<T> =
  | { kind: 'window'; start: number; end: number; settled: boolean; blocked: boolean }
  | { kind: 'item'; item: T };

/**
 * Holds an incremental stream's answer text until the answer checks judged it, window by window
 * (see {@link AnswerCheck}). The host puts what the other response rules released (answer text,
 * and other events such as reasoning or tool calls, which keep their place behind the text before
 * them), takes what may go out, and waits on {@link changed} in between. Generic over the host's
 * event type.
 */
export class AnswerGate<T> {
  /** Set once a check blocked; nothing from the blocked window on is released. */
  blocked: BlockedBy | undefined;
  private readonly judge: AnswerJudge;
  private readonly controller = new AbortController();
  private readonly signal: AbortSignal;
  private readonly windowChars: number;
  private readonly maxInFlight: number;
  private readonly queue: Queued<T>[] = [];
  /** Every piece of answer text put so far. */
  private answer = '';
  /** How much of `answer` windows cover. */
  private cut = 0;
  private inFlight = 0;
  private ended = false;
  private wake!: () => void;
  private waiting!: Promise<void>;
  private readonly scope: Scope;
  private readonly prompt: readonly TextSegment[];

  constructor(
    rules: readonly AnswerCheckingRule[],
    scope: Scope,
    prompt: readonly TextSegment[],
    signal?: AbortSignal,
  ) {
    this.scope = scope;
    this.prompt = prompt;
    this.judge = new AnswerJudge(rules, 'windows');
    this.signal =
      signal === undefined ? this.controller.signal : AbortSignal.any([signal, this.controller.signal]);
    // The smallest window any rule asks for, so every rule sees windows no larger than its own.
    this.windowChars = Math.max(1, Math.min(...rules.map((r) => r.hooks.answerCheck.windowChars)));
    this.maxInFlight = Math.max(
      1,
      Math.min(...rules.map((r) => r.hooks.answerCheck.maxInFlight ?? DEFAULT_IN_FLIGHT)),
    );
    this.rearm();
  }

  /** Answer text the other rules released. */
  text(piece: string): void {
    if (this.blocked !== undefined || this.ended || piece === '') return;
    this.answer += piece;
    this.cutWindows();
  }

  /** Something else to send (reasoning, tool calls); it waits for the text put before it. */
  item(item: T): void {
    if (this.blocked !== undefined || this.ended) return;
    // The text before it is judged now, as a window of its own, so the item need not wait for more.
    if (this.cut < this.answer.length) this.startWindow(this.answer.length, false);
    this.queue.push({ kind: 'item', item });
    this.notify();
  }

  /** The answer is complete: the text not yet judged is the last window. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.blocked === undefined && this.cut < this.answer.length)
      this.startWindow(this.answer.length, true);
    this.notify();
  }

  /** What may go out now, in order. */
  take(): Released<T>[] {
    const out: Released<T>[] = [];
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (head.kind === 'item') {
        out.push({ item: head.item });
      } else {
        if (!head.settled || head.blocked) break;
        out.push({ text: this.answer.slice(head.start, head.end) });
      }
      this.queue.shift();
    }
    if (this.blocked !== undefined) this.queue.length = 0;
    return out;
  }

  /** Whether as many windows as the checks allow are being judged: read no more input until one settles. */
  get busy(): boolean {
    return this.inFlight >= this.maxInFlight;
  }

  /** Whether nothing more will come out: the answer ended and was released, or a check blocked it. */
  get finished(): boolean {
    return this.blocked !== undefined || (this.ended && this.queue.length === 0);
  }

  /** Settles at the next change: a window judged, or something put. */
  changed(): Promise<void> {
    return this.waiting;
  }

  /** The client went away: the checks under way are aborted. */
  close(): void {
    this.controller.abort(new Error('the answer stream was closed'));
  }

  /** One audit entry per answer-check rule, summed over the windows it judged. */
  decisions(): AuditDecision[] {
    return this.judge.decisions();
  }

  private cutWindows(): void {
    while (this.answer.length - this.cut >= this.windowChars) {
      // Cut after the last white space in the second half of the window or later, so words stay
      // whole; text without spaces (CJK) is cut where it stands.
      const from = this.cut + Math.ceil(this.windowChars / 2);
      let end = this.answer.length;
      for (let i = this.answer.length - 1; i >= from; i--) {
        if (/\s/.test(this.answer[i]!)) {
          end = i + 1;
          break;
        }
      }
      this.startWindow(end, false);
    }
  }

  private startWindow(end: number, final: boolean): void {
    const entry: Queued<T> & { kind: 'window' } = {
      kind: 'window',
      start: this.cut,
      end,
      settled: false,
      blocked: false,
    };
    this.cut = end;
    this.queue.push(entry);
    this.inFlight++;
    const window: AnswerWindow = {
      ...this.scope,
      prompt: this.prompt,
      text: this.answer.slice(0, end),
      start: entry.start,
      final,
    };
    void this.judge.judge(window, this.signal).then((blocked) => {
      this.inFlight--;
      entry.settled = true;
      if (blocked !== undefined && this.blocked === undefined) {
        entry.blocked = true;
        this.blocked = blocked;
        this.controller.abort(new Error('a check blocked the answer'));
      }
      this.notify();
    });
  }

  private notify(): void {
    this.wake();
    this.rearm();
  }

  private rearm(): void {
    this.waiting = new Promise((resolve) => {
      this.wake = resolve;
    });
  }
}
