import { type EmbeddingRequest, embeddingListBody, embeddingRequestSchema } from '@keeptrusts/core/wire';
import type { Context } from 'hono';
import type { AuditTrail } from '../audit-trail.js';
import type { GatewayDeps } from '../deps.js';
import { route, withFailover } from '../pipeline.js';
import { parseBody } from '../request-body.js';

/** `POST /v1/embeddings`. */
export async function embeddings(c: Context, deps: GatewayDeps, trail: AuditTrail): Promise<Response> {
  const body = parseBody<EmbeddingRequest>(embeddingRequestSchema, await c.req.text());
  const routed = route('embedding', body, c.req.raw.headers, { ...deps, trail });
  const callDeps = { ...deps, trail, signal: c.req.raw.signal };
  const { result } = await withFailover('embedding', body, routed, callDeps, ({ target, body, signal }) =>
    target.provider.embedding(body, { signal, model: target.config.model }),
  );
  trail.firstByte();
  trail.record.usage = {
    prompt_tokens: result.promptTokens,
    completion_tokens: 0,
    total_tokens: result.promptTokens,
  };
  return c.json(embeddingListBody(result, { model: body.model, encodingFormat: body.encoding_format }));
}
