import { GatewayError, type ModelInfo, modelListBody } from '@keeptrusts/core';
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
  const id = decodeURIComponent(c.req.path.slice('/v1/models/'.length));
  const target = deps.pool.named(id)[0];
  if (target === undefined) {
    throw new GatewayError('model_not_found', `no target or model named "${id}"; GET /v1/models lists them`, {
      param: 'model',
    });
  }
  return c.json({ id, object: 'model', created: deps.startedAt, owned_by: target.config.providerName });
}
