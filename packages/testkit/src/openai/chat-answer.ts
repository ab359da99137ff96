// A chat answer and its whole (non-streamed) body in each server's shape: vLLM's ChatCompletionResponse
// (every optional field present as null, `tool_calls: []`), llama.cpp's with `timings` and its build
// fingerprint, LM Studio's OpenAI-like one with `stats`.
import { tokenId } from '../tokens.js';
import { type ChoicePlan, type OpenAIToolCall, tokenBytes, topAlternatives } from './answer.js';
import { LLAMACPP_FINGERPRINT } from './flavour.js';
import type { ChatCompletionRequest } from './request.js';
import { timings, usage } from './serving.js';
import type { OpenAISimulatorState } from './state.js';

/** OpenAI's `logprobs.content` for tokens (llama.cpp adds each token's `id`). */
export function logprobsContent(
  state: OpenAISimulatorState,
  tokens: readonly string[],
  top: number,
): unknown[] {
  return tokens.map((token) => {
    const alternatives = topAlternatives(token, Math.max(top, 1));
    const entry = (t: string, logprob: number) =>
      state.flavour === 'llamacpp'
        ? { id: tokenId(t), token: t, bytes: tokenBytes(t), logprob }
        : { token: t, logprob, bytes: tokenBytes(t) };
    return {
      ...entry(token, alternatives[0]?.[1] ?? 0),
      top_logprobs: alternatives.slice(0, top).map(([t, lp]) => entry(t, lp)),
    };
  });
}

/** Tool calls in the flavour's key order. */
export function toolCallsOut(state: OpenAISimulatorState, calls: readonly OpenAIToolCall[]): unknown[] {
  return calls.map((call) =>
    state.flavour === 'llamacpp'
      ? { type: 'function', function: { name: call.name, arguments: call.arguments }, id: call.id }
      : { id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } },
  );
}

/** Everything one chat answer is rendered from. */
export interface Answer {
  readonly state: OpenAISimulatorState;
  readonly request: ChatCompletionRequest;
  readonly id: string;
  readonly created: number;
  readonly model: string;
  readonly choices: readonly ChoicePlan[];
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly logprobs: boolean;
  readonly topLogprobs: number;
  /** vLLM answered a named `tool_choice`: content `""` beside the call, finish `stop`. */
  readonly namedToolChoice: boolean;
}

/** The whole `chat.completion` body. */
export function wholeAnswer(answer: Answer): Record<string, unknown> {
  const { state } = answer;
  const choices = answer.choices.map((choice, index) => {
    const text = choice.plan.content.join('');
    const calls = toolCallsOut(state, choice.toolCalls);
    const logprobs = answer.logprobs
      ? { content: logprobsContent(state, choice.plan.content, answer.topLogprobs) }
      : null;
    if (state.flavour === 'vllm') {
      return {
        index,
        message: {
          role: 'assistant',
          content: calls.length > 0 && text === '' && !answer.namedToolChoice ? null : text,
          refusal: null,
          annotations: null,
          audio: null,
          function_call: null,
          tool_calls: calls,
          reasoning_content: null,
        },
        logprobs,
        finish_reason: choice.finishReason,
        stop_reason: null,
      };
    }
    const message: Record<string, unknown> = {
      role: 'assistant',
      content: calls.length > 0 && text === '' ? null : text,
    };
    if (calls.length > 0) message.tool_calls = calls;
    if (state.flavour === 'llamacpp') {
      return { finish_reason: choice.finishReason, index, message, ...(logprobs ? { logprobs } : {}) };
    }
    return { index, logprobs, finish_reason: choice.finishReason, message };
  });
  const counts = usage(state, answer.promptTokens, answer.completionTokens, true);
  if (state.flavour === 'vllm') {
    return {
      id: answer.id,
      object: 'chat.completion',
      created: answer.created,
      model: answer.model,
      choices,
      service_tier: null,
      system_fingerprint: null,
      usage: counts,
      prompt_logprobs: null,
      kv_transfer_params: null,
    };
  }
  if (state.flavour === 'llamacpp') {
    return {
      choices,
      created: answer.created,
      model: answer.model,
      system_fingerprint: LLAMACPP_FINGERPRINT,
      object: 'chat.completion',
      usage: counts,
      id: answer.id,
      timings: timings(answer.promptTokens, answer.completionTokens, state.tokenDelayMs),
    };
  }
  return {
    id: answer.id,
    object: 'chat.completion',
    created: answer.created,
    model: answer.model,
    choices,
    usage: counts,
    stats: {},
    system_fingerprint: answer.model,
  };
}
