// POST /v1/chat/completions as each server answers it: the checks in the server's order and words, then
// the answer whole (chat-answer.ts) or as SSE (chat-stream.ts).

import { guardPause, guardReply } from '../guard.js';
import {
  chatPromptTokens,
  chatText,
  decideToolCalls,
  planChoices,
  replyFormat,
  stopList,
  toWireMessages,
} from './answer.js';
import { type Answer, wholeAnswer } from './chat-answer.js';
import { streamErrorFrame, streamSteps } from './chat-stream.js';
import type { OpenAIEndpointContext } from './endpoint.js';
import { readBody } from './endpoint.js';
import { errorAnswer, jsonAnswer, responseId, SSE_TYPE, toolCallId } from './flavour.js';
import { pythonJsonDumps } from './python-json.js';
import { type ChatCompletionRequest, chatCompletionRequest } from './request.js';
import { contextError, effectiveMaxTokens, resolveModel } from './serving.js';
import { sseResponse, waitForTokens } from './sse.js';
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
  // A guard model answers its verdict after its own delay, whatever the knobs say to other models.
  const guard =
    model.guard === undefined ? undefined : guardReply(model.guard, toWireMessages(request.messages));
  if (guard !== undefined) await guardPause(guard.delayMs, signal);
  const hasTools =
    guard === undefined && (request.tools ?? []).length > 0 && effective.tool_choice !== 'none';
  const calls =
    guard !== undefined ? [] : decideToolCalls(effective, hasTools ? state.takeToolCalls(path) : undefined);
  const fixed = guard?.text ?? (calls.length === 0 ? state.takeReply(path) : undefined);
  const tokenDelayMs = guard === undefined ? state.tokenDelayMs : 0;
  const n = state.flavour === 'vllm' ? (request.n ?? 1) : 1;
  // vLLM (like OpenAI) ends a named tool call with "stop" and an empty-string content; auto and required
  // calls end with "tool_calls".
  const named =
    state.flavour === 'vllm' && typeof request.tool_choice === 'object' && request.tool_choice !== null;
  const planned = planChoices({
    n,
    text: fixed ?? chatText(request),
    format: fixed === undefined ? replyFormat(request.response_format) : { kind: 'text' },
    calls,
    maxTokens: effectiveMaxTokens(state, model, promptTokens, requested),
    stop: stopList(request.stop),
    callId: () => toolCallId(state),
    formatArguments: (args) => (state.flavour === 'vllm' ? pythonJsonDumps(args) : JSON.stringify(args)),
  });
  const choices = named
    ? planned.map((c) => (c.finishReason === 'tool_calls' ? { ...c, finishReason: 'stop' as const } : c))
    : planned;
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
    namedToolChoice: named,
  };
  if (request.stream !== true) {
    await waitForTokens(Math.max(...choices.map((c) => c.plan.evalCount)), tokenDelayMs, signal);
    return jsonAnswer(state.flavour, 200, wholeAnswer(answer));
  }
  const streamError = state.takeStreamError(path);
  return sseResponse({
    steps: streamSteps(answer),
    contentType: SSE_TYPE[state.flavour],
    signal,
    tokenDelayMs,
    dropAfter: state.takeDrop(path),
    errorAfter:
      streamError === undefined
        ? undefined
        : { after: streamError.after, ...streamErrorFrame(state, streamError.error) },
  });
}
