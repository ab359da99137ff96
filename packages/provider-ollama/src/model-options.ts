import { type ChatCompletionRequest, GatewayError } from '@keeptrusts/core';
import type { OllamaOptions } from './ollama-wire.js';

/** The sampling fields chat and completion requests share. */
export type SamplingFields = Pick<
  ChatCompletionRequest,
  | 'temperature'
  | 'top_p'
  | 'n'
  | 'stop'
  | 'max_tokens'
  | 'presence_penalty'
  | 'frequency_penalty'
  | 'seed'
  | 'logit_bias'
> & { max_completion_tokens?: number | null | undefined };

/** A 400 naming the request field Ollama cannot honour. */
export function refuse(param: string, message: string): GatewayError {
  return new GatewayError('invalid_request_error', message, { param });
}

/**
 * Maps OpenAI sampling fields onto Ollama's `options`, refusing the ones Ollama cannot honour.
 * Absent or null fields are not sent, so the model's own defaults (its Modelfile) apply; in
 * particular temperature and top_p are not forced to OpenAI's 1.0 as Ollama's OpenAI layer does.
 */
export function toOllamaOptions(
  request: SamplingFields,
  maxContextTokens: number | undefined,
): OllamaOptions | undefined {
  if (request.n != null && request.n > 1) {
    throw refuse('n', `Ollama returns one choice per request; n must be 1, got ${request.n}`);
  }
  if (request.logit_bias != null && Object.keys(request.logit_bias).length > 0) {
    throw refuse('logit_bias', 'Ollama has no token biasing; remove logit_bias');
  }
  const options: OllamaOptions = {};
  if (maxContextTokens !== undefined) options.num_ctx = maxContextTokens;
  const limits = [request.max_tokens, request.max_completion_tokens].filter((v): v is number => v != null);
  // Both may be sent (max_tokens is the older name); the smaller one is the client's real limit.
  if (limits.length > 0) options.num_predict = Math.min(...limits);
  if (request.temperature != null) options.temperature = request.temperature;
  if (request.top_p != null) options.top_p = request.top_p;
  if (request.seed != null) options.seed = request.seed;
  // Ollama wants an array: a bare string is a 500 ("option \"stop\" must be of type array").
  if (request.stop != null)
    options.stop = typeof request.stop === 'string' ? [request.stop] : [...request.stop];
  if (request.presence_penalty != null) options.presence_penalty = request.presence_penalty;
  if (request.frequency_penalty != null) options.frequency_penalty = request.frequency_penalty;
  return Object.keys(options).length === 0 ? undefined : options;
}
