import { type EmbeddingRequest, type EmbeddingResult, GatewayError } from '@keeptrusts/core';

// `/embeddings` is OpenAI's on every server; the gateway asks for floats and applies the client's
// `encoding_format` itself. A server that sends base64 anyway (little-endian float32) is read too.

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The embeddings body sent upstream: always a list of inputs, always floats. */
export function upstreamEmbeddingBody(request: EmbeddingRequest, model: string): Record<string, unknown> {
  const input = typeof request.input === 'string' ? [request.input] : request.input;
  return {
    model,
    input,
    encoding_format: 'float',
    ...(request.dimensions === undefined ? {} : { dimensions: request.dimensions }),
  };
}

function vectorOf(value: unknown): number[] | undefined {
  if (Array.isArray(value) && value.every((x) => typeof x === 'number')) return value as number[];
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'base64');
    const out: number[] = [];
    for (let i = 0; i + 4 <= bytes.length; i += 4) out.push(bytes.readFloatLE(i));
    return out;
  }
  return undefined;
}

/** The embeddings of an `/embeddings` answer, in input order (by each item's `index`). */
export function embeddingResultOf(value: unknown, inputs: number, place: string): EmbeddingResult {
  const data = isObject(value) && Array.isArray(value.data) ? value.data : undefined;
  if (data === undefined || data.length !== inputs) {
    throw new GatewayError(
      'upstream_error',
      `${place} sent ${data === undefined ? 'no' : data.length} embeddings for ${inputs} input(s)`,
    );
  }
  const embeddings: number[][] = new Array(inputs);
  for (const [position, item] of data.entries()) {
    const index = isObject(item) && typeof item.index === 'number' ? item.index : position;
    const vector = isObject(item) ? vectorOf(item.embedding) : undefined;
    if (vector === undefined || index < 0 || index >= inputs || embeddings[index] !== undefined) {
      throw new GatewayError('upstream_error', `${place} sent a malformed embedding at position ${position}`);
    }
    embeddings[index] = vector;
  }
  const usage = isObject(value) && isObject(value.usage) ? value.usage : {};
  return { embeddings, promptTokens: typeof usage.prompt_tokens === 'number' ? usage.prompt_tokens : 0 };
}
