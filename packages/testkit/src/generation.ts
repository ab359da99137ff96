// Turns a decided answer (text, thinking, tool calls) into the tokens the model emits, applying
// `options.stop` and `options.num_predict` the way the runner does, and computes the final-line metrics.
import { tokenize } from './tokens.js';

/** A tool call as the simulated model emits it (`arguments` an object, `id` `call_` + 8 alphanumerics). */
export interface GeneratedToolCall {
  readonly id: string;
  readonly function: {
    readonly index: number;
    readonly name: string;
    readonly arguments: Readonly<Record<string, unknown>>;
  };
}

/** The tokens of one answer and why it ended. */
export interface GenerationPlan {
  readonly thinking: readonly string[];
  readonly content: readonly string[];
  readonly toolCalls: readonly GeneratedToolCall[];
  readonly doneReason: 'stop' | 'length';
  /** Generated tokens, thinking included (Ollama's `eval_count`). */
  readonly evalCount: number;
}

/** What the model is about to say and the limits on it. */
export interface GenerationInput {
  readonly text: string;
  readonly thinking?: string;
  readonly toolCalls?: readonly GeneratedToolCall[];
  /** 0 or negative: no limit (the runner only checks `num_predict > 0`). */
  readonly numPredict?: number;
  readonly stop?: readonly string[];
}

/** Tokenises an answer and cuts it at the first stop string (excluded) or after `num_predict` tokens. */
export function planGeneration(input: GenerationInput): GenerationPlan {
  const limit =
    input.numPredict !== undefined && input.numPredict > 0 ? input.numPredict : Number.POSITIVE_INFINITY;
  let thinking = tokenize(input.thinking ?? '');
  const toolCalls = input.toolCalls ?? [];
  if (toolCalls.length > 0) {
    // A tool call arrives whole: the limits do not split it.
    const callTokens = tokenize(JSON.stringify(toolCalls.map((call) => call.function))).length;
    return { thinking, content: [], toolCalls, doneReason: 'stop', evalCount: thinking.length + callTokens };
  }
  let text = input.text;
  for (const stop of input.stop ?? []) {
    const at = stop === '' ? -1 : text.indexOf(stop);
    if (at >= 0) text = text.slice(0, at);
  }
  let content = tokenize(text);
  let doneReason: 'stop' | 'length' = 'stop';
  // Like the runner, reaching num_predict ends with "length" even when the answer would have ended there.
  if (thinking.length + content.length >= limit) {
    doneReason = 'length';
    thinking = thinking.slice(0, limit);
    content = content.slice(0, Math.max(limit - thinking.length, 0));
  }
  return { thinking, content, toolCalls, doneReason, evalCount: thinking.length + content.length };
}

/** The final line's counters and durations (nanoseconds); zero counters are omitted, as Go's omitempty does. */
export type Metrics = Readonly<Record<string, number>>;

/**
 * Deterministic durations: load 0.5 s cold or 2 ms warm, 0.5 ms per prompt token, and per generated token the
 * token delay or 20 ms, whichever is larger.
 */
export function generationMetrics(
  promptTokens: number,
  evalCount: number,
  warm: boolean,
  tokenDelayMs: number,
): Metrics {
  const load = warm ? 2_000_000 : 500_000_000;
  const promptEval = promptTokens * 500_000;
  const evalDuration = evalCount * Math.max(tokenDelayMs, 20) * 1_000_000;
  const metrics: Record<string, number> = {
    total_duration: load + promptEval + evalDuration + 1_000_000,
    load_duration: load,
  };
  if (promptTokens > 0) {
    metrics.prompt_eval_count = promptTokens;
    metrics.prompt_eval_duration = promptEval;
  }
  if (evalCount > 0) {
    metrics.eval_count = evalCount;
    metrics.eval_duration = evalDuration;
  }
  return metrics;
}
