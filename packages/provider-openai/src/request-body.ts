import { type ChatCompletionRequest, type CompletionRequest, GatewayError } from '@keeptrusts/core';
import type { ServerFacts } from './servers.js';

// The client's body already is OpenAI's, so it goes upstream almost as sent. What changes: the
// target's model; the fields the gateway itself uses (`metadata` for routing, `user` for audit);
// `stream_options`, which is always `include_usage: true` upstream so usage comes from the server's
// own usage chunk (the gateway's encoder decides what the client sees); and the fields the gateway
// cannot carry back, or the server cannot honour, which are refused by name.

/** Who a refusal names: the target, and the facts of the server behind it. */
export interface Refusing {
  readonly targetId: string;
  readonly facts: ServerFacts;
}

function refuse(param: string, message: string, by: Refusing): never {
  throw new GatewayError('invalid_request_error', `${message} (target "${by.targetId}")`, { param });
}

/** A field that asks for several candidates: the server may not make them, and the gateway carries one. */
function checkChoices(param: 'n' | 'best_of', value: number | null | undefined, by: Refusing): void {
  if (value === undefined || value === null || value <= 1) return;
  if (!by.facts.choices)
    refuse(param, `${by.facts.label} returns one choice per request; ${param} must be 1, got ${value}`, by);
  // The policy chain judges one answer per request; several would pass unjudged.
  refuse(
    param,
    `${param} > 1 is not served through the gateway: its policy chain judges one answer per request; got ${value}`,
    by,
  );
}

function checkLogprobs(param: string, asked: boolean, by: Refusing): void {
  if (!asked) return;
  if (!by.facts.logprobs)
    refuse(param, `${by.facts.label} does not return log-probabilities; remove ${param}`, by);
  refuse(
    param,
    `${param} is not served through the gateway: answers carry no log-probabilities yet; remove ${param}`,
    by,
  );
}

/** The chat body sent upstream. */
export function upstreamChatBody(
  request: ChatCompletionRequest,
  options: { model: string; stream: boolean },
  by: Refusing,
): Record<string, unknown> {
  checkChoices('n', request.n, by);
  checkLogprobs('logprobs', request.logprobs === true, by);
  checkLogprobs('top_logprobs', (request.top_logprobs ?? 0) > 0, by);
  const {
    metadata: _m,
    user: _u,
    stream_options: _s,
    n: _n,
    logprobs: _l,
    top_logprobs: _t,
    ...rest
  } = request;
  return withStream({ ...rest, model: options.model }, options.stream);
}

/** The completion body sent upstream. */
export function upstreamCompletionBody(
  request: CompletionRequest,
  options: { model: string; stream: boolean },
  by: Refusing,
): Record<string, unknown> {
  checkChoices('n', request.n, by);
  checkChoices('best_of', request.best_of, by);
  checkLogprobs('logprobs', request.logprobs !== undefined && request.logprobs !== null, by);
  // The answer's text goes through the policy chain; an echoed prompt would reach the client unjudged
  // as part of it, so echo is refused even where the server could.
  if (request.echo === true) {
    refuse(
      'echo',
      by.facts.echo
        ? 'echo is not served through the gateway: the prompt would come back as part of the answer'
        : `${by.facts.label} cannot echo the prompt; remove echo`,
      by,
    );
  }
  const {
    metadata: _m,
    user: _u,
    stream_options: _s,
    n: _n,
    best_of: _b,
    logprobs: _l,
    echo: _e,
    ...rest
  } = request;
  return withStream({ ...rest, model: options.model }, options.stream);
}

function withStream(body: Record<string, unknown>, stream: boolean): Record<string, unknown> {
  // Every null the client sent means "default": leave it to the server rather than send null.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body))
    if (value !== null && value !== undefined) out[key] = value;
  out.stream = stream;
  if (stream) out.stream_options = { include_usage: true };
  return out;
}
