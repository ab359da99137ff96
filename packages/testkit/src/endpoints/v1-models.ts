// GET /v1/models and GET /v1/models/{model} on the Ollama simulator (ListMiddleware and RetrieveMiddleware
// around /api/tags and /api/show): the same registry as the native API, `owned_by` the name's namespace.
import { parseModelName } from '../model-names.js';
import { handleShow, handleTags } from './discovery.js';
import type { EndpointContext } from './endpoint.js';
import { fromNativeError, goEncoded, unixSeconds } from './openai-layer.js';

function namespaceOf(id: string): string {
  // model.ParseName fills in `library` for a bare name; an unparsable one has an empty namespace.
  return parseModelName(id)?.namespace ?? '';
}

/** Handles GET /v1/models. */
export async function handleV1Models(context: EndpointContext): Promise<Response> {
  const tags = (await handleTags(context).json()) as { models: { model: string; modified_at: string }[] };
  const data = tags.models.map((m) => ({
    id: m.model,
    object: 'model',
    created: unixSeconds(m.modified_at),
    owned_by: namespaceOf(m.model),
  }));
  // A nil slice marshals as null when nothing is installed.
  return goEncoded(200, { object: 'list', data: data.length > 0 ? data : null });
}

/** Handles GET /v1/models/{model}; `model` is the path segment after /v1/models/. */
export async function handleV1Model(context: EndpointContext, model: string): Promise<Response> {
  const shown = handleShow({ ...context, body: JSON.stringify({ name: model }) });
  if (shown.status !== 200) return fromNativeError(shown);
  const body = (await shown.json()) as { modified_at: string };
  return goEncoded(200, {
    id: model,
    object: 'model',
    created: unixSeconds(body.modified_at),
    owned_by: namespaceOf(model),
  });
}
