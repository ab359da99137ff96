import { loadConfigTexts } from '@keeptrusts/core/config';
import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from '../builtin-plugins.js';
import { createGateway, type Gateway } from '../gateway.js';

let sim: OllamaSimulator;
let gateway: Gateway;
beforeAll(async () => {
  sim = await startOllamaSimulator({ port: 0 });
  const registry = createBuiltinRegistry();
  const text = `providers:\n  targets:\n    - id: llama\n      provider: ollama:chat:llama3.3\n      base_url: ${sim.url}\n`;
  const loaded = await loadConfigTexts([{ file: 'test.yaml', text }], { registry });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  gateway = await createGateway({ config: loaded.config, registry });
});
afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

describe('GET /v1/models/{id}', () => {
  it.each([
    { path: '/v1/models/llama', status: 200, id: 'llama' },
    { path: '/v1/models/ollama%3Achat%3Allama3.3', status: 200, id: 'ollama:chat:llama3.3' },
    { path: '/v1/models/llama3%2E3', status: 200, id: 'llama3.3' },
  ])('decodes $path once', async ({ path, status, id }) => {
    const response = await gateway.app.request(path);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { id: string }).id).toBe(id);
  });

  it.each([
    { path: '/v1/models/%', status: 400, code: 'invalid_request_error' },
    { path: '/v1/models/%C0%AF', status: 400, code: 'invalid_request_error' },
    { path: '/v1/models/%ED%A0%80', status: 400, code: 'invalid_request_error' },
    { path: '/v1/models/a%G1', status: 400, code: 'invalid_request_error' },
    { path: '/v1/models/%E2%82', status: 400, code: 'invalid_request_error' },
    { path: '/v1/models/%2541', status: 404, code: 'model_not_found' },
    { path: '/v1/models/no%20such', status: 404, code: 'model_not_found' },
  ])('answers $path with $status $code', async ({ path, status, code }) => {
    const response = await gateway.app.request(path);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error: { message: expect.any(String), type: expect.any(String), param: 'model', code },
    });
  });
});
