import { describe, expect, it } from 'vitest';
import { generationMetrics, planGeneration } from './generation.js';

describe('planGeneration', () => {
  it('ends naturally with "stop" and counts every token', () => {
    expect(planGeneration({ text: 'Hello there world' })).toEqual({
      thinking: [],
      content: ['Hello', ' there', ' world'],
      toolCalls: [],
      doneReason: 'stop',
      evalCount: 3,
    });
  });

  it('cuts at num_predict with "length"', () => {
    const plan = planGeneration({ text: 'one two three four', numPredict: 2 });
    expect([plan.content, plan.doneReason, plan.evalCount]).toEqual([['one', ' two'], 'length', 2]);
  });

  it('treats num_predict 0 or below as no limit', () => {
    expect(planGeneration({ text: 'one two', numPredict: 0 }).doneReason).toBe('stop');
    expect(planGeneration({ text: 'one two', numPredict: -1 }).content).toEqual(['one', ' two']);
  });

  it('ends before the earliest stop string, which is not included', () => {
    const plan = planGeneration({ text: 'alpha beta. gamma; delta', stop: [';', '.'] });
    expect([plan.content.join(''), plan.doneReason]).toEqual(['alpha beta', 'stop']);
  });

  it('counts thinking tokens toward num_predict and eval_count', () => {
    const plan = planGeneration({ text: 'answer here', thinking: 'let me think', numPredict: 4 });
    expect([plan.thinking, plan.content, plan.evalCount]).toEqual([['let', ' me', ' think'], ['answer'], 4]);
  });

  it('keeps a tool call whole whatever the limits', () => {
    const call = { id: 'call_abcdefgh', function: { index: 0, name: 'f', arguments: { a: 1 } } };
    const plan = planGeneration({ text: 'ignored', toolCalls: [call], numPredict: 1 });
    expect([plan.content, plan.toolCalls, plan.doneReason]).toEqual([[], [call], 'stop']);
  });
});

describe('generationMetrics', () => {
  it('omits zero counters like Go omitempty', () => {
    expect(generationMetrics(5, 0, true, 0)).toEqual({
      total_duration: 5_500_000,
      load_duration: 2_000_000,
      prompt_eval_count: 5,
      prompt_eval_duration: 2_500_000,
    });
  });
});
