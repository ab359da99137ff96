import { describe, expect, it } from 'vitest';
import type { AnswerTransform } from '../plugin/types.js';
import { answerTransformProblem, TransformStage, transformWhole } from './answer-transform.js';

/** Holds each piece back until the next one comes, and records every call it gets. */
function delayed(calls: string[], stopAt?: string): AnswerTransform & { mode: 'incremental' } {
  return {
    mode: 'incremental',
    start() {
      let held = '';
      return {
        push(text) {
          calls.push(`push ${text}`);
          const out = held;
          held = text;
          return stopAt !== undefined && out.includes(stopAt)
            ? {
                text: out.slice(0, out.indexOf(stopAt)),
                finishReason: 'length',
                findings: [{ type: 'cut', count: 1 }],
              }
            : { text: out };
        },
        end() {
          calls.push('end');
          return { text: held, findings: [{ type: 'seen', count: 1 }] };
        },
      };
    },
  };
}

describe('transformWhole', () => {
  it('runs an incremental transform as one push and an end', () => {
    const calls: string[] = [];
    expect(transformWhole(delayed(calls), 'abc')).toEqual({
      text: 'abc',
      findings: [{ type: 'seen', count: 1 }],
    });
    expect(calls).toEqual(['push abc', 'end']);
  });

  it('applies a buffered transform to the whole text', () => {
    const upper: AnswerTransform = { mode: 'buffered', apply: (text) => ({ text: text.toUpperCase() }) };
    expect(transformWhole(upper, 'abc')).toEqual({ text: 'ABC' });
  });
});

describe('TransformStage', () => {
  it('releases what the run held back when the answer ends', () => {
    const stage = new TransformStage(delayed([]));
    expect([stage.push('ab', false), stage.push('cd', false), stage.push('', true)]).toEqual([
      '',
      'ab',
      'cd',
    ]);
    expect(stage.findings).toEqual([{ type: 'seen', count: 1 }]);
    expect(stage.finishReason).toBeUndefined();
  });

  it('pushes nothing more once a step cuts the answer', () => {
    const calls: string[] = [];
    const stage = new TransformStage(delayed(calls, 'x'));
    expect(stage.push('abxc', false)).toBe('');
    expect(stage.push('de', false)).toBe('ab');
    expect(stage.finishReason).toBe('length');
    expect(stage.push('fg', true)).toBe('');
    expect(calls).toEqual(['push abxc', 'push de']);
    expect(stage.findings).toEqual([{ type: 'cut', count: 1 }]);
  });
});

describe('answerTransformProblem', () => {
  it.each([
    [{ mode: 'incremental', start: () => ({}) }, undefined],
    [{ mode: 'buffered', apply: (t: string) => ({ text: t }) }, undefined],
    [null, 'answerTransform must be an object'],
    [{ mode: 'buffered' }, 'a buffered answerTransform needs an apply(text) function'],
    [{ start: () => ({}) }, 'answerTransform.mode must be "incremental" or "buffered", got undefined'],
  ])('checks %j', (value, problem) => {
    expect(answerTransformProblem(value)).toBe(problem);
  });
});
