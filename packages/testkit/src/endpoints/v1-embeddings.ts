// POST /v1/embeddings on the Ollama simulator, as EmbeddingsMiddleware does it: only model, input and
// dimensions reach /api/embed; `encoding_format: "base64"` sends the little-endian float32 bytes.
import type { GoType } from '../go-decode.js';
import { type JsonNode, nodeToValue } from '../go-json.js';
import { handleEmbed } from './embed.js';
import type { EndpointContext } from './endpoint.js';
import { decodeOpenAIBody, fromNativeError, goEncoded, openAIError } from './openai-layer.js';

/** openai.EmbedRequest. */
const embedType = {
  go: 'struct',
  name: 'openai.EmbedRequest',
  fields: {
    input: { go: 'any' },
    model: { go: 'string' },
    dimensions: { go: 'int' },
    encoding_format: { go: 'string' },
  },
} as const satisfies GoType;

interface EmbedIn {
  readonly input?: JsonNode;
  readonly model?: string;
  readonly dimensions?: number;
  readonly encoding_format?: string;
}

function base64Floats(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  for (const [i, value] of vector.entries()) bytes.writeFloatLE(value, i * 4);
  return bytes.toString('base64');
}

/** Handles POST /v1/embeddings on the Ollama simulator. */
export async function handleV1Embeddings(context: EndpointContext): Promise<Response> {
  const decoded = decodeOpenAIBody<EmbedIn>(context.body, embedType);
  if (decoded.error) return decoded.error;
  const request = decoded.value;
  const format = request.encoding_format ?? '';
  if (format !== '' && format.toLowerCase() !== 'float' && format.toLowerCase() !== 'base64') {
    return openAIError(
      400,
      `Invalid value for 'encoding_format' = ${format}. Supported values: ['float', 'base64'].`,
    );
  }
  let input: unknown =
    request.input === undefined || request.input.kind === 'null' ? undefined : nodeToValue(request.input);
  if (input === '') input = [''];
  if (input === undefined || (Array.isArray(input) && input.length === 0))
    return openAIError(400, 'invalid input');
  const native: Record<string, unknown> = { model: request.model ?? '', input };
  if ((request.dimensions ?? 0) !== 0) native.dimensions = request.dimensions;
  const response = await handleEmbed({ ...context, body: JSON.stringify(native) });
  if (response.status !== 200) return fromNativeError(response);
  const body = (await response.json()) as { embeddings?: number[][] | null; prompt_eval_count?: number };
  if (body.embeddings === undefined || body.embeddings === null) {
    return goEncoded(200, {
      object: '',
      data: null,
      model: '',
      usage: { prompt_tokens: 0, total_tokens: 0 },
    });
  }
  const data = body.embeddings.map((vector, index) => ({
    object: 'embedding',
    embedding: format.toLowerCase() === 'base64' ? base64Floats(vector) : vector,
    index,
  }));
  const tokens = body.prompt_eval_count ?? 0;
  return goEncoded(200, {
    object: 'list',
    data: data.length > 0 ? data : null,
    model: request.model ?? '',
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}
