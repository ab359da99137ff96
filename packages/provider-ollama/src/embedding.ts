import { type EmbeddingRequest, type EmbeddingResult, GatewayError } from '@keeptrusts/core';
import { type OllamaEmbedRequest, ollamaEmbedResponse, parseOllama } from './ollama-wire.js';

/**
 * Translates an OpenAI embeddings request into an `/api/embed` body. The input always travels
 * as an array (Ollama answers a bare `""` with no embedding at all), and `truncate: false` makes
 * a too-long input a 400, as OpenAI answers it, instead of an embedding of a silently cut text.
 * `encoding_format` is the gateway's business (see `embeddingListBody` in core).
 */
export function toOllamaEmbedRequest(
  request: EmbeddingRequest,
  settings: { model: string; maxContextTokens: number | undefined },
): OllamaEmbedRequest {
  const body: OllamaEmbedRequest = {
    model: settings.model,
    input: typeof request.input === 'string' ? [request.input] : [...request.input],
    truncate: false,
  };
  if (request.dimensions !== undefined) body.dimensions = request.dimensions;
  if (settings.maxContextTokens !== undefined) body.options = { num_ctx: settings.maxContextTokens };
  return body;
}

/** Maps an `/api/embed` answer to an {@link EmbeddingResult}, checking there is one vector per input. */
export function embeddingResultFromOllama(body: unknown, inputs: number): EmbeddingResult {
  const answer = parseOllama(ollamaEmbedResponse, body, '/api/embed');
  const embeddings = answer.embeddings ?? [];
  if (embeddings.length !== inputs) {
    throw new GatewayError(
      'upstream_error',
      `Ollama returned ${embeddings.length} embeddings for ${inputs} inputs`,
    );
  }
  return { embeddings, promptTokens: answer.prompt_eval_count ?? 0 };
}
