import type { ModelInfo } from '@keeptrusts/core';
import { ollamaTagsResponse, parseOllama } from './ollama-wire.js';

/**
 * Who "owns" a model, as Ollama's `/v1/models` reports it: the namespace of
 * `[host/][namespace/]model[:tag]`, `library` for official models.
 */
function ownerOf(name: string): string {
  const parts = name.split('/');
  return parts.length >= 2 ? (parts.at(-2) ?? 'library') : 'library';
}

/** Maps `GET /api/tags` to the models the server has installed, newest first as Ollama sorts them. */
export function modelsFromOllama(body: unknown): ModelInfo[] {
  const answer = parseOllama(ollamaTagsResponse, body, '/api/tags');
  const models: ModelInfo[] = [];
  for (const entry of answer.models ?? []) {
    const id = entry.name ?? entry.model;
    if (id === undefined || id === '') continue;
    const modified = entry.modified_at === undefined ? Number.NaN : Date.parse(entry.modified_at);
    models.push({
      id,
      created: Number.isNaN(modified) ? 0 : Math.floor(modified / 1000),
      ownedBy: ownerOf(id),
    });
  }
  return models;
}
