import type { TextSegment } from '@keeptrusts/core';

/** One turn of the conversation a guard model reads. */
export interface Turn {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

/** A message sent to the guard target. */
export interface GuardMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/**
 * The conversation as guard models read it: the user and assistant turns, in order, adjacent
 * texts of one role joined (a message's text parts, or two user messages in a row). System prompts,
 * tool results and tool-call arguments are the application's, not the user's, and are left out;
 * a completion prompt counts as a user turn.
 */
export function turnsOf(segments: readonly TextSegment[]): Turn[] {
  const turns: Turn[] = [];
  for (const segment of segments) {
    const role =
      segment.source === 'prompt'
        ? 'user'
        : segment.source === 'message' && (segment.role === 'user' || segment.role === 'assistant')
          ? segment.role
          : undefined;
    if (role === undefined || segment.text.trim() === '') continue;
    const last = turns.at(-1);
    if (last?.role === role) turns[turns.length - 1] = { role, text: `${last.text}\n\n${segment.text}` };
    else turns.push({ role, text: segment.text });
  }
  return turns;
}

/** The turns a request judgement reads: up to the last user turn (an assistant prefill after it is not judged). */
export function requestTurns(segments: readonly TextSegment[]): Turn[] {
  const turns = turnsOf(segments);
  while (turns.length > 0 && turns.at(-1)!.role !== 'user') turns.pop();
  return turns;
}

/** The turns an answer judgement reads: the request's, then the answer as the last assistant turn. */
export function responseTurns(prompt: readonly TextSegment[], answer: string): Turn[] {
  return [...requestTurns(prompt), { role: 'assistant', text: answer }];
}
