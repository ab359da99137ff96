import { GatewayError } from '@keeptrusts/core';
import { type ModelInfo, modelListBody } from '@keeptrusts/core/wire';
import type { Context } from 'hono';
import type { GatewayDeps } from '../deps.js';

/** Each target is a model clients can name; its provider string and model name work too. */
function modelsOf(deps: GatewayDeps): ModelInfo[] {
  return deps.pool.targets.map((t) => ({
    id: t.config.id,
    created: deps.startedAt,
    ownedBy: t.config.providerName,
  }));
}

/** `GET /v1/models`. */
export function listModels(c: Context, deps: GatewayDeps): Response {
  return c.json(modelListBody(modelsOf(deps)));
}

/** `GET /v1/models/{id}`: a target id, a provider string or a bare model name. */
export function getModel(c: Context, deps: GatewayDeps): Response {
  const id = modelId(c.req.url);
  const target = deps.pool.named(id)[0];
  if (target === undefined) {
    throw new GatewayError('model_not_found', `no target or model named "${id}"; GET /v1/models lists them`, {
      param: 'model',
    });
  }
  return c.json({ id, object: 'model', created: deps.startedAt, owned_by: target.config.providerName });
}

/** The percent-decoded `{id}` of a `/v1/models/{id}` URL; a bad escape is the client's mistake. */
function modelId(url: string): string {
  // Decoded once, from the URL as sent: Hono's c.req.path is already partly decoded.
  const encoded = new URL(url).pathname.slice('/v1/models/'.length);
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new GatewayError(
      'invalid_request_error',
      `the model id in the path is not valid percent-encoded UTF-8: "${encoded.slice(0, 200)}"; encode it with encodeURIComponent`,
      { param: 'model' },
    );
  }
}
