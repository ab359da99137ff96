import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Stack, seedTargets, startStack } from './harness.js';

let sim: OllamaSimulator;
let buffered: Stack;
let incremental: Stack;

beforeAll(async () => {
  sim = await startOllamaSimulator({ port: 0 });
  buffered = await startStack(seedTargets, { sim });
  incremental = await startStack(`${seedTargets}server:\n  streaming:\n    policy_mode: incremental\n`, {
    sim,
  });
});
afterAll(async () => {
  await buffered?.stop();
  await incremental?.stop();
  await sim?.close();
});
beforeEach(() => {
  sim.reset();
  sim.clearRequests();
  sim.setTokenDelay(30);
  sim.replyWith('word '.repeat(400));
});

async function abortedUpstream(): Promise<string[]> {
  // The gateway aborts its upstream call at once; give the simulator's socket a bounded moment to see it.
  for (let i = 0; i < 100 && sim.abortedRequests.length === 0; i++)
    await new Promise((r) => setTimeout(r, 20));
  return sim.abortedRequests.map((r) => r.path);
}

describe('a client that goes away', () => {
  it('aborts the upstream stream mid-answer (incremental mode)', async () => {
    const controller = new AbortController();
    const stream = await incremental.client.chat.completions.create(
      { model: 'llama3.3', messages: [{ role: 'user', content: 'talk' }], stream: true },
      { signal: controller.signal },
    );
    let chunks = 0;
    const reading = (async () => {
      for await (const _ of stream) if (++chunks === 3) controller.abort();
    })();
    // The SDK may end the iteration quietly or throw an abort error; either way the client left.
    await reading.catch(() => undefined);
    expect(chunks).toBeGreaterThanOrEqual(3);
    expect(await abortedUpstream()).toEqual(['/api/chat']);
  });

  it('aborts the upstream call while the gateway buffers the answer (buffered mode)', async () => {
    const controller = new AbortController();
    const request = buffered.client.chat.completions.create(
      { model: 'llama3.3', messages: [{ role: 'user', content: 'talk' }], stream: true },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 200);
    await expect(request).rejects.toThrow();
    expect(await abortedUpstream()).toEqual(['/api/chat']);
  });
});
