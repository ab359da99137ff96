import type { ChatResult, StreamEvent, ToolCall } from '@keeptrusts/core';
import { finishReasonOf, toToolCall, unfinishedStreamError, usageOf } from './final-line.js';
import { finishedAnswer, type OllamaToolCallOut, ollamaChatLine, parseOllama } from './ollama-wire.js';

/** How the client asked tool calls to be returned. */
export interface ToolCallPolicy {
  /**
   * `parallel_tool_calls: false`: at most one call per answer. Ollama cannot be told, so the
   * provider keeps the model's first call and drops the others.
   */
  singleToolCall: boolean;
}

function takeCalls(calls: readonly OllamaToolCallOut[] | null | undefined, room: number): ToolCall[] {
  return (calls ?? []).slice(0, room).map(toToolCall);
}

/** Maps a non-streamed `/api/chat` answer to a {@link ChatResult}. */
export function chatResultFromOllama(body: unknown, policy: ToolCallPolicy): ChatResult {
  const answer = finishedAnswer(parseOllama(ollamaChatLine, body, '/api/chat'), '/api/chat');
  const toolCalls = takeCalls(answer.message?.tool_calls, policy.singleToolCall ? 1 : Infinity);
  const result: ChatResult = {
    content: answer.message?.content ?? '',
    toolCalls,
    finishReason: finishReasonOf(answer.done_reason, toolCalls.length > 0),
    usage: usageOf(answer),
  };
  if (answer.message?.thinking) result.reasoning = answer.message.thinking;
  return result;
}

/**
 * Maps the lines of an `/api/chat` stream to {@link StreamEvent}s: a delta per line that carries
 * something (thinking, content or whole tool calls), then `done` from the `done: true` line, whose
 * content is a delta like any other. Ends without reading further after `done`; throws a 502 when
 * the lines end without it.
 */
export async function* chatStreamEvents(
  lines: AsyncIterable<unknown>,
  policy: ToolCallPolicy,
): AsyncGenerator<StreamEvent, void, undefined> {
  let calls = 0;
  for await (const value of lines) {
    const line = parseOllama(ollamaChatLine, value, '/api/chat');
    const event: StreamEvent & { type: 'delta' } = { type: 'delta' };
    if (line.message?.thinking) event.reasoning = line.message.thinking;
    if (line.message?.content) event.content = line.message.content;
    const toolCalls = takeCalls(line.message?.tool_calls, policy.singleToolCall ? 1 - calls : Infinity);
    if (toolCalls.length > 0) {
      calls += toolCalls.length;
      event.toolCalls = toolCalls;
    }
    if (event.reasoning !== undefined || event.content !== undefined || event.toolCalls !== undefined)
      yield event;
    if (line.done === true) {
      yield { type: 'done', finishReason: finishReasonOf(line.done_reason, calls > 0), usage: usageOf(line) };
      return;
    }
  }
  throw unfinishedStreamError();
}
