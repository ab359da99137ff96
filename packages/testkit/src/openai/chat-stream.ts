// A chat answer as SSE steps in each server's order: vLLM's role chunk per choice, content deltas, a
// `length` finish on the last token's chunk or a `stop` on an empty delta, a `choices: []` usage chunk with
// include_usage and running usage with continuous_usage_stats; llama.cpp's role chunk with `content: null`,
// an empty finish delta and `timings` on the last chunk; LM Studio's role on every delta. Tool calls stream
// as a name delta, then argument fragments.
import { type Answer, logprobsContent } from './chat-answer.js';
import { errorObject, LLAMACPP_FINGERPRINT } from './flavour.js';
import { timings, usage, wantsUsage } from './serving.js';
import { dataFrame, type SseStep } from './sse.js';
import type { OpenAISimulatorState } from './state.js';

function fragments(text: string): string[] {
  // Arguments stream in a few pieces, as a tool parser releases them.
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += 8) pieces.push(text.slice(at, at + 8));
  return pieces;
}

/** The frames of a streamed chat answer. */
export function streamSteps(answer: Answer): SseStep[] {
  const { state, request } = answer;
  const flavour = state.flavour;
  const includeUsage = wantsUsage(state, request.stream_options);
  // vLLM sends running usage only when the final usage chunk is asked for too.
  const continuous =
    flavour === 'vllm' && includeUsage && request.stream_options?.continuous_usage_stats === true;
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
  const framesOf = answer.choices.map((choice, index) => [
    ...choice.plan.content.map((token) => ({ token, delta: { content: token } as Record<string, unknown> })),
    ...(toolFrames[index] ?? []).map((delta) => ({ token: undefined, delta })),
  ]);
  const longest = Math.max(...framesOf.map((frames) => frames.length));
  for (let position = 0; position < longest; position++) {
    answer.choices.forEach((choice, index) => {
      const frames = framesOf[index] ?? [];
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
