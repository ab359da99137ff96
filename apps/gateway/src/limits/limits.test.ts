import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth.js';
import { type LiveGateway, startLiveGateway } from '../test-support/live-gateway.js';
import { REDIS_URL, requireRedis, uniquePrefix } from '../test-support/redis-server.js';
import { scrape } from '../test-support/scrape.js';

const fast = createApiKey();
const thrifty = createApiKey();
const single = createApiKey();
const plain = createApiKey();

let sim: OllamaSimulator;
beforeAll(async () => {
  await requireRedis();
  sim = await startOllamaSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
});

/** The limits config every test here uses, with the store block given. */
function limitsYaml(store: string): string {
  return `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: ${sim.url}
auth:
  default_limits:
    requests_per_minute: 2
  keys:
    - id: fast
      hash: ${fast.hash}
      limits:
        requests_per_minute: 3
    - id: thrifty
      hash: ${thrifty.hash}
      limits:
        tokens_per_minute: 20
    - id: single
      hash: ${single.hash}
      limits:
        concurrent_requests: 1
    - id: plain
      hash: ${plain.hash}
${store}`;
}

const sdk = (gateway: LiveGateway, key: string) =>
  new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0, timeout: 15_000 });

const ask = (client: OpenAI) =>
  client.chat.completions
    .create({ model: 'llama', messages: [{ role: 'user', content: 'hi' }] })
    .withResponse();

/** The error the SDK raised for a refused request, with its status, headers and OpenAI fields. */
async function refusal(client: OpenAI): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await ask(client);
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error('the request was not refused');
}

const stores = [
  { name: 'memory', yaml: () => '' },
  {
    name: 'redis',
    yaml: () =>
      `server:\n  limits:\n    store: redis\n    redis_url: ${REDIS_URL}\n    key_prefix: "${uniquePrefix('http')}"\n`,
  },
];

describe.each(stores)('per-key limits with the $name store', ({ yaml }) => {
  let gateway: LiveGateway;
  beforeAll(async () => {
    gateway = await startLiveGateway(limitsYaml(yaml()));
  });
  afterAll(async () => {
    await gateway?.close();
  });
  afterEach(() => {
    sim.setTokenDelay(0);
  });

  it('answers a key’s requests per minute with OpenAI’s headers, then 429 with Retry-After', async () => {
    sim.replyWith('ok');
    const client = sdk(gateway, fast.key);
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const { response } = await ask(client);
      expect(response.headers.get('x-ratelimit-limit-requests')).toBe('3');
      expect(response.headers.get('x-ratelimit-reset-requests')).toMatch(/^(59(\.\d+)?s|1m0s)$/);
      remaining.push(response.headers.get('x-ratelimit-remaining-requests'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const error = await refusal(client);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.status).toBe(429);
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.type).toBe('requests');
    expect(error.message).toMatch(/API key "fast" on requests per minute: limit 3/);
    expect(Number(error.headers?.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(error.headers?.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(error.headers?.get('x-request-id')).toMatch(/^req_/);
    // Other keys keep their own budgets.
    await expect(ask(sdk(gateway, single.key))).resolves.toBeDefined();
  });

  it('refuses a key whose tokens of the minute are spent, counting what the upstream reported', async () => {
    sim.replyWith('one two three four five six seven eight nine ten eleven twelve thirteen');
    const client = sdk(gateway, thrifty.key);
    const first = await ask(client);
    expect(first.response.headers.get('x-ratelimit-limit-tokens')).toBe('20');
    expect(first.response.headers.get('x-ratelimit-remaining-tokens')).toBe('20');
    expect(first.response.headers.has('x-ratelimit-limit-requests')).toBe(false);
    expect(first.data.usage!.total_tokens).toBeGreaterThanOrEqual(20);
    const error = await refusal(client);
    expect(error.status).toBe(429);
    expect(error.type).toBe('tokens');
    expect(error.headers?.get('x-ratelimit-remaining-tokens')).toBe('0');
    expect(error.headers?.get('x-ratelimit-reset-tokens')).toMatch(/s$/);
  });

  it('holds one slot per request in flight, streams until their end', async () => {
    sim.setTokenDelay(30);
    sim.replyWith('a slow streamed answer of several tokens');
    const client = sdk(gateway, single.key);
    const { data: stream, response } = await client.chat.completions
      .create({
        model: 'llama',
        messages: [{ role: 'user', content: 'stream' }],
        stream: true,
      })
      .withResponse();
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // A concurrency limit alone has no OpenAI header; the request id is still there.
    expect(response.headers.has('x-ratelimit-limit-requests')).toBe(false);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const error = await refusal(client);
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/concurrent requests: limit 1/);
    expect(error.headers?.get('retry-after')).toBe('1');
    while (!(await iterator.next()).done) {
      // read the stream to its end
    }
    sim.setTokenDelay(0);
    // The slot is freed as the stream's record is written, which a Redis round trip may trail
    // by a moment; it must be free within a second.
    const deadline = Date.now() + 1000;
    let admitted = false;
    while (!admitted && Date.now() < deadline) {
      admitted = await ask(client).then(
        () => true,
        () => false,
      );
    }
    expect(admitted).toBe(true);
  });

  it('applies auth.default_limits to a key without limits of its own, streams included', async () => {
    sim.replyWith('ok');
    const client = sdk(gateway, plain.key);
    const { response } = await client.chat.completions
      .create({ model: 'llama', messages: [{ role: 'user', content: 'hi' }], stream: true })
      .withResponse();
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    await response.text();
    await ask(client);
    const error = await refusal(client);
    expect(error.headers?.get('x-ratelimit-limit-requests')).toBe('2');
    expect(error.message).toMatch(/API key "plain"/);
    const metrics = await scrape(`${gateway.url}/metrics`, { authorization: `Bearer ${plain.key}` });
    expect(metrics.value('keeptrusts_rate_limited_total', { key_id: 'plain', limit: 'requests' })).toBe(1);
    expect(
      metrics.value('keeptrusts_requests_total', { status: '429', error_code: 'rate_limit_exceeded' }),
    ).toBe(4);
  });

  it('does not limit /v1/models', async () => {
    const client = sdk(gateway, plain.key);
    for (let i = 0; i < 4; i++) expect((await client.models.list()).data.length).toBeGreaterThan(0);
  });
});

describe('two gateways on one Redis', () => {
  it('share one budget per key', async () => {
    const store = `server:\n  limits:\n    store: redis\n    redis_url: ${REDIS_URL}\n    key_prefix: "${uniquePrefix('shared')}"\n`;
    const a = await startLiveGateway(limitsYaml(store));
    const b = await startLiveGateway(limitsYaml(store));
    try {
      sim.replyWith('ok');
      const clients = [sdk(a, fast.key), sdk(b, fast.key)];
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        try {
          const { response } = await ask(clients[i % 2]!);
          statuses.push(response.status);
        } catch (error) {
          statuses.push((error as InstanceType<typeof OpenAI.APIError>).status!);
        }
      }
      // `fast` may make 3 requests a minute, whichever gateway they reach.
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
