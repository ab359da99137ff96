import type { Finding } from '../plugin/decision.js';
import type { AnswerTransform, AnswerTransformRun, AnswerTransformStep } from '../plugin/types.js';

/** An incremental transform, the shape the stream filter can run. */
export type IncrementalTransform = AnswerTransform & { mode: 'incremental' };

/**
 * One answer's run of an incremental transform: the steps' texts joined, stopping at the first
 * step that ends the answer (nothing is pushed to the run after it), their findings collected.
 */
export class TransformStage {
  /** `length` once a step cut the answer short. */
  finishReason: 'length' | undefined;
  readonly findings: Finding[] = [];
  private readonly run: AnswerTransformRun;

  constructor(transform: IncrementalTransform) {
    this.run = transform.start();
  }

  /** Pushes a piece of the answer text, and ends the run when `ending`; returns what may go out. */
  push(text: string, ending: boolean): string {
    if (this.finishReason !== undefined) return '';
    let out = this.take(this.run.push(text));
    if (ending && this.finishReason === undefined) out += this.take(this.run.end());
    return out;
  }

  private take(step: AnswerTransformStep): string {
    if (step.findings !== undefined) this.findings.push(...step.findings);
    if (step.finishReason === 'length') this.finishReason = 'length';
    return step.text;
  }
}

/**
 * A transform applied to a whole answer text. An incremental one gets the text in one push, so
 * whole answers and streams go through the same code.
 */
export function transformWhole(transform: AnswerTransform, text: string): AnswerTransformStep {
  if (transform.mode === 'buffered') return transform.apply(text);
  const stage = new TransformStage(transform);
  const out = stage.push(text, true);
  return {
    text: out,
    findings: stage.findings,
    ...(stage.finishReason === undefined ? {} : { finishReason: stage.finishReason }),
  };
}

/** Why a value is not an {@link AnswerTransform}, or undefined when it is one. */
export function answerTransformProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'answerTransform must be an object';
  const { mode, start, apply } = value as Record<string, unknown>;
  if (mode === 'incremental') {
    return typeof start === 'function'
      ? undefined
      : 'an incremental answerTransform needs a start() function';
  }
  if (mode === 'buffered') {
    return typeof apply === 'function'
      ? undefined
      : 'a buffered answerTransform needs an apply(text) function';
  }
  return `answerTransform.mode must be "incremental" or "buffered", got ${JSON.stringify(mode)}`;
}
