// POST /api/embed and the legacy POST /api/embeddings (reference §5). Any installed model can embed; the
// dimension is the model's embedding length.
import { embedVector, rawEmbedding } from '../embeddings.js';
import { goQuote } from '../go-json.js';
import { modelNameKey, parseModelName } from '../model-names.js';
import { parseModelOptions } from '../model-options.js';
import {
  type EmbeddingRequest,
  type EmbedRequest,
  embeddingRequestType,
  embedRequestType,
} from '../request-types.js';
import { errorResponse, jsonResponse } from '../responses.js';
import { countTokens } from '../tokens.js';
import { decodeBody, type EndpointContext } from './endpoint.js';

function notPulled(model: string): Response {
  return errorResponse(404, `model ${goQuote(model)} not found, try pulling it first`);
}

/** Handles POST /api/embed. */
export function handleEmbed({ state, body }: EndpointContext): Response {
  const decoded = decodeBody<EmbedRequest>(body, embedRequestType);
  if (decoded.error) return decoded.error;
  const request = decoded.value;
  const inputs: string[] = [];
  const input = request.input;
  if (input?.kind === 'string') {
    if (input.value !== '') inputs.push(input.value);
  } else if (input?.kind === 'array') {
    for (const item of input.items) {
      if (item.kind !== 'string') return errorResponse(400, 'invalid input type');
      inputs.push(item.value);
    }
  } else if (input !== undefined) {
    return errorResponse(400, 'invalid input type');
  }
  const modelText = request.model ?? '';
  if (modelText === '') return errorResponse(404, `model '' not found`);
  const name = parseModelName(modelText);
  if (name === undefined) return errorResponse(400, 'invalid model name');
  const model = state.catalogue.find(name);
  if (model === undefined) return notPulled(modelText);
  const options = parseModelOptions(request.options);
  if (typeof options === 'string') return errorResponse(500, options);
  const warm = state.load(model, request.keep_alive, options.numCtx);
  if (inputs.length === 0) return jsonResponse(200, { model: modelText, embeddings: [] });

  const contextLength = options.numCtx ?? model.spec.contextLength;
  let promptTokens = 0;
  for (const text of inputs) {
    const tokens = countTokens(text);
    if (tokens > contextLength && request.truncate === false) {
      return errorResponse(400, 'the input length exceeds the context length');
    }
    promptTokens += Math.min(tokens, contextLength);
  }
  const key = modelNameKey(model.name);
  const embeddings = inputs.map((text) =>
    embedVector(key, text, model.spec.embeddingLength, request.dimensions),
  );
  const load = warm ? 1_000_000 : 250_000_000;
  return jsonResponse(200, {
    model: modelText,
    embeddings,
    total_duration: load + promptTokens * 100_000 + 1_000_000,
    load_duration: load,
    ...(promptTokens > 0 ? { prompt_eval_count: promptTokens } : {}),
  });
}

/** Handles POST /api/embeddings (legacy: one prompt, float64 values, not normalised, no counters). */
export function handleEmbeddings({ state, body }: EndpointContext): Response {
  const decoded = decodeBody<EmbeddingRequest>(body, embeddingRequestType);
  if (decoded.error) return decoded.error;
  const request = decoded.value;
  const modelText = request.model ?? '';
  if (modelText === '') return errorResponse(400, 'model is required');
  const name = parseModelName(modelText);
  if (name === undefined) return errorResponse(400, 'invalid model name');
  const model = state.catalogue.find(name);
  if (model === undefined) return notPulled(modelText);
  const options = parseModelOptions(request.options);
  if (typeof options === 'string') return errorResponse(500, options);
  state.load(model, request.keep_alive, options.numCtx);
  const prompt = request.prompt ?? '';
  if (prompt === '') return jsonResponse(200, { embedding: [] });
  return jsonResponse(200, {
    embedding: rawEmbedding(modelNameKey(model.name), prompt, model.spec.embeddingLength),
  });
}
