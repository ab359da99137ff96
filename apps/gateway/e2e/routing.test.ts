import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import OpenAI, { type APIError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

const seeds = join(import.meta.dirname, '../../../examples/seed-configs');
let stack: Stack;

beforeAll(async () => {
  // The seed files as they stand, but for the Ollama address: the simulator's.
  const seed = async (name: string) =>
    (await readFile(join(seeds, name), 'utf8')).replaceAll('http://localhost:11434', 'SIM_URL');
  const probed = `providers:
  targets:
    - id: dead
      provider: ollama:completion:mistral:7b
      base_url: http://127.0.0.1:9
      health_probe: true
    - id: alive
      provider: ollama:completion:mistral:7b
      base_url: SIM_URL
      health_probe: true
      weight: 3
    - id: dead-too
      provider: ollama:completion:gemma2:9b
      base_url: http://127.0.0.1:9
      health_probe: true
routing:
  rules:
    - match:
        metadata:
          pool: batch
      target: [dead, alive]
    - match:
        metadata:
          pool: broken
      target: dead-too
`;
  stack = await startStack(await seed('policy-config.yaml'), {
    configs: { 'routing-by-metadata.yaml': await seed('routing-by-metadata.yaml'), 'probed.yaml': probed },
  });
});
afterAll(async () => {
  await stack?.stop();
});
beforeEach(() => {
  stack.sim.reset();
  stack.sim.clearRequests();
});

const modelSent = () => (stack.sim.requests.at(-1)?.body as { model?: string } | undefined)?.model;

describe('routing by request metadata (the seed routing-by-metadata.yaml)', () => {
  it('routes latency_class=low to ollama-phi4, from the body metadata or a header', async () => {
    await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'hi' }],
      metadata: { latency_class: 'low' },
    });
    expect(modelSent()).toBe('phi4');
    await stack.client.chat.completions.create(
      { model: 'llama3.3', messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'X-Keeptrusts-Metadata-latency_class': 'low' } },
    );
    expect(modelSent()).toBe('phi4');
  });

  it('sends a model that names nothing to the default route', async () => {
    await stack.client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(modelSent()).toBe('llama3.3');
  });

  it('routes task_type=embedding embeddings to ollama-embed, and refuses a chat sent there', async () => {
    await stack.client.embeddings.create(
      { model: 'text-embedding-3-small', input: 'x' },
      { headers: { 'X-Keeptrusts-Metadata-task_type': 'embedding' } },
    );
    expect(modelSent()).toBe('nomic-embed-text');
    const error = await stack.client.chat.completions
      .create({
        model: 'llama3.3',
        messages: [{ role: 'user', content: 'hi' }],
        metadata: { task_type: 'embedding' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as APIError).param).toBe('metadata');
  });
});

describe('health probes and weighted choice', () => {
  it('routes around a target whose health probe fails', async () => {
    for (let i = 0; i < 6; i++) {
      const response = await stack.client.completions.create(
        { model: 'mistral:7b', prompt: 'hi' },
        { headers: { 'X-Keeptrusts-Metadata-pool': 'batch' } },
      );
      expect(response.choices[0]?.text).toBeTruthy();
    }
    expect(stack.sim.requests).toHaveLength(6);
  });

  it('answers 503 no_healthy_target when every candidate is down', async () => {
    // The probes run at start; wait (bounded) until readiness reports the result.
    for (let i = 0; i < 50; i++) {
      const ready = (await (await fetch(`${stack.url}/readyz`)).json()) as {
        targets: { id: string; healthy: boolean }[];
      };
      if (ready.targets.find((t) => t.id === 'dead-too')?.healthy === false) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const error = await stack.client.completions
      .create({ model: 'gemma2:9b', prompt: 'hi' }, { headers: { 'X-Keeptrusts-Metadata-pool': 'broken' } })
      .catch((e: unknown) => e);
    expect((error as APIError).status).toBe(503);
    expect((error as APIError).code).toBe('no_healthy_target');
  });
});
