import type { CompletionRequest, CompletionResult, StreamEvent } from '@keeptrusts/core';
import { finishReasonOf, unfinishedStreamError, usageOf } from './final-line.js';
import { refuse, toOllamaOptions } from './model-options.js';
import {
  finishedAnswer,
  type OllamaGenerateRequest,
  ollamaGenerateLine,
  parseOllama,
} from './ollama-wire.js';

/** What the target adds to a completion call. */
export interface CompletionCallSettings {
  model: string;
  stream: boolean;
  maxContextTokens: number | undefined;
}

/**
 * Translates an OpenAI completion request into an `/api/generate` body (the prompt goes through
 * the model's template, as Ollama's own `/v1/completions` does). Throws a 400 naming the field for
 * anything Ollama cannot honour.
 */
export function toOllamaGenerateRequest(
  request: CompletionRequest,
  settings: CompletionCallSettings,
): OllamaGenerateRequest {
  if (request.echo === true) throw refuse('echo', 'Ollama cannot echo the prompt; remove echo');
  if (request.best_of != null && request.best_of > 1) {
    throw refuse(
      'best_of',
      `Ollama generates one candidate per request; best_of must be 1, got ${request.best_of}`,
    );
  }
  if (request.logprobs != null) {
    throw refuse('logprobs', 'the Ollama provider does not return log probabilities; remove logprobs');
  }
  const prompt = typeof request.prompt === 'string' ? request.prompt : request.prompt.join('');
  const body: OllamaGenerateRequest = { model: settings.model, prompt, stream: settings.stream };
  // Fill-in-the-middle needs the model's `insert` capability; Ollama's own 400 says so when it lacks it.
  if (request.suffix != null) body.suffix = request.suffix;
  const options = toOllamaOptions(request, settings.maxContextTokens);
  if (options !== undefined) body.options = options;
  return body;
}

/** Maps a non-streamed `/api/generate` answer to a {@link CompletionResult}. */
export function completionResultFromOllama(body: unknown): CompletionResult {
  const answer = finishedAnswer(parseOllama(ollamaGenerateLine, body, '/api/generate'), '/api/generate');
  return {
    text: answer.response ?? '',
    finishReason: finishReasonOf(answer.done_reason, false),
    usage: usageOf(answer),
  };
}

/**
 * Maps the lines of an `/api/generate` stream to {@link StreamEvent}s. Thinking text is not part
 * of a completion's text and is not sent.
 */
export async function* completionStreamEvents(
  lines: AsyncIterable<unknown>,
): AsyncGenerator<StreamEvent, void, undefined> {
  for await (const value of lines) {
    const line = parseOllama(ollamaGenerateLine, value, '/api/generate');
    if (line.response) yield { type: 'delta', content: line.response };
    if (line.done === true) {
      yield { type: 'done', finishReason: finishReasonOf(line.done_reason, false), usage: usageOf(line) };
      return;
    }
  }
  throw unfinishedStreamError();
}
