import {
  type FinishReason,
  GatewayError,
  randomAlphanumeric,
  type ToolCall,
  type Usage,
} from '@keeptrusts/core';
import type { OllamaToolCallOut } from './ollama-wire.js';

// What Ollama's last line (`done: true`) or a whole answer says about how the answer ended.

/** Token usage from Ollama's counters; an omitted counter means 0 (Go's omitempty). */
export function usageOf(line: {
  prompt_eval_count?: number | undefined;
  eval_count?: number | undefined;
}): Usage {
  const prompt = line.prompt_eval_count ?? 0;
  const completion = line.eval_count ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/**
 * OpenAI's finish reason for Ollama's `done_reason`: `length` stays `length`; Ollama ends a
 * tool call with `stop`, which OpenAI calls `tool_calls`; anything else (`stop`, `load`, a
 * value a newer server adds) is `stop`.
 */
export function finishReasonOf(doneReason: string | null | undefined, hadToolCalls: boolean): FinishReason {
  if (doneReason === 'length') return 'length';
  return hadToolCalls ? 'tool_calls' : 'stop';
}

/** An Ollama tool call in OpenAI's form: arguments as a JSON string, an id generated if absent. */
export function toToolCall(call: OllamaToolCallOut): ToolCall {
  const args = call.function.arguments;
  return {
    // Older servers send no id; OpenAI clients need one to answer the call.
    id: call.id ? call.id : `call_${randomAlphanumeric(24)}`,
    type: 'function',
    function: {
      name: call.function.name,
      arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}),
    },
  };
}

/** The error for a stream that ended without its `done: true` line. */
export function unfinishedStreamError(): GatewayError {
  return new GatewayError(
    'upstream_error',
    'upstream closed the stream before it finished (no done line from Ollama)',
  );
}
