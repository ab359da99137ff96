// POST /v1/embeddings as each server answers it. Vectors come from the Ollama simulator's deterministic
// embedder (same text, same vector); `encoding_format: "base64"` sends the little-endian float32 bytes.
import { embedVector } from '../embeddings.js';
import { countTokens } from '../tokens.js';
import type { OpenAIEndpointContext } from './endpoint.js';
import { readBody } from './endpoint.js';
import { errorAnswer, jsonAnswer, responseId } from './flavour.js';
import { embeddingRequest } from './request.js';
import { resolveModel } from './serving.js';

/** A vector as `encoding_format: "base64"` sends it. */
export function base64Floats(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  for (const [i, value] of vector.entries()) bytes.writeFloatLE(value, i * 4);
  return bytes.toString('base64');
}

/** Handles POST /v1/embeddings (and llama.cpp's /embeddings). */
export function handleEmbeddings(context: OpenAIEndpointContext): Response {
  const { state } = context;
  const { flavour } = state;
  const read = readBody(context, embeddingRequest);
  if (read.error) return read.error;
  const request = read.value;
  const model = resolveModel(state, request.model, 'embedding');
  if (model instanceof Response) return model;
  const inputs = typeof request.input === 'string' ? [request.input] : request.input;
  const counts = inputs.map((text) => countTokens(text) + 1);
  const longest = Math.max(...counts);
  if (flavour === 'vllm' && longest > model.contextLength) {
    return errorAnswer(flavour, {
      status: 400,
      message: `This model's maximum context length is ${model.contextLength} tokens. However, you requested ${longest} tokens in the input for embedding generation. Please reduce the length of the input.`,
      param: 'input_tokens',
    });
  }
  if (flavour === 'llamacpp' && longest > model.contextLength) {
    return errorAnswer(flavour, {
      status: 500,
      message: 'input is too large to process. increase the physical batch size',
    });
  }
  const base64 = request.encoding_format === 'base64';
  const data = inputs.map((text, index) => {
    const vector = embedVector(model.id, text, model.embeddingLength, request.dimensions ?? undefined);
    const embedding = base64 ? base64Floats(vector) : vector;
    return flavour === 'llamacpp'
      ? { embedding, index, object: 'embedding' }
      : { index, object: 'embedding', embedding };
  });
  const promptTokens = counts.reduce((a, b) => a + b, 0);
  const modelName = flavour === 'vllm' ? model.id : (request.model ?? model.id);
  if (flavour === 'vllm') {
    return jsonAnswer(flavour, 200, {
      id: responseId(state, 'embd'),
      object: 'list',
      created: Math.floor(Date.now() / 1000),
      model: modelName,
      data,
      usage: {
        prompt_tokens: promptTokens,
        total_tokens: promptTokens,
        completion_tokens: 0,
        prompt_tokens_details: null,
      },
    });
  }
  if (flavour === 'llamacpp') {
    return jsonAnswer(flavour, 200, {
      model: modelName,
      object: 'list',
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
      data,
    });
  }
  return jsonAnswer(flavour, 200, {
    object: 'list',
    data,
    model: modelName,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
}
