import { startOllamaSimulator } from '@keeptrusts/testkit';
import type OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth.js';
import { REDIS_URL, requireRedis, uniquePrefix } from '../src/test-support/redis-server.js';
import { type Stack, startStack } from './harness.js';

const { key, hash } = createApiKey();
const stacks: Stack[] = [];

beforeAll(async () => {
  await requireRedis();
  const sim = await startOllamaSimulator({ port: 0 });
  const config = `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: SIM_URL
auth:
  keys:
    - id: shared
      hash: ${hash}
      limits:
        requests_per_minute: 5
server:
  limits:
    store: redis
    redis_url: ${REDIS_URL}
    key_prefix: "${uniquePrefix('e2e')}"
`;
  stacks.push(await startStack(config, { apiKey: key, sim }));
  stacks.push(await startStack(config, { apiKey: key, sim }));
  // Two processes start one after the other; a loaded machine takes its time.
}, 30_000);
afterAll(async () => {
  for (const stack of stacks) await stack.stop();
  await stacks[0]?.sim.close();
});

describe('two kt gateway run processes on one Redis', () => {
  it('give a key exactly its requests per minute, whichever gateway each request reaches', async () => {
    stacks[0]!.sim.replyWith('ok');
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        stacks[i % 2]!.client.chat.completions.create({
          model: 'llama',
          messages: [{ role: 'user', content: `hi ${i}` }],
        }).then(
          () => 200,
          (error: unknown) => (error as InstanceType<typeof OpenAI.APIError>).status,
        ),
      ),
    );
    expect(outcomes.filter((s) => s === 200)).toHaveLength(5);
    expect(outcomes.filter((s) => s === 429)).toHaveLength(7);
  });
});
