import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth.js';
import { type LiveGateway, startLiveGateway } from '../test-support/live-gateway.js';
import { type OwnRedis, ownRedis } from '../test-support/redis-server.js';
import { scrape } from '../test-support/scrape.js';

const { key, hash } = createApiKey();
let sim: OllamaSimulator;
let redis: OwnRedis;
let closed: LiveGateway;
let open: LiveGateway;

function yaml(onStoreError: string): string {
  return `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: ${sim.url}
auth:
  keys:
    - id: team
      hash: ${hash}
      limits:
        requests_per_minute: 1000
server:
  limits:
    store: redis
    redis_url: ${redis.url}
    on_store_error: ${onStoreError}
`;
}

beforeAll(async () => {
  sim = await startOllamaSimulator({ port: 0 });
  // A Redis of this test's own, on a spare port, so stopping it disturbs no other test.
  redis = await ownRedis();
  await redis.start();
  closed = await startLiveGateway(yaml('fail_closed'));
  open = await startLiveGateway(yaml('fail_open'));
});
afterAll(async () => {
  await closed?.close();
  await open?.close();
  await redis?.stop();
  await sim?.close();
});

const client = (gateway: LiveGateway) =>
  new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0, timeout: 15_000 });
const ask = (gateway: LiveGateway) =>
  client(gateway)
    .chat.completions.create({ model: 'llama', messages: [{ role: 'user', content: 'hi' }] })
    .withResponse();
const metricsOf = (gateway: LiveGateway) =>
  scrape(`${gateway.url}/metrics`, { authorization: `Bearer ${key}` });
const storeLog = (gateway: LiveGateway, pattern: RegExp) =>
  gateway.lines.filter((l) => pattern.test(l.msg ?? ''));

describe('a Redis outage', () => {
  it('fails closed or open as configured, and says so in the log and the metrics', async () => {
    sim.replyWith('ok');
    for (const gateway of [closed, open]) {
      const { response } = await ask(gateway);
      expect(response.headers.get('x-ratelimit-limit-requests')).toBe('1000');
      expect((await metricsOf(gateway)).value('keeptrusts_limits_store_up', { store: 'redis' })).toBe(1);
    }

    await redis.stop();

    const refused = await ask(closed).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.APIError);
    const error = refused as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(503);
    expect(error.code).toBe('limits_unavailable');
    expect(error.message).toMatch(/fails closed/);

    const served = await ask(open);
    expect(served.response.status).toBe(200);
    expect(served.response.headers.has('x-ratelimit-limit-requests')).toBe(false);
    await ask(open);

    const closedLines = storeLog(closed, /limits store unreachable/);
    expect(closedLines).toHaveLength(1);
    expect(closedLines[0]).toMatchObject({
      level: 'error',
      fields: { store: 'redis', on_store_error: 'fail_closed' },
    });
    const openLines = storeLog(open, /limits store unreachable/);
    expect(openLines).toHaveLength(1);
    expect(openLines[0]!.msg).toMatch(/served without limits/);
    expect(openLines[0]!.fields.on_store_error).toBe('fail_open');

    const closedMetrics = await metricsOf(closed);
    expect(closedMetrics.value('keeptrusts_limits_store_up', { store: 'redis' })).toBe(0);
    expect(closedMetrics.value('keeptrusts_limits_store_errors_total', { store: 'redis' })).toBeGreaterThan(
      0,
    );
    expect(
      closedMetrics.value('keeptrusts_requests_total', { status: '503', error_code: 'limits_unavailable' }),
    ).toBe(1);
    const openMetrics = await metricsOf(open);
    expect(openMetrics.value('keeptrusts_limits_fail_open_total', { store: 'redis' })).toBe(2);

    // Redis comes back on the same port; the gateways reconnect on their own.
    await redis.start();
    const deadline = Date.now() + 8_000;
    let back = false;
    while (!back && Date.now() < deadline) {
      back = await ask(closed).then(
        ({ response }) => response.headers.get('x-ratelimit-limit-requests') === '1000',
        () => false,
      );
      if (!back) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(back).toBe(true);
    expect(storeLog(closed, /limits store reachable again/)).toHaveLength(1);
    expect((await metricsOf(closed)).value('keeptrusts_limits_store_up', { store: 'redis' })).toBe(1);
  });
});
