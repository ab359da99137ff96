// POST /v1/chat/completions as each server answers it: checks in the server's order and words, then the
// answer whole or as SSE. Shapes: vLLM's ChatCompletionResponse / ChatCompletionStreamResponse
// (serving_chat.py: role chunk per choice, content deltas, finish on the last delta, a `choices: []`
// usage chunk with include_usage, running usage with continuous_usage_stats); llama.cpp's
// to_json_oaicompat_chat(_stream) (role chunk with `content: null`, an empty finish delta, `timings` on
// the last chunk); LM Studio's OpenAI-like chunks with the role on every delta.
import { tokenId } from '../tokens.js';
import {
  type ChoicePlan,
  chatPromptTokens,
  chatText,
  decideToolCalls,
  type OpenAIToolCall,
  planChoices,
  replyFormat,
  stopList,
  tokenBytes,
  topAlternatives,
} from './answer.js';
import type { OpenAIEndpointContext } from './endpoint.js';
import { readBody } from './endpoint.js';
import {
  errorAnswer,
  errorObject,
  jsonAnswer,
  LLAMACPP_FINGERPRINT,
  responseId,
  SSE_TYPE,
  toolCallId,
} from './flavour.js';
import { pythonJsonDumps } from './python-json.js';
import { type ChatCompletionRequest, chatCompletionRequest } from './request.js';
import { contextError, effectiveMaxTokens, resolveModel, timings, usage, wantsUsage } from './serving.js';
import { dataFrame, type SseStep, sseResponse, waitForTokens } from './sse.js';
import type { OpenAISimulatorState } from './state.js';

type Check = Response | undefined;

function bad(state: OpenAISimulatorState, message: string, param?: string): Response {
  return errorAnswer(state.flavour, { status: 400, message, param });
}

/** vLLM's request validators, in protocol.py's order. */
function vllmChecks(state: OpenAISimulatorState, request: ChatCompletionRequest): Check {
  if (request.stream_options != null && request.stream !== true) {
    return bad(state, 'Stream options can only be defined when `stream=True`.', 'stream_options');
  }
  const top = request.top_logprobs;
  if (top != null) {
    if (request.logprobs !== true) {
      return bad(state, 'when using `top_logprobs`, `logprobs` must be set to true.', 'top_logprobs');
    }
    if (top < 0) return bad(state, '`top_logprobs` must be a positive value.', 'top_logprobs');
    if (top > 20) {
      return bad(
        state,
        `Requested sample logprobs of ${top}, which is greater than max allowed: 20`,
        'top_logprobs',
      );
    }
  }
  if (request.n != null && request.n < 1) return bad(state, `n must be at least 1, got ${request.n}.`, 'n');
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null && maxTokens < 1) {
    return bad(state, `max_tokens must be at least 1, got ${maxTokens}.`, 'max_tokens');
  }
  const choice = request.tool_choice;
  const tools = request.tools ?? [];
  if (typeof choice === 'object' && choice !== null) {
    if (tools.length === 0)
      return bad(state, 'When using `tool_choice`, `tools` must be set.', 'tool_choice');
    if (!tools.some((t) => t.function.name === choice.function.name)) {
      return bad(state, `Tool '${choice.function.name}' has not been passed in \`tools\`.`, 'tool_choice');
    }
  }
  if (tools.length > 0 && (choice ?? 'auto') === 'auto' && !state.enableAutoToolChoice) {
    return bad(
      state,
      '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set',
      'tool_choice',
    );
  }
  return undefined;
}

/** LM Studio's checks: its structured output takes `json_schema` or `text`, and says so in a bare string. */
function lmstudioChecks(state: OpenAISimulatorState, request: ChatCompletionRequest): Check {
  const type = request.response_format?.type;
  if (type !== undefined && type !== 'json_schema' && type !== 'text') {
    return jsonAnswer(state.flavour, 400, {
      error: "'response_format.type' must be 'json_schema' or 'text'",
    });
  }
  return undefined;
}

/** llama.cpp's oaicompat_chat_params_parse checks. */
function llamacppChecks(state: OpenAISimulatorState, request: ChatCompletionRequest): Check {
  if ((request.n ?? 1) !== 1) {
    // A std::runtime_error, which the server's exception wrapper answers as a 500.
    return errorAnswer(state.flavour, { status: 500, message: 'Only one completion choice is allowed' });
  }
  if (request.messages.length === 0) {
    return errorAnswer(state.flavour, { status: 500, message: "'messages' is required" });
  }
  return undefined;
}

function logprobsContent(state: OpenAISimulatorState, tokens: readonly string[], top: number): unknown[] {
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

function toolCallsOut(state: OpenAISimulatorState, calls: readonly OpenAIToolCall[]): unknown[] {
  return calls.map((call) =>
    state.flavour === 'llamacpp'
      ? { type: 'function', function: { name: call.name, arguments: call.arguments }, id: call.id }
      : { id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } },
  );
}

interface Answer {
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
}

function wholeAnswer(answer: Answer): Record<string, unknown> {
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
          content: calls.length > 0 && text === '' ? null : text,
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

function fragments(text: string): string[] {
  // Arguments stream in a few pieces, as a tool parser releases them.
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += 8) pieces.push(text.slice(at, at + 8));
  return pieces;
}

function streamSteps(answer: Answer): SseStep[] {
  const { state, request } = answer;
  const flavour = state.flavour;
  const includeUsage = wantsUsage(state, request.stream_options);
  const continuous = flavour === 'vllm' && request.stream_options?.continuous_usage_stats === true;
  const head = () =>
    flavour === 'llamacpp'
      ? {
          created: answer.created,
          id: answer.id,
          model: answer.model,
          system_fingerprint: LLAMACPP_FINGERPRINT,
          object: 'chat.completion.chunk',
        }
      : {
          id: answer.id,
          object: 'chat.completion.chunk',
          created: answer.created,
          model: answer.model,
          ...(flavour === 'lmstudio' ? { system_fingerprint: answer.model } : {}),
        };
  let generated = 0;
  const chunk = (choice: Record<string, unknown>): Record<string, unknown> => {
    const body: Record<string, unknown> =
      flavour === 'llamacpp' ? { choices: [choice], ...head() } : { ...head(), choices: [choice] };
    if (continuous) body.usage = usage(state, answer.promptTokens, generated, false);
    return body;
  };
  const choiceDelta = (index: number, delta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    flavour === 'llamacpp'
      ? { finish_reason: null, index, delta, ...extra }
      : {
          index,
          delta: flavour === 'lmstudio' ? { role: 'assistant', ...delta } : delta,
          logprobs: null,
          finish_reason: null,
          ...extra,
        };

  const steps: SseStep[] = [];
  answer.choices.forEach((_, index) => {
    const role =
      flavour === 'llamacpp' ? { role: 'assistant', content: null } : { role: 'assistant', content: '' };
    if (flavour !== 'lmstudio') steps.push({ data: chunk(choiceDelta(index, role)), token: false });
  });
  const longest = Math.max(...answer.choices.map((c) => c.plan.content.length + c.toolCalls.length * 8));
  const toolFrames = answer.choices.map((choice) =>
    choice.toolCalls.flatMap((call, callIndex) => [
      {
        tool_calls: [
          flavour === 'llamacpp'
            ? {
                index: callIndex,
                id: call.id,
                type: 'function',
                function: { name: call.name, arguments: '' },
              }
            : {
                id: call.id,
                type: 'function',
                index: callIndex,
                function: { name: call.name, arguments: '' },
              },
        ],
      },
      ...fragments(call.arguments).map((piece) => ({
        tool_calls: [{ index: callIndex, function: { arguments: piece } }],
      })),
    ]),
  );
  for (let position = 0; position < longest; position++) {
    answer.choices.forEach((choice, index) => {
      const frames = [
        ...choice.plan.content.map((token) => ({
          token,
          delta: { content: token } as Record<string, unknown>,
        })),
        ...(toolFrames[index] ?? []).map((delta) => ({ token: undefined, delta })),
      ];
      const frame = frames[position];
      if (frame === undefined) return;
      generated++;
      const last = position === frames.length - 1;
      // vLLM puts a length finish on the last token's chunk; a stop gets its own empty delta.
      const finishHere = flavour === 'vllm' && last && choice.finishReason === 'length';
      const extra: Record<string, unknown> = {};
      if (answer.logprobs && frame.token !== undefined) {
        extra.logprobs = { content: logprobsContent(state, [frame.token], answer.topLogprobs) };
      }
      if (finishHere) {
        extra.finish_reason = 'length';
        extra.stop_reason = null;
      }
      steps.push({ data: chunk(choiceDelta(index, frame.delta, extra)), token: true });
    });
  }
  answer.choices.forEach((choice, index) => {
    const finished = flavour === 'vllm' && choice.finishReason === 'length' && choice.plan.content.length > 0;
    if (finished) return;
    if (flavour === 'vllm') {
      steps.push({
        data: chunk({
          index,
          delta: { content: '' },
          logprobs: null,
          finish_reason: choice.finishReason,
          stop_reason: null,
        }),
        token: false,
      });
    } else if (flavour === 'llamacpp') {
      steps.push({ data: chunk({ finish_reason: choice.finishReason, index, delta: {} }), token: false });
    } else {
      steps.push({
        data: chunk({ index, delta: {}, logprobs: null, finish_reason: choice.finishReason }),
        token: false,
      });
    }
  });
  if (includeUsage) {
    const counts = usage(state, answer.promptTokens, answer.completionTokens, false);
    steps.push({
      data:
        flavour === 'llamacpp'
          ? { choices: [], ...head(), usage: counts }
          : { ...head(), choices: [], usage: counts },
      token: false,
    });
  }
  if (flavour === 'llamacpp') {
    const last = steps.at(-1);
    if (last !== undefined) {
      (last.data as Record<string, unknown>).timings = timings(
        answer.promptTokens,
        answer.completionTokens,
        state.tokenDelayMs,
      );
    }
  }
  return steps;
}

/** The in-stream error frame of a flavour (vLLM follows it with `[DONE]`). */
export function streamErrorFrame(
  state: OpenAISimulatorState,
  message: string,
): { frame: string; done: boolean } {
  const error = errorObject(state.flavour, { status: 500, message });
  if (state.flavour === 'llamacpp') return { frame: `error: ${JSON.stringify(error)}\n\n`, done: false };
  return { frame: dataFrame({ error }), done: state.flavour === 'vllm' };
}

/** Handles POST /v1/chat/completions (and llama.cpp's /chat/completions). */
export async function handleChatCompletions(context: OpenAIEndpointContext): Promise<Response> {
  const { state, path, signal } = context;
  const read = readBody(context, chatCompletionRequest);
  if (read.error) return read.error;
  const request = read.value;
  const model = resolveModel(state, request.model, 'chat');
  if (model instanceof Response) return model;
  const flavourCheck =
    state.flavour === 'vllm'
      ? vllmChecks(state, request)
      : state.flavour === 'llamacpp'
        ? llamacppChecks(state, request)
        : lmstudioChecks(state, request);
  if (flavourCheck !== undefined) return flavourCheck;

  const promptTokens = chatPromptTokens(request);
  const requested = request.max_completion_tokens ?? request.max_tokens;
  const tooLong = contextError(state, model, promptTokens, requested ?? undefined);
  if (tooLong !== undefined) return tooLong;

  // llama.cpp reads tool_choice as a string; an object fails that read and falls back to "auto".
  const effective =
    state.flavour === 'llamacpp' && typeof request.tool_choice === 'object' && request.tool_choice !== null
      ? { ...request, tool_choice: 'auto' as const }
      : request;
  const hasTools = (request.tools ?? []).length > 0 && effective.tool_choice !== 'none';
  const calls = decideToolCalls(effective, hasTools ? state.takeToolCalls(path) : undefined);
  const fixed = calls.length === 0 ? state.takeReply(path) : undefined;
  const n = state.flavour === 'vllm' ? (request.n ?? 1) : 1;
  const choices = planChoices({
    n,
    text: fixed ?? chatText(request),
    format: fixed === undefined ? replyFormat(request.response_format) : { kind: 'text' },
    calls,
    maxTokens: effectiveMaxTokens(state, model, promptTokens, requested),
    stop: stopList(request.stop),
    callId: () => toolCallId(state),
    formatArguments: (args) => (state.flavour === 'vllm' ? pythonJsonDumps(args) : JSON.stringify(args)),
  });
  const completionTokens = choices.reduce((sum, c) => sum + c.plan.evalCount, 0);
  const answer: Answer = {
    state,
    request,
    id: responseId(state, 'chatcmpl'),
    created: Math.floor(Date.now() / 1000),
    model: state.flavour === 'vllm' ? model.id : (request.model ?? model.id),
    choices,
    promptTokens,
    completionTokens,
    logprobs: request.logprobs === true && state.flavour !== 'lmstudio',
    topLogprobs: request.top_logprobs ?? 0,
  };
  if (request.stream !== true) {
    await waitForTokens(Math.max(...choices.map((c) => c.plan.evalCount)), state.tokenDelayMs, signal);
    return jsonAnswer(state.flavour, 200, wholeAnswer(answer));
  }
  const streamError = state.takeStreamError(path);
  return sseResponse({
    steps: streamSteps(answer),
    contentType: SSE_TYPE[state.flavour],
    signal,
    tokenDelayMs: state.tokenDelayMs,
    dropAfter: state.takeDrop(path),
    errorAfter:
      streamError === undefined
        ? undefined
        : { after: streamError.after, ...streamErrorFrame(state, streamError.error) },
  });
}
