import { GatewayError, type TextSegment } from '@keeptrusts/core';
import { requestTexts } from '@keeptrusts/core/chain';
import {
  type ChatCompletionRequest,
  type ChatResult,
  type CompletionRequest,
  type CompletionResult,
  chatCompletionBody,
  chatCompletionRequestSchema,
  completionRequestSchema,
  encodeSseStream,
  newResponseMeta,
  SSE_DONE_FRAME,
  type StreamEvent,
  textCompletionBody,
} from '@keeptrusts/core/wire';
import type { Context } from 'hono';
import {
  bufferedEvents,
  gather,
  incrementalEvents,
  passThroughEvents,
  sseResponse,
} from '../answer-stream.js';
import type { AuditTrail } from '../audit-trail.js';
import { clientClosedBody } from '../client-closed.js';
import type { GatewayDeps } from '../deps.js';
import { route, withFailover } from '../pipeline.js';
import { parseBody } from '../request-body.js';

/** `POST /v1/chat/completions` and `POST /v1/completions`: JSON or SSE answers. */
export async function generate(
  kind: 'chat' | 'completion',
  c: Context,
  deps: GatewayDeps,
  trail: AuditTrail,
): Promise<Response> {
  const raw = await c.req.text();
  const body =
    kind === 'chat'
      ? parseBody<ChatCompletionRequest | CompletionRequest>(chatCompletionRequestSchema, raw)
      : parseBody<ChatCompletionRequest | CompletionRequest>(completionRequestSchema, raw);
  const stream = body.stream === true;
  trail.record.stream = stream;
  if (!stream && body.stream_options != null) {
    throw new GatewayError('invalid_request_error', 'stream_options is only allowed when stream is true', {
      param: 'stream_options',
    });
  }
  const routed = route(kind, body, c.req.raw.headers, { ...deps, trail });
  const signal = c.req.raw.signal;
  const meta = newResponseMeta(kind, body.model);

  if (!stream) {
    const { result, attempt } = await withFailover<typeof body, ChatResult | CompletionResult>(
      kind,
      body,
      routed,
      { ...deps, trail, signal },
      ({ target, body, signal }) =>
        kind === 'chat'
          ? target.provider.chat(body as ChatCompletionRequest, { signal, model: target.config.model })
          : target.provider.completion(body as CompletionRequest, { signal, model: target.config.model }),
    );
    trail.firstByte();
    const text = 'content' in result ? result.content : result.text;
    const traced = trail.trace?.policies('response');
    const outcome = await deps.chain.response(attempt.scope, {
      text,
      finishReason: result.finishReason,
      prompt: promptOf(kind, attempt.body),
      signal,
      ...('content' in result ? { reasoning: result.reasoning, toolCalls: result.toolCalls } : {}),
    });
    traced?.(outcome);
    trail.decide(outcome.decisions);
    const finishReason = outcome.finishReason ?? result.finishReason;
    trail.record.usage = result.usage;
    trail.record.finish_reason = finishReason;
    trail.answer(outcome);
    if ('content' in result) {
      const { reasoning, ...rest } = result;
      return c.json(
        chatCompletionBody(
          {
            ...rest,
            ...(outcome.reasoning ? { reasoning: outcome.reasoning } : {}),
            content: outcome.text,
            toolCalls: outcome.toolCalls,
            finishReason,
          },
          meta,
        ),
      );
    }
    return c.json(textCompletionBody({ ...result, text: outcome.text, finishReason }, meta));
  }

  const { result: events, attempt } = await withFailover(
    kind,
    body,
    routed,
    { ...deps, trail, signal },
    ({ target, body, signal }) =>
      kind === 'chat'
        ? target.provider.chatStream(body as ChatCompletionRequest, { signal, model: target.config.model })
        : target.provider.completionStream(body as CompletionRequest, { signal, model: target.config.model }),
  );
  // The plan and the answer's rules are those of the target that answered.
  const { plan } = deps.chain.streamPlan(attempt.scope, deps.policyMode);
  trail.record.stream_plan = plan;
  let answer: AsyncIterable<StreamEvent>;
  if (plan === 'pass_through') {
    answer = passThroughEvents(events, trail);
  } else if (plan === 'incremental') {
    const gate = deps.chain.answerGate<StreamEvent>(attempt.scope, {
      prompt: promptOf(kind, attempt.body),
      signal,
    });
    answer = incrementalEvents(events, deps.chain.streamFilter(attempt.scope)!, trail, gate);
  } else {
    // Buffered: the whole answer is read before the response starts, so an upstream failure is
    // still a proper HTTP error.
    const gathered = await gather(events);
    trail.upstreamDone();
    answer = bufferedEvents(gathered, deps.chain, attempt.scope, trail, promptOf(kind, attempt.body));
  }
  const includeUsage = body.stream_options?.include_usage === true;
  const frames = encodeSseStream(answer, {
    kind,
    meta,
    includeUsage,
    errorBody: (error) => {
      if (signal.aborted) {
        // The client left mid-stream: not an error of ours, and nobody reads the frame.
        trail.finish(499, 'client_closed');
        return clientClosedBody();
      }
      const body =
        error instanceof GatewayError ? deps.clientBody(error, trail) : deps.internalError(error, trail);
      trail.finish(200, body.error.code);
      return body;
    },
  });
  return sseResponse(tap(frames, trail), (cancelled) =>
    trail.finish(cancelled ? 499 : 200, cancelled ? 'client_closed' : null),
  );
}

// The request's texts as the upstream got them, for answer rules that judge an answer by its prompt.
function promptOf(
  kind: 'chat' | 'completion',
  body: ChatCompletionRequest | CompletionRequest,
): TextSegment[] {
  return [...requestTexts(kind, body as never).segments];
}

/**
 * Notes the first byte, and holds the frame that ends a successful stream until the audit record
 * is stored (a durable sink's promise): a client that saw `[DONE]` has a record, crash or not.
 */
async function* tap(frames: AsyncGenerator<string>, trail: AuditTrail): AsyncGenerator<string> {
  for await (const frame of frames) {
    trail.firstByte();
    if (frame.endsWith(SSE_DONE_FRAME)) await trail.finish(200, null);
    yield frame;
  }
}
