import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth.js';
import { freePort } from '../src/test-support/redis-server.js';
import { scrape } from '../src/test-support/scrape.js';
import { readStream, type Stack, startStack } from './harness.js';

const { key, hash } = createApiKey();
const upstreamSecret = 'sk-upstream-0c8d2e9f-secret';
const prompt = 'My SSN is 234-56-7890 and the password is hunter2-PROMPT';
const answer = 'the confidential answer XYZZY-ANSWER';
let stack: Stack;
let metricsPort: number;

beforeAll(async () => {
  metricsPort = await freePort();
  stack = await startStack(
    `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: SIM_URL
      secret_key_ref:
        env: UPSTREAM_TOKEN
auth:
  keys:
    - id: ops-team
      hash: ${hash}
      limits:
        requests_per_minute: 100
policies:
  - id: privacy
    rules:
      - type: pii_detection
        action: redact
        patterns: [ssn]
server:
  metrics_listen: 127.0.0.1:${metricsPort}
`,
    { apiKey: key, env: { KT_LOG_LEVEL: 'info', UPSTREAM_TOKEN: upstreamSecret } },
  );
  stack.sim.requireToken(upstreamSecret);
});
afterAll(async () => {
  await stack?.stop();
});

/** The gateway's request lines on stderr, once `count` of them are there (pino writes asynchronously). */
async function requestLines(count: number): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const lines = stack
      .logs()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    if (lines.length >= count || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('operators’ view of kt gateway run', () => {
  it('logs one JSON line per request with ids, outcome, durations and tokens, never text or secrets', async () => {
    stack.sim.replyWith(answer);
    const chat = await stack.client.chat.completions.create({
      model: 'llama',
      messages: [{ role: 'user', content: prompt }],
      user: 'someone@example.com',
    });
    const stream = await stack.client.chat.completions.create({
      model: 'llama',
      messages: [{ role: 'user', content: prompt }],
      stream: true,
    });
    expect((await readStream(stream)).text).toBe(answer);
    stack.sim.failNext({ status: 500, error: 'model runner crashed' });
    await expect(
      stack.client.chat.completions.create({ model: 'llama', messages: [{ role: 'user', content: 'hi' }] }),
    ).rejects.toThrow();

    const lines = await requestLines(3);
    expect(lines).toHaveLength(3);
    const [plain, streamed, failed] = lines as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    expect(plain).toMatchObject({
      level: 30,
      method: 'POST',
      endpoint: '/v1/chat/completions',
      key_id: 'ops-team',
      target: 'llama',
      model: 'llama',
      stream: false,
      status: 200,
      error_code: null,
      finish_reason: 'stop',
      tokens_in: chat.usage!.prompt_tokens,
      tokens_out: chat.usage!.completion_tokens,
      decisions: { pii_detection: 'modify' },
    });
    expect(plain.request_id).toBe(chat._request_id);
    for (const field of ['duration_ms', 'upstream_ms', 'ttft_ms']) expect(plain[field]).toBeTypeOf('number');
    expect(plain.upstream_ms as number).toBeLessThanOrEqual(plain.duration_ms as number);
    expect(streamed).toMatchObject({ stream: true, status: 200, finish_reason: 'stop' });
    expect(streamed.ttft_ms).toBeTypeOf('number');
    expect(failed).toMatchObject({ level: 40, status: 502, error_code: 'upstream_error', target: 'llama' });
    expect(failed.upstream_ms).toBeTypeOf('number');

    const logs = stack.logs();
    for (const secret of [
      key,
      upstreamSecret,
      hash.slice(7),
      '234-56-7890',
      'hunter2',
      'XYZZY',
      'someone@',
    ]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('serves /metrics without a key on server.metrics_listen, and with one on the main listener', async () => {
    expect(stack.stdout()).toContain(
      `metrics at http://127.0.0.1:${metricsPort}/metrics (server.metrics_listen)`,
    );
    const metrics = await scrape(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(
      metrics.value('keeptrusts_requests_total', {
        endpoint: '/v1/chat/completions',
        target: 'llama',
        status: '200',
      }),
    ).toBe(2);
    expect(
      metrics.value('keeptrusts_policy_decisions_total', { rule_type: 'pii_detection', action: 'modify' }),
    ).toBe(2);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/v1/models`)).status).toBe(404);
    expect((await fetch(`${stack.url}/metrics`)).status).toBe(401);
    const main = await scrape(`${stack.url}/metrics`, { authorization: `Bearer ${key}` });
    expect(main.value('keeptrusts_requests_total', { status: '502', error_code: 'upstream_error' })).toBe(1);
    // The scrape of the separate listener is no request of the gateway's.
    expect(main.value('keeptrusts_requests_total', { endpoint: '/metrics', status: '200' })).toBe(0);
  });

  it('answers with OpenAI’s rate-limit headers for a key with limits', async () => {
    stack.sim.replyWith('ok');
    const { response } = await stack.client.chat.completions
      .create({ model: 'llama', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('100');
    expect(Number(response.headers.get('x-ratelimit-remaining-requests'))).toBe(96);
    const models = await new OpenAI({ baseURL: `${stack.url}/v1`, apiKey: key }).models.list().withResponse();
    expect(models.response.headers.has('x-ratelimit-limit-requests')).toBe(false);
  });
});
