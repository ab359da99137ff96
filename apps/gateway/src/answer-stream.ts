import type {
  FinishReason,
  PolicyChain,
  Scope,
  StreamEvent,
  StreamFilter,
  ToolCall,
  Usage,
} from '@keeptrusts/core';
import type { AuditTrail } from './audit-trail.js';

/** A whole answer gathered from a stream, for buffered mode. */
interface Gathered {
  deltas: StreamEvent[];
  content: string;
  finishReason: FinishReason;
  usage: Usage;
}

/** Reads a provider stream to its end. Throws what the provider throws (nothing was sent yet). */
export async function gather(events: AsyncIterable<StreamEvent>): Promise<Gathered> {
  const deltas: StreamEvent[] = [];
  let content = '';
  for await (const event of events) {
    if (event.type === 'done')
      return { deltas, content, finishReason: event.finishReason, usage: event.usage };
    deltas.push(event);
    content += event.content ?? '';
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
): AsyncGenerator<StreamEvent> {
  const outcome = await chain.response(scope, {
    text: gathered.content,
    finishReason: gathered.finishReason,
  });
  trail.decide(outcome.decisions);
  const finishReason = outcome.finishReason ?? gathered.finishReason;
  trail.record.finish_reason = finishReason;
  if (trail.wantsContent) trail.record.answer = outcome.text;
  trail.record.usage = gathered.usage;
  if (outcome.text === gathered.content && outcome.finishReason === undefined) {
    yield* gathered.deltas;
  } else {
    if (outcome.text !== '') yield { type: 'delta', content: outcome.text };
    // Tool calls are kept unless the answer was blocked: nothing unchecked leaves.
    const calls: ToolCall[] = gathered.deltas.flatMap((d) => (d.type === 'delta' ? (d.toolCalls ?? []) : []));
    if (finishReason !== 'content_filter' && calls.length > 0) yield { type: 'delta', toolCalls: calls };
  }
  yield { type: 'done', finishReason, usage: gathered.usage };
}

/**
 * Incremental mode: content flows as it comes through the chain's stream filter, which holds
 * back only what its scanners need. When a rule ends the answer, the rest of the upstream stream
 * is read (for its token counts) but not sent.
 */
export async function* incrementalEvents(
  events: AsyncIterable<StreamEvent>,
  filter: StreamFilter,
  trail: AuditTrail,
): AsyncGenerator<StreamEvent> {
  let ended = false;
  let answer = '';
  for await (const event of events) {
    if (event.type === 'done') {
      if (!ended) {
        const rest = filter.end();
        if (trail.wantsContent) answer += rest;
        if (rest !== '') yield { type: 'delta', content: rest };
      }
      const finishReason = filter.finishReason ?? event.finishReason;
      trail.decide(filter.decisions());
      trail.record.finish_reason = finishReason;
      trail.record.usage = event.usage;
      if (trail.wantsContent) trail.record.answer = answer;
      yield { type: 'done', finishReason, usage: event.usage };
      return;
    }
    if (ended) continue;
    const content = event.content === undefined ? '' : filter.push(event.content);
    if (trail.wantsContent) answer += content;
    ended = filter.finishReason !== undefined;
    const out: StreamEvent = {
      type: 'delta',
      ...(content === '' ? {} : { content }),
      ...(event.reasoning === undefined ? {} : { reasoning: event.reasoning }),
      ...(event.toolCalls === undefined || ended ? {} : { toolCalls: event.toolCalls }),
    };
    if (out.content !== undefined || out.reasoning !== undefined || out.toolCalls !== undefined) yield out;
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
