import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE } from '@keeptrusts/audit-logger';
import { type AuditRecord, defineAuditSink, definePlugin } from '@keeptrusts/core';
import { loadConfigTexts } from '@keeptrusts/core/config';
import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiKey } from './auth.js';
import { createBuiltinRegistry } from './builtin-plugins.js';
import { createGateway, type Logger } from './gateway.js';

// A sink whose health the test controls, standing in for a disk that fills up.
const sinkState = { healthy: true, records: [] as AuditRecord[] };
const testSink = definePlugin({
  name: 'test-sink',
  version: '1.0.0',
  sinks: [
    defineAuditSink({
      type: 'test-sink',
      configSchema: z.strictObject({ fail_closed: z.boolean() }),
      create: (config) => ({
        failClosed: config.fail_closed,
        append: (record) => {
          sinkState.records.push(structuredClone(record));
        },
        flush: async () => {},
        close: async () => {},
        healthy: () => sinkState.healthy,
      }),
    }),
    // A sink that tells the operator something, then cannot start.
    defineAuditSink({
      type: 'broken-sink',
      configSchema: z.strictObject({}),
      create: (_config, context) => {
        context.warn?.('found something odd');
        throw new Error('broken-sink cannot start');
      },
    }),
  ],
});

let sim: OllamaSimulator;
beforeAll(async () => {
  sim = await startOllamaSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
});

async function gatewayWith(extra: string, logger?: Logger) {
  const registry = createBuiltinRegistry();
  registry.register(testSink);
  const text = `providers:\n  targets:\n    - id: llama\n      provider: ollama:chat:llama3.3\n      base_url: ${sim.url}\n${extra}`;
  const loaded = await loadConfigTexts([{ file: 'test.yaml', text }], { registry });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return createGateway({ config: loaded.config, registry, ...(logger === undefined ? {} : { logger }) });
}

const chat = (headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ model: 'llama3.3', messages: [{ role: 'user', content: 'hi' }] }),
});

describe('createGateway', () => {
  it('logs what a sink reports, and closes the sinks it started when a later one cannot start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kt-gateway-'));
    const warnings: unknown[] = [];
    const logger = {
      info() {},
      error() {},
      warn: (obj: object, msg?: string) => warnings.push({ ...obj, msg }),
    };
    await expect(
      gatewayWith(
        `policies:\n  chain: [audit-logger, broken-sink]\npolicy:\n  audit-logger:\n    path: ${dir}\n`,
        logger,
      ),
    ).rejects.toThrow('broken-sink cannot start');
    expect(warnings).toEqual([{ sink: 'broken-sink', msg: 'found something odd' }]);
    // The audit-logger sink let go of its directory: another gateway may take it.
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });

  it('answers 503 audit_unavailable while a fail-closed sink cannot write, and readiness shows it', async () => {
    const gateway = await gatewayWith(
      'policies:\n  chain: [test-sink]\npolicy:\n  test-sink:\n    fail_closed: true\n',
    );
    sinkState.healthy = true;
    expect((await gateway.app.request('/v1/chat/completions', chat())).status).toBe(200);
    sinkState.healthy = false;
    const refused = await gateway.app.request('/v1/chat/completions', chat());
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: 'audit_unavailable' } });
    const ready = await gateway.app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'unavailable',
      audit: [{ sink: 'test-sink', healthy: false }],
    });
    sinkState.healthy = true;
    expect((await gateway.app.request('/v1/chat/completions', chat())).status).toBe(200);
    await gateway.close();
  });

  it('keeps serving while a fail-open sink cannot write', async () => {
    const gateway = await gatewayWith(
      'policies:\n  chain: [test-sink]\npolicy:\n  test-sink:\n    fail_closed: false\n',
    );
    sinkState.healthy = false;
    expect((await gateway.app.request('/v1/chat/completions', chat())).status).toBe(200);
    sinkState.healthy = true;
    await gateway.close();
  });

  it('requires a valid key when keys are configured, and records the key id, never the key', async () => {
    const { key, hash } = createApiKey();
    const gateway = await gatewayWith(
      `auth:\n  keys:\n    - id: ci\n      hash: ${hash}\npolicies:\n  chain: [test-sink]\npolicy:\n  test-sink:\n    fail_closed: false\n`,
    );
    sinkState.records = [];
    const missing = await gateway.app.request('/v1/chat/completions', chat());
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      error: { code: 'invalid_api_key', type: 'authentication_error' },
    });
    expect(
      (await gateway.app.request('/v1/chat/completions', chat({ authorization: 'Bearer kt-nope' }))).status,
    ).toBe(401);
    expect(
      (await gateway.app.request('/v1/chat/completions', chat({ authorization: `Bearer ${key}` }))).status,
    ).toBe(200);
    expect(sinkState.records.map((r) => [r.status, r.key_id])).toEqual([
      [401, null],
      [401, null],
      [200, 'ci'],
    ]);
    expect(JSON.stringify(sinkState.records)).not.toContain(key);
    await gateway.close();
  });

  it('answers 413 for a body over server.body_limit', async () => {
    const gateway = await gatewayWith('server:\n  body_limit: 1kb\n');
    const big = JSON.stringify({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'x'.repeat(2000) }],
    });
    const response = await gateway.app.request('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'request_too_large' } });
    await gateway.close();
  });

  it('answers unknown routes with 404 and wrong methods with 405, in OpenAI shape', async () => {
    const gateway = await gatewayWith('');
    const notFound = await gateway.app.request('/v2/chat');
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ error: { code: 'not_found' } });
    const wrongMethod = await gateway.app.request('/v1/chat/completions');
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
    await gateway.close();
  });
});

describe('createGateway with a previous gateway (reload)', () => {
  async function load(text: string) {
    const registry = createBuiltinRegistry();
    registry.register(testSink);
    const loaded = await loadConfigTexts([{ file: 'test.yaml', text }], { registry });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    return { config: loaded.config, registry };
  }
  const targets = (probe: string) =>
    `providers:\n  targets:\n    - id: kept\n      provider: ollama:chat:llama3.3\n      base_url: ${sim.url}\n      health_probe: true\n    - id: moved\n      provider: ollama:chat:phi4\n      base_url: ${probe}\n      health_probe: true\n`;
  const sink = 'policies:\n  chain: [test-sink]\npolicy:\n  test-sink:\n    fail_closed: false\n';

  it('keeps unchanged targets with their health and unchanged sinks, and builds the rest anew', async () => {
    const first = await gatewayWith('');
    const before = await createGateway({ ...(await load(`${targets(sim.url)}${sink}`)), previous: first });
    before.deps.pool.get('kept')!.healthy = false;
    const after = await createGateway({
      ...(await load(`# a comment moves every line\n${targets('http://127.0.0.1:9')}${sink}`)),
      previous: before,
    });
    expect(after.deps.pool.get('kept')).toBe(before.deps.pool.get('kept'));
    expect(after.deps.pool.get('kept')!.healthy).toBe(false);
    expect(after.deps.pool.get('moved')).not.toBe(before.deps.pool.get('moved'));
    expect(after.deps.sinks[0]).toBe(before.deps.sinks[0]);
    for (const gateway of [first, before]) gateway.stopProbes();
    await after.close();
  });
});
