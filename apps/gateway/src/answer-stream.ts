import type { TextSegment } from '@keeptrusts/core';
import type { AnswerGate, PolicyChain, Scope, StreamFilter } from '@keeptrusts/core/chain';
import type { FinishReason, StreamEvent, ToolCall, Usage } from '@keeptrusts/core/wire';
import type { AuditTrail } from './audit-trail.js';

/** A whole answer gathered from a stream, for buffered mode. */
interface Gathered {
  deltas: StreamEvent[];
  content: string;
  reasoning: string | undefined;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: Usage;
}

/** Reads a provider stream to its end. Throws what the provider throws (nothing was sent yet). */
export async function gather(events: AsyncIterable<StreamEvent>): Promise<Gathered> {
  const deltas: StreamEvent[] = [];
  let content = '';
  let reasoning: string | undefined;
  const toolCalls: ToolCall[] = [];
  for await (const event of events) {
    if (event.type === 'done')
      return { deltas, content, reasoning, toolCalls, finishReason: event.finishReason, usage: event.usage };
    deltas.push(event);
    content += event.content ?? '';
    if (event.reasoning !== undefined) reasoning = (reasoning ?? '') + event.reasoning;
    if (event.toolCalls !== undefined) toolCalls.push(...event.toolCalls);
  }
  throw new Error('provider stream ended without a done event');
}

/**
 * Buffered mode, as the seed documents: the answer is assembled, the response policies run on it,
 * and only then is anything sent. Unchanged answers keep their original chunks.
 */
export async function* bufferedEvents(
  gathered: Gathered,
  chain: PolicyChain,
  scope: Scope,
  trail: AuditTrail,
  prompt: readonly TextSegment[] = [],
): AsyncGenerator<StreamEvent> {
  const traced = trail.trace?.policies('response');
  const outcome = await chain.response(scope, {
    prompt,
    text: gathered.content,
    finishReason: gathered.finishReason,
    reasoning: gathered.reasoning,
    toolCalls: gathered.toolCalls,
  });
  traced?.(outcome);
  trail.decide(outcome.decisions);
  const finishReason = outcome.finishReason ?? gathered.finishReason;
  trail.record.finish_reason = finishReason;
  trail.answer(outcome);
  trail.record.usage = gathered.usage;
  const unchanged =
    outcome.text === gathered.content &&
    outcome.reasoning === gathered.reasoning &&
    outcome.finishReason === undefined &&
    outcome.toolCalls.length === gathered.toolCalls.length &&
    outcome.toolCalls.every((call, i) => call === gathered.toolCalls[i]);
  if (unchanged) {
    yield* gathered.deltas;
  } else {
    // The checked parts, in the order a stream sends them: reasoning, text, tool calls.
    if (outcome.reasoning) yield { type: 'delta', reasoning: outcome.reasoning };
    if (outcome.text !== '') yield { type: 'delta', content: outcome.text };
    if (outcome.toolCalls.length > 0) yield { type: 'delta', toolCalls: outcome.toolCalls };
  }
  yield { type: 'done', finishReason, usage: gathered.usage };
}

/**
 * Pass-through: no response rule applies, so every event goes out as it comes. What was sent is
 * kept for the audit record only when a sink wants content.
 */
export async function* passThroughEvents(
  events: AsyncIterable<StreamEvent>,
  trail: AuditTrail,
): AsyncGenerator<StreamEvent> {
  const sent = { text: '', reasoning: '', toolCalls: [] as ToolCall[] };
  for await (const event of events) {
    if (event.type === 'done') {
      trail.upstreamDone();
      trail.record.finish_reason = event.finishReason;
      trail.record.usage = event.usage;
      trail.answer(sent);
    } else if (trail.wantsContent) {
      sent.text += event.content ?? '';
      sent.reasoning += event.reasoning ?? '';
      if (event.toolCalls !== undefined) sent.toolCalls.push(...event.toolCalls);
    }
    yield event;
    if (event.type === 'done') return;
  }
}

/**
 * Incremental mode: content flows as it comes through the chain's stream filter, which holds
 * back only what its scanners need, and then through the answer gate when answer checks apply
 * (each window of text waits for their verdict). When a rule ends the answer, the rest of the
 * upstream stream is read (for its token counts) but not sent.
 */
export async function* incrementalEvents(
  events: AsyncIterable<StreamEvent>,
  filter: StreamFilter,
  trail: AuditTrail,
  gate?: AnswerGate<StreamEvent>,
): AsyncGenerator<StreamEvent> {
  // What was sent, for the audit record; kept only when a sink wants content.
  const sent = { text: '', reasoning: '', toolCalls: [] as ToolCall[] };
  const filtered = filteredEvents(events, filter, trail);
  for await (const event of gate === undefined ? filtered : gatedEvents(filtered, gate)) {
    if (event.type === 'done') {
      // A check's block ends the answer whatever the filter made of its end (a `length` cut).
      const finishReason =
        gate?.blocked !== undefined ? 'content_filter' : (filter.finishReason ?? event.finishReason);
      trail.decide(gate === undefined ? filter.decisions() : [...filter.decisions(), ...gate.decisions()]);
      trail.record.finish_reason = finishReason;
      trail.record.usage = event.usage;
      trail.answer(sent);
      yield { type: 'done', finishReason, usage: event.usage };
      return;
    }
    if (trail.wantsContent) {
      sent.text += event.content ?? '';
      sent.reasoning += event.reasoning ?? '';
      if (event.toolCalls !== undefined) sent.toolCalls.push(...event.toolCalls);
    }
    yield event;
  }
}

/** The upstream's events through the stream filter, ending with the upstream's own `done`. */
async function* filteredEvents(
  events: AsyncIterable<StreamEvent>,
  filter: StreamFilter,
  trail: AuditTrail,
): AsyncGenerator<StreamEvent> {
  let ended = false;
  for await (const event of events) {
    if (event.type === 'done') {
      trail.upstreamDone();
      if (!ended) {
        const thought = filter.endReasoning();
        if (thought !== '') yield { type: 'delta', reasoning: thought };
        const rest = filter.end();
        if (rest !== '') yield { type: 'delta', content: rest };
      }
      yield event;
      return;
    }
    if (ended) continue;
    // Reasoning streams first; the first text or tool call releases what its stages held back.
    let reasoning = event.reasoning === undefined ? '' : filter.pushReasoning(event.reasoning);
    if (event.content !== undefined || event.toolCalls !== undefined) reasoning += filter.endReasoning();
    const content =
      event.content === undefined || filter.finishReason !== undefined ? '' : filter.push(event.content);
    const calls = event.toolCalls === undefined ? [] : filter.toolCalls(event.toolCalls);
    ended = filter.finishReason !== undefined;
    const out: StreamEvent = {
      type: 'delta',
      ...(reasoning === '' ? {} : { reasoning }),
      ...(content === '' ? {} : { content }),
      ...(calls.length === 0 ? {} : { toolCalls: calls }),
    };
    if (out.content !== undefined || out.reasoning !== undefined || out.toolCalls !== undefined) yield out;
  }
}

/**
 * The filtered events through the answer gate: answer text goes out a window at a time once the
 * answer checks allowed it, reasoning and tool calls keep their place behind it. The filter is read
 * while windows are judged (so the next ones are ready), but not while the gate is busy. After a
 * block the rest is read for its `done` and dropped.
 */
async function* gatedEvents(
  filtered: AsyncGenerator<StreamEvent>,
  gate: AnswerGate<StreamEvent>,
): AsyncGenerator<StreamEvent> {
  let pulling: Promise<IteratorResult<StreamEvent>> | undefined;
  let done: StreamEvent | undefined;
  try {
    for (;;) {
      for (const out of gate.take()) yield 'text' in out ? { type: 'delta', content: out.text } : out.item;
      if (done !== undefined && gate.finished) {
        yield done;
        return;
      }
      if (done === undefined && pulling === undefined && (!gate.busy || gate.blocked !== undefined)) {
        pulling = filtered.next();
      }
      const changed = gate.changed().then(() => undefined);
      const next = pulling === undefined ? await changed : await Promise.race([pulling, changed]);
      if (next === undefined) continue;
      pulling = undefined;
      if (next.done === true) throw new Error('the answer stream ended without a done event');
      const event = next.value;
      if (event.type === 'done') {
        done = event;
        gate.end();
        continue;
      }
      if (event.reasoning !== undefined) gate.item({ type: 'delta', reasoning: event.reasoning });
      if (event.content !== undefined) gate.text(event.content);
      if (event.toolCalls !== undefined) gate.item({ type: 'delta', toolCalls: event.toolCalls });
    }
  } finally {
    gate.close();
    if (done === undefined) {
      // The client left (or the stream failed): a read still under way settles when the upstream
      // call is aborted, and the filter's generator closes after it.
      pulling?.catch(() => {});
      void filtered.return(undefined).catch(() => {});
    }
  }
}

/** Wraps SSE text frames as a streamed HTTP response; pulling drives the upstream (backpressure). */
export function sseResponse(frames: AsyncGenerator<string>, onEnd: (cancelled: boolean) => void): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await frames.next();
        if (next.done) {
          controller.close();
          onEnd(false);
        } else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
        onEnd(true);
      }
    },
    async cancel() {
      onEnd(true);
      await frames.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    },
  });
}
