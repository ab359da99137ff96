import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import type OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth.js';
import { type LiveGateway, startLiveGateway } from '../test-support/live-gateway.js';
import { parseScrape, type Scrape, scrape } from '../test-support/scrape.js';
import { endpointLabel } from './metrics.js';

const { key, hash } = createApiKey();
let sim: OllamaSimulator;
let live: LiveGateway;

beforeAll(async () => {
  sim = await startOllamaSimulator({ port: 0 });
  live = await startLiveGateway(
    `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: ${sim.url}
    - id: embed
      provider: ollama:embedding:nomic-embed-text
      base_url: ${sim.url}
auth:
  keys:
    - id: team-a
      hash: ${hash}
policies:
  - id: privacy
    rules:
      - type: pii_detection
        action: redact
        patterns: [email]
      - type: pii_detection
        action: block
        patterns: [passport_number]
  - audit-logger
policy:
  audit-logger:
    path: ./audit
`,
    { apiKey: key },
  );
});
afterAll(async () => {
  await live?.close();
  await sim?.close();
});

const metricsOf = (): Promise<Scrape> => scrape(`${live.url}/metrics`, { authorization: `Bearer ${key}` });
const chatLabels = { endpoint: '/v1/chat/completions', target: 'llama' };

describe('GET /metrics', () => {
  it('asks for an API key like /v1 does when keys are configured', async () => {
    const anonymous = await fetch(`${live.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as OpenAI.ErrorObject & { error: { code: string } }).error.code).toBe(
      'invalid_api_key',
    );
    const scraped = await fetch(`${live.url}/metrics`, { headers: { authorization: `Bearer ${key}` } });
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts answered requests with their tokens, by target, key and model', async () => {
    const before = await metricsOf();
    sim.replyWith('four words of answer');
    const answer = await live.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'hello there' }],
    });
    const after = await metricsOf();
    const delta = (name: string, labels: Record<string, string>) =>
      after.value(name, labels) - before.value(name, labels);
    expect(delta('keeptrusts_requests_total', { ...chatLabels, status: '200', error_code: '' })).toBe(1);
    expect(
      delta('keeptrusts_tokens_total', { target: 'llama', key_id: 'team-a', gen_ai_token_type: 'input' }),
    ).toBe(answer.usage!.prompt_tokens);
    expect(
      delta('keeptrusts_tokens_total', { target: 'llama', key_id: 'team-a', gen_ai_token_type: 'output' }),
    ).toBe(answer.usage!.completion_tokens);
    const genAi = { gen_ai_operation_name: 'chat', gen_ai_request_model: 'llama3.3', target: 'llama' };
    expect(
      after.count('gen_ai_client_token_usage', { ...genAi, gen_ai_token_type: 'output' }) -
        before.count('gen_ai_client_token_usage', { ...genAi, gen_ai_token_type: 'output' }),
    ).toBe(1);
    expect(
      after.sum('gen_ai_client_token_usage', { ...genAi, gen_ai_token_type: 'output' }) -
        before.sum('gen_ai_client_token_usage', { ...genAi, gen_ai_token_type: 'output' }),
    ).toBe(answer.usage!.completion_tokens);
    expect(
      after.count('gen_ai_client_operation_duration_seconds', { ...genAi, gen_ai_provider_name: 'ollama' }) -
        before.count('gen_ai_client_operation_duration_seconds', genAi),
    ).toBe(1);
    expect(after.count('keeptrusts_request_duration_seconds', chatLabels)).toBeGreaterThan(
      before.count('keeptrusts_request_duration_seconds', chatLabels),
    );
    const allowed = { rule_type: 'pii_detection', action: 'allow', stage: 'request' };
    expect(delta('keeptrusts_policy_decisions_total', allowed)).toBe(2);
  });

  it('observes time to first token and tokens of streamed answers', async () => {
    const before = await metricsOf();
    sim.replyWith('a streamed answer in six tokens');
    const stream = await live.client.chat.completions.create({
      model: 'llama',
      messages: [{ role: 'user', content: 'stream please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) usage = chunk.usage ?? usage;
    const after = await metricsOf();
    const ttft = { gen_ai_operation_name: 'chat', target: 'llama' };
    expect(
      after.count('gen_ai_server_time_to_first_token_seconds', ttft) -
        before.count('gen_ai_server_time_to_first_token_seconds', ttft),
    ).toBe(1);
    const out = { target: 'llama', key_id: 'team-a', gen_ai_token_type: 'output' };
    expect(after.value('keeptrusts_tokens_total', out) - before.value('keeptrusts_tokens_total', out)).toBe(
      usage!.completion_tokens,
    );
  });

  it('counts blocked prompts by error code and policy decisions by rule type and action', async () => {
    const before = await metricsOf();
    await expect(
      live.client.chat.completions.create({
        model: 'llama',
        messages: [{ role: 'user', content: 'My passport number is 533180911.' }],
      }),
    ).rejects.toThrow(/blocked/);
    sim.replyWith('noted');
    await live.client.chat.completions.create({
      model: 'llama',
      messages: [{ role: 'user', content: 'write to jane.doe@example.com' }],
    });
    const after = await metricsOf();
    const delta = (name: string, labels: Record<string, string>) =>
      after.value(name, labels) - before.value(name, labels);
    expect(
      delta('keeptrusts_requests_total', { ...chatLabels, status: '400', error_code: 'content_filter' }),
    ).toBe(1);
    const decision = { rule_type: 'pii_detection', stage: 'request' };
    expect(delta('keeptrusts_policy_decisions_total', { ...decision, action: 'block' })).toBe(1);
    expect(delta('keeptrusts_policy_decisions_total', { ...decision, action: 'modify' })).toBe(1);
  });

  it('labels upstream failures with their error type', async () => {
    const before = await metricsOf();
    sim.failNext({ status: 500, error: 'model crashed' });
    await expect(
      live.client.chat.completions.create({ model: 'llama', messages: [{ role: 'user', content: 'hi' }] }),
    ).rejects.toThrow();
    const after = await metricsOf();
    const failed = { target: 'llama', error_type: 'upstream_error' };
    expect(
      after.count('gen_ai_client_operation_duration_seconds', failed) -
        before.count('gen_ai_client_operation_duration_seconds', failed),
    ).toBe(1);
    const labels = { ...chatLabels, status: '502', error_code: 'upstream_error' };
    expect(
      after.value('keeptrusts_requests_total', labels) - before.value('keeptrusts_requests_total', labels),
    ).toBe(1);
  });

  it('shows requests and upstream calls in flight while a stream is open', async () => {
    sim.setTokenDelay(40);
    sim.replyWith('one two three four five six seven eight nine ten');
    try {
      const stream = await live.client.chat.completions.create({
        model: 'llama',
        messages: [{ role: 'user', content: 'slowly' }],
        stream: true,
      });
      const iterator = stream[Symbol.asyncIterator]();
      await iterator.next();
      const during = await metricsOf();
      // The scrape itself is a request in flight too.
      expect(during.value('keeptrusts_requests_in_flight')).toBeGreaterThanOrEqual(2);
      expect(during.value('keeptrusts_upstream_requests_in_flight', { target: 'llama' })).toBe(1);
      while (!(await iterator.next()).done) {
        // drain
      }
    } finally {
      sim.setTokenDelay(0);
    }
    const after = await metricsOf();
    expect(after.value('keeptrusts_upstream_requests_in_flight', { target: 'llama' })).toBe(0);
    expect(after.value('keeptrusts_requests_in_flight')).toBe(1);
  });

  it('reports target health, audit sink health and its queue', async () => {
    const scraped = await metricsOf();
    expect(scraped.value('keeptrusts_target_healthy', { target: 'llama' })).toBe(1);
    expect(scraped.value('keeptrusts_target_healthy', { target: 'embed' })).toBe(1);
    expect(scraped.value('keeptrusts_audit_sink_healthy', { sink: 'audit-logger' })).toBe(1);
    expect(scraped.labels('keeptrusts_audit_queue_records')).toEqual([{ sink: 'audit-logger' }]);
    expect(scraped.has('keeptrusts_audit_write_failures_total')).toBe(true);
    expect(scraped.has('process_cpu_seconds_total')).toBe(true);
  });

  it('never turns a client-chosen path or model into a label, nor shows a key', async () => {
    const secretPath = '/v1/users/jane.doe@example.com';
    await fetch(`${live.url}${secretPath}`, { headers: { authorization: `Bearer ${key}` } });
    await expect(
      live.client.chat.completions.create({
        model: 'no-such-model-x9',
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toThrow();
    const text = await (
      await fetch(`${live.url}/metrics`, { headers: { authorization: `Bearer ${key}` } })
    ).text();
    expect(text).not.toContain('jane.doe');
    expect(text).not.toContain('no-such-model-x9');
    expect(text).not.toContain(key);
    expect(text).not.toContain(hash.slice('sha256:'.length));
    expect(
      parseScrape(text).value('keeptrusts_requests_total', { endpoint: 'other', status: '404' }),
    ).toBeGreaterThan(0);
  });
});

describe('endpointLabel', () => {
  it.each([
    ['/v1/chat/completions', '/v1/chat/completions'],
    ['/v1/models/llama3.3', '/v1/models/{id}'],
    ['/admin', 'other'],
    ['/metrics', '/metrics'],
  ])('labels %s as %s', (path, label) => {
    expect(endpointLabel(path)).toBe(label);
  });
});
