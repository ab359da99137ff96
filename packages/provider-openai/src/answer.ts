import {
  approximateTokens,
  type ChatResult,
  type CompletionResult,
  type FinishReason,
  GatewayError,
  type ToolCall,
  type Usage,
} from '@keeptrusts/core';

// OpenAI-compatible answers read back into the gateway's normalised results. Servers differ in the
// optional parts: reasoning is `reasoning_content` (vLLM, llama.cpp) or `reasoning` (Ollama, newer
// vLLM); llama.cpp adds `timings` with its own token counts; some servers omit `usage`.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A server's finish reason in OpenAI's names; tool calls make `stop` into `tool_calls`. */
export function finishReasonOf(reason: unknown, hasToolCalls: boolean): FinishReason {
  if (reason === 'length') return 'length';
  if (reason === 'content_filter') return 'content_filter';
  if (reason === 'tool_calls' || reason === 'function_call' || hasToolCalls) return 'tool_calls';
  return 'stop';
}

/**
 * The answer's token counts: the server's `usage`, else llama.cpp's `timings`, else an estimate of
 * the answer text (the prompt is then counted as 0).
 */
export function usageOf(value: Json, answer: string): Usage | undefined {
  const usage = value.usage;
  if (isObject(usage) && typeof usage.completion_tokens === 'number') {
    const prompt = typeof usage.prompt_tokens === 'number' ? usage.prompt_tokens : 0;
    return {
      prompt_tokens: prompt,
      completion_tokens: usage.completion_tokens,
      total_tokens: prompt + usage.completion_tokens,
    };
  }
  const timings = value.timings;
  if (isObject(timings) && typeof timings.predicted_n === 'number') {
    const prompt = typeof timings.prompt_n === 'number' ? timings.prompt_n : 0;
    return {
      prompt_tokens: prompt,
      completion_tokens: timings.predicted_n,
      total_tokens: prompt + timings.predicted_n,
    };
  }
  return answer === '' ? undefined : estimate(answer);
}

function estimate(answer: string): Usage {
  const completion = approximateTokens(answer);
  return { prompt_tokens: 0, completion_tokens: completion, total_tokens: completion };
}

const zero: Usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

function firstChoice(value: unknown, place: string): Json {
  const choice = isObject(value) && Array.isArray(value.choices) ? value.choices[0] : undefined;
  if (!isObject(choice)) throw new GatewayError('upstream_error', `${place} sent an answer without choices`);
  return choice;
}

function toolCallsOf(value: unknown): ToolCall[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((call, i) => {
    const fn = isObject(call.function) ? call.function : {};
    const args = fn.arguments;
    return {
      id: typeof call.id === 'string' && call.id !== '' ? call.id : `call_${i}`,
      type: 'function',
      function: {
        name: text(fn.name),
        arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}),
      },
    };
  });
}

/** A whole chat answer (`chat.completion`). */
export function chatResultOf(value: unknown, place: string): ChatResult {
  const choice = firstChoice(value, place);
  const message = isObject(choice.message) ? choice.message : {};
  const content = text(message.content);
  const reasoning = text(message.reasoning_content) || text(message.reasoning);
  const toolCalls = toolCallsOf(message.tool_calls);
  return {
    content,
    ...(reasoning === '' ? {} : { reasoning }),
    toolCalls,
    finishReason: finishReasonOf(choice.finish_reason, toolCalls.length > 0),
    usage: usageOf(value as Json, content + reasoning) ?? zero,
  };
}

/** A whole completion answer (`text_completion`). */
export function completionResultOf(value: unknown, place: string): CompletionResult {
  const choice = firstChoice(value, place);
  const answer = text(choice.text);
  return {
    text: answer,
    finishReason: finishReasonOf(choice.finish_reason, false),
    usage: usageOf(value as Json, answer) ?? zero,
  };
}
