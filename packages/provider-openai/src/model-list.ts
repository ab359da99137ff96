import { GatewayError, type ModelInfo } from '@keeptrusts/core';

// `GET /models`: `{"object": "list", "data": [{"id", "created", "owned_by"}]}`. LM Studio leaves
// out `created`; llama.cpp lists its one model (its file name or `--alias`) with extra `meta`.

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The models a `/models` answer lists. */
export function modelsOf(value: unknown, place: string): ModelInfo[] {
  const data = isObject(value) && Array.isArray(value.data) ? value.data : undefined;
  if (data === undefined) throw new GatewayError('upstream_error', `${place} sent a model list without data`);
  return data
    .filter((m): m is Json => isObject(m) && typeof m.id === 'string')
    .map((m) => ({
      id: m.id as string,
      created: typeof m.created === 'number' ? m.created : 0,
      ownedBy: typeof m.owned_by === 'string' ? m.owned_by : '',
    }));
}
