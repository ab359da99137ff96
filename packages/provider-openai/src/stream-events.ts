import { approximateTokens, type StreamEvent, type ToolCall, type Usage } from '@keeptrusts/core';
import { finishReasonOf, usageOf } from './answer.js';

// An OpenAI-compatible stream (`chat.completion.chunk` or `text_completion` chunks, already parsed
// and ended by `[DONE]`) read as the gateway's stream events. The finish reason arrives on the last
// chunk with choices and usage on a chunk after it (`choices: []`, because the provider always asks
// for `include_usage`), so `done` waits for the end of the stream. Tool calls arrive as deltas, the
// first with the id and name, later ones with pieces of the arguments, keyed by `index`; the policy
// chain reads whole arguments, so each call is sent once, whole, when the stream ends.

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

interface PendingCall {
  id: string;
  name: string;
  arguments: string;
}

/** Reads a chat stream's chunks as stream events. */
export async function* chatStreamEvents(
  chunks: AsyncIterable<unknown>,
): AsyncGenerator<StreamEvent, void, undefined> {
  const calls = new Map<number, PendingCall>();
  let reason: unknown;
  let usage: Usage | undefined;
  let answer = '';
  for await (const chunk of chunks) {
    if (!isObject(chunk)) continue;
    usage = usageOf(chunk, '') ?? usage;
    const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    if (!isObject(choice)) continue;
    if (choice.finish_reason !== null && choice.finish_reason !== undefined) reason = choice.finish_reason;
    const delta = isObject(choice.delta) ? choice.delta : {};
    const content = text(delta.content);
    const reasoning = text(delta.reasoning_content) || text(delta.reasoning);
    for (const piece of Array.isArray(delta.tool_calls) ? delta.tool_calls : []) {
      if (!isObject(piece)) continue;
      const index = typeof piece.index === 'number' ? piece.index : calls.size;
      const fn = isObject(piece.function) ? piece.function : {};
      const call = calls.get(index) ?? { id: '', name: '', arguments: '' };
      if (typeof piece.id === 'string' && piece.id !== '') call.id = piece.id;
      call.name += text(fn.name);
      call.arguments +=
        typeof fn.arguments === 'string'
          ? fn.arguments
          : fn.arguments === undefined
            ? ''
            : JSON.stringify(fn.arguments);
      calls.set(index, call);
    }
    answer += content + reasoning;
    if (content !== '' || reasoning !== '') {
      yield {
        type: 'delta',
        ...(reasoning === '' ? {} : { reasoning }),
        ...(content === '' ? {} : { content }),
      };
    }
  }
  const toolCalls: ToolCall[] = [...calls.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, call]) => ({
      id: call.id === '' ? `call_${index}` : call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  if (toolCalls.length > 0) yield { type: 'delta', toolCalls };
  yield {
    type: 'done',
    finishReason: finishReasonOf(reason, toolCalls.length > 0),
    usage: usage ?? estimate(answer),
  };
}

/** Reads a completion stream's chunks as stream events. */
export async function* completionStreamEvents(
  chunks: AsyncIterable<unknown>,
): AsyncGenerator<StreamEvent, void, undefined> {
  let reason: unknown;
  let usage: Usage | undefined;
  let answer = '';
  for await (const chunk of chunks) {
    if (!isObject(chunk)) continue;
    usage = usageOf(chunk, '') ?? usage;
    const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    if (!isObject(choice)) continue;
    if (choice.finish_reason !== null && choice.finish_reason !== undefined) reason = choice.finish_reason;
    const content = text(choice.text);
    answer += content;
    if (content !== '') yield { type: 'delta', content };
  }
  yield { type: 'done', finishReason: finishReasonOf(reason, false), usage: usage ?? estimate(answer) };
}

function estimate(answer: string): Usage {
  const completion = approximateTokens(answer);
  return { prompt_tokens: 0, completion_tokens: completion, total_tokens: completion };
}
