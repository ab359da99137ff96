// POST /v1/completions (text completion) as each server answers it: vLLM's CompletionResponse with its
// default `max_tokens` of 16 and legacy `logprobs`, llama.cpp's with `timings` and its refusals of `n`,
// `echo` and `suffix`, LM Studio's OpenAI-like one.
import { generateReplyText } from '../replies.js';
import { countTokens } from '../tokens.js';
import { type ChoicePlan, planChoices, stopList, topAlternatives } from './answer.js';
import { streamErrorFrame } from './chat-stream.js';
import type { OpenAIEndpointContext } from './endpoint.js';
import { readBody } from './endpoint.js';
import { errorAnswer, jsonAnswer, LLAMACPP_FINGERPRINT, responseId, SSE_TYPE } from './flavour.js';
import { type CompletionRequest, completionRequest } from './request.js';
import { contextError, effectiveMaxTokens, resolveModel, timings, usage, wantsUsage } from './serving.js';
import { type SseStep, sseResponse, waitForTokens } from './sse.js';
import type { OpenAISimulatorState } from './state.js';

function checks(state: OpenAISimulatorState, request: CompletionRequest): Response | undefined {
  const { flavour } = state;
  if (flavour === 'vllm') {
    if (request.stream_options != null && request.stream !== true) {
      return errorAnswer(flavour, {
        status: 400,
        message: 'Stream options can only be defined when `stream=True`.',
        param: 'stream_options',
      });
    }
    if (request.suffix != null) {
      return errorAnswer(flavour, {
        status: 400,
        message: 'suffix is not currently supported',
        param: 'suffix',
      });
    }
    if (request.logprobs != null && (request.logprobs < 0 || request.logprobs > 20)) {
      return errorAnswer(flavour, {
        status: 400,
        message: `Requested sample logprobs of ${request.logprobs}, which is greater than max allowed: 20`,
        param: 'logprobs',
      });
    }
  }
  if (flavour === 'llamacpp') {
    if ((request.n ?? 1) !== 1) {
      return errorAnswer(flavour, { status: 500, message: 'Only one completion choice is allowed' });
    }
    if (request.echo === true)
      return errorAnswer(flavour, { status: 500, message: 'Only no echo is supported' });
    if (request.suffix != null)
      return errorAnswer(flavour, { status: 500, message: 'Unsupported param: suffix' });
  }
  return undefined;
}

function legacyLogprobs(tokens: readonly string[], top: number): Record<string, unknown> {
  let offset = 0;
  const textOffset = tokens.map((token) => {
    const at = offset;
    offset += token.length;
    return at;
  });
  return {
    text_offset: textOffset,
    token_logprobs: tokens.map((token) => topAlternatives(token, 1)[0]?.[1] ?? 0),
    tokens: [...tokens],
    top_logprobs: tokens.map((token) => Object.fromEntries(topAlternatives(token, top))),
  };
}

/** Handles POST /v1/completions (and llama.cpp's /completions). */
export async function handleCompletions(context: OpenAIEndpointContext): Promise<Response> {
  const { state, path, signal } = context;
  const { flavour } = state;
  const read = readBody(context, completionRequest);
  if (read.error) return read.error;
  const request = read.value;
  const model = resolveModel(state, request.model, 'completion');
  if (model instanceof Response) return model;
  const refused = checks(state, request);
  if (refused !== undefined) return refused;

  const prompts = typeof request.prompt === 'string' ? [request.prompt] : request.prompt;
  // A beginning-of-text token precedes each prompt.
  const promptCounts = prompts.map((prompt) => countTokens(prompt) + 1);
  for (const count of promptCounts) {
    const tooLong = contextError(state, model, count, request.max_tokens ?? undefined);
    if (tooLong !== undefined) return tooLong;
  }
  const promptTokens = promptCounts.reduce((a, b) => a + b, 0);
  // vLLM's CompletionRequest defaults max_tokens to 16, as OpenAI's API does; llama.cpp has no default.
  const requested = request.max_tokens ?? (flavour === 'vllm' ? 16 : undefined);
  const n = flavour === 'vllm' ? (request.n ?? 1) : 1;
  const fixed = state.takeReply(path);
  const choices: Array<ChoicePlan & { readonly prompt: string }> = prompts.flatMap((prompt, i) =>
    planChoices({
      n,
      text: fixed ?? generateReplyText(prompt, 0),
      format: { kind: 'text' },
      calls: [],
      maxTokens: effectiveMaxTokens(state, model, promptCounts[i] ?? 0, requested),
      stop: stopList(request.stop),
      callId: () => '',
      formatArguments: () => '',
    }).map((choice) => ({ ...choice, prompt })),
  );
  const completionTokens = choices.reduce((sum, c) => sum + c.plan.evalCount, 0);
  const id = responseId(state, 'cmpl');
  const created = Math.floor(Date.now() / 1000);
  const modelName = flavour === 'vllm' ? model.id : (request.model ?? model.id);
  const logprobsTop = flavour === 'vllm' ? request.logprobs : undefined;
  const echo = flavour === 'vllm' && request.echo === true;
  const head = { id, object: 'text_completion', created, model: modelName };
  const llamaHead = {
    created,
    model: modelName,
    system_fingerprint: LLAMACPP_FINGERPRINT,
    object: 'text_completion',
    id,
  };

  if (request.stream !== true) {
    await waitForTokens(Math.max(...choices.map((c) => c.plan.evalCount)), state.tokenDelayMs, signal);
    const counts = usage(state, promptTokens, completionTokens, true);
    const out = choices.map((choice, index) => {
      const text = (echo ? choice.prompt : '') + choice.plan.content.join('');
      const logprobs = logprobsTop != null ? legacyLogprobs(choice.plan.content, logprobsTop) : null;
      if (flavour === 'vllm') {
        return {
          index,
          text,
          logprobs,
          finish_reason: choice.finishReason,
          stop_reason: null,
          prompt_logprobs: null,
        };
      }
      if (flavour === 'llamacpp') return { text, index, logprobs: null, finish_reason: choice.finishReason };
      return { index, text, logprobs: null, finish_reason: choice.finishReason };
    });
    if (flavour === 'vllm') {
      return jsonAnswer(flavour, 200, {
        ...head,
        choices: out,
        service_tier: null,
        system_fingerprint: null,
        usage: counts,
        kv_transfer_params: null,
      });
    }
    if (flavour === 'llamacpp') {
      return jsonAnswer(flavour, 200, {
        choices: out,
        ...llamaHead,
        usage: counts,
        timings: timings(promptTokens, completionTokens, state.tokenDelayMs),
      });
    }
    return jsonAnswer(flavour, 200, { ...head, choices: out, usage: counts, stats: {} });
  }

  const steps: SseStep[] = [];
  const chunk = (choice: Record<string, unknown>) =>
    flavour === 'llamacpp' ? { choices: [choice], ...llamaHead } : { ...head, choices: [choice] };
  const piece = (index: number, text: string, finish: string | null, logprobs: unknown = null) =>
    flavour === 'vllm'
      ? { index, text, logprobs, finish_reason: finish, stop_reason: null }
      : flavour === 'llamacpp'
        ? { text, index, logprobs: null, finish_reason: finish }
        : { index, text, logprobs: null, finish_reason: finish };
  if (echo) {
    for (const [index, choice] of choices.entries()) {
      steps.push({ data: chunk(piece(index, choice.prompt, null)), token: false });
    }
  }
  const longest = Math.max(...choices.map((c) => c.plan.content.length));
  for (let position = 0; position < longest; position++) {
    choices.forEach((choice, index) => {
      const token = choice.plan.content[position];
      if (token === undefined) return;
      const last = position === choice.plan.content.length - 1;
      // vLLM's last token carries a length finish; otherwise the finish comes in its own chunk.
      const finish = flavour === 'vllm' && last && choice.finishReason === 'length' ? 'length' : null;
      const logprobs = logprobsTop != null ? legacyLogprobs([token], logprobsTop) : null;
      steps.push({ data: chunk(piece(index, token, finish, logprobs)), token: true });
    });
  }
  choices.forEach((choice, index) => {
    if (flavour === 'vllm' && choice.finishReason === 'length' && choice.plan.content.length > 0) return;
    steps.push({ data: chunk(piece(index, '', choice.finishReason)), token: false });
  });
  if (wantsUsage(state, request.stream_options)) {
    const counts = usage(state, promptTokens, completionTokens, false);
    steps.push({
      data:
        flavour === 'llamacpp'
          ? { choices: [], ...llamaHead, usage: counts }
          : { ...head, choices: [], usage: counts },
      token: false,
    });
  }
  if (flavour === 'llamacpp') {
    const last = steps.at(-1);
    if (last !== undefined) {
      (last.data as Record<string, unknown>).timings = timings(
        promptTokens,
        completionTokens,
        state.tokenDelayMs,
      );
    }
  }
  const streamError = state.takeStreamError(path);
  return sseResponse({
    steps,
    contentType: SSE_TYPE[flavour],
    signal,
    tokenDelayMs: state.tokenDelayMs,
    dropAfter: state.takeDrop(path),
    errorAfter:
      streamError === undefined
        ? undefined
        : { after: streamError.after, ...streamErrorFrame(state, streamError.error) },
  });
}
