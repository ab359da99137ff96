import { request } from 'node:http';
import { join } from 'node:path';
import { readAuditRecords } from '@keeptrusts/audit-logger';
import { startOllamaSimulator } from '@keeptrusts/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth.js';
import { type Stack, startStack } from './harness.js';

// One request must not take targets down: what the gateway cannot handle is the client's 400,
// never a failure of the upstream that health checks would count.
const config = `providers:
  targets:
    - id: probed
      provider: ollama:chat:llama3.3
      base_url: SIM_URL
      health_probe: true
    - id: unreachable
      provider: ollama:chat:phi4
      base_url: http://127.0.0.1:9
`;
const audit =
  'policies:\n  - audit-logger\npolicy:\n  audit-logger:\n    log_all_access: true\n    fsync: always\n    path: ./audit\n';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(config, { configs: { 'audit.yaml': audit } });
});
afterAll(async () => {
  await stack?.stop();
});

/** JSON text of a schema nested `depth` objects deep (built as text: JSON.stringify would overflow). */
function deepSchema(depth: number): string {
  return `${'{"type":"object","properties":{"x":'.repeat(depth)}{"type":"string"}${'}}'.repeat(depth)}`;
}

const bodyWith = (extra: string) =>
  `{"model":"llama3.3","messages":[{"role":"user","content":"hi"}],${extra}}`;

describe('a body nested 10,000 deep', () => {
  it.each([
    {
      name: 'in tools[].function.parameters',
      extra: `"tools":[{"type":"function","function":{"name":"f","parameters":${deepSchema(5_000)}}}]`,
    },
    {
      name: 'in response_format.json_schema.schema',
      extra: `"response_format":{"type":"json_schema","json_schema":{"name":"s","schema":${deepSchema(5_000)}}}`,
    },
  ])('is refused with 400 $name, and the target stays healthy and serving', async ({ extra }) => {
    const response = await fetch(`${stack.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodyWith(extra),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_request_error');
    expect(error.message).toMatch(/nests objects and arrays more than 128 deep/);
    expect(stack.sim.requests.filter((r) => r.path === '/api/chat')).toEqual([]);

    const ready = (await (await fetch(`${stack.url}/readyz`)).json()) as { targets: { healthy: boolean }[] };
    expect(ready.targets).toContainEqual(expect.objectContaining({ id: 'probed', healthy: true }));
    stack.sim.replyWith('still here');
    const answer = await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(answer.choices[0]?.message.content).toBe('still here');
    stack.sim.clearRequests();
  });
});

/** A raw HTTP/1.1 request, so Host and Origin can be anything a browser could make them. */
function raw(
  url: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/v1/chat/completions',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const chatBody = JSON.stringify({ model: 'llama3.3', messages: [{ role: 'user', content: 'hi' }] });

describe('browsers and a gateway without keys', () => {
  it.each([
    { name: 'text/plain (a simple cross-origin POST)', type: 'text/plain' },
    { name: 'a form body', type: 'application/x-www-form-urlencoded' },
    { name: 'multipart', type: 'multipart/form-data; boundary=x' },
    { name: 'no content type', type: undefined },
  ])('refuses $name with 415 in OpenAI shape, before the upstream', async ({ type }) => {
    stack.sim.clearRequests();
    const answer = await raw(stack.url, {
      headers: type === undefined ? {} : { 'content-type': type },
      body: chatBody,
    });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: 'unsupported_media_type', type: 'invalid_request_error' },
    });
    expect(stack.sim.requests.filter((r) => r.path === '/api/chat')).toEqual([]);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin with 403, and answers its own names', async () => {
    const json = { 'content-type': 'application/json' };
    const port = new URL(stack.url).port;
    const rebound = await raw(stack.url, {
      headers: { ...json, host: `evil.example:${port}` },
      body: chatBody,
    });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({
      error: { code: 'host_not_allowed', type: 'permission_error' },
    });
    const models = await raw(stack.url, {
      method: 'GET',
      path: '/v1/models',
      headers: { host: `evil.example:${port}` },
    });
    expect(models.status).toBe(403);

    const page = await raw(stack.url, {
      headers: { ...json, host: `localhost:${port}`, origin: 'https://evil.example' },
      body: chatBody,
    });
    expect(page.status).toBe(403);
    expect(JSON.parse(page.body).error.message).toMatch(/requests from web pages at https:\/\/evil\.example/);

    stack.sim.replyWith('ok');
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      const fine = await raw(stack.url, { headers: { ...json, host }, body: chatBody });
      expect(fine.status, fine.body).toBe(200);
    }
    // Health probes of balancers use whatever address they see.
    const health = await raw(stack.url, {
      method: 'GET',
      path: '/healthz',
      headers: { host: `10.0.0.7:${port}` },
    });
    expect(health.status).toBe(200);
  });

  it('grants no CORS preflight', async () => {
    const preflight = await raw(stack.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });

  it('answers the names in server.allowed_hosts, and any Host once API keys are set', async () => {
    const key = createApiKey();
    const named = await startStack(`${config}server:\n  allowed_hosts: [gateway.internal]\n`, {
      sim: stack.sim,
    });
    const keyed = await startStack(`${config}auth:\n  keys:\n    - id: k\n      hash: ${key.hash}\n`, {
      sim: stack.sim,
      apiKey: key.key,
    });
    try {
      stack.sim.replyWith('ok');
      const json = { 'content-type': 'application/json' };
      const byName = await raw(named.url, { headers: { ...json, host: 'gateway.internal' }, body: chatBody });
      expect(byName.status).toBe(200);
      const withKey = await raw(keyed.url, {
        headers: { ...json, host: 'anything.example', authorization: `Bearer ${key.key}` },
        body: chatBody,
      });
      expect(withKey.status).toBe(200);
    } finally {
      await named.stop();
      await keyed.stop();
    }
  });
});

describe('what clients send that must not reach the audit trail or come back', () => {
  async function records(): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    for await (const r of readAuditRecords(join(stack.dir, 'audit'))) out.push(r as Record<string, unknown>);
    return out;
  }

  it('replaces an X-Request-Id that is not an id, and keeps one that is', async () => {
    const free = await raw(stack.url, {
      method: 'GET',
      path: '/v1/models',
      headers: { 'x-request-id': 'call jane.doe@example.com at 555-0100' },
    });
    expect(free.headers['x-request-id']).toMatch(/^req_[0-9a-f-]{36}$/);
    const id = await raw(stack.url, {
      method: 'GET',
      path: '/v1/models',
      headers: { 'x-request-id': 'trace-42.a:b' },
    });
    expect(id.headers['x-request-id']).toBe('trace-42.a:b');
    expect(JSON.stringify(await records())).not.toContain('jane.doe@example.com');
  });

  it('records no model name that names nothing', async () => {
    const answer = await raw(stack.url, {
      headers: { 'content-type': 'application/json', 'x-request-id': 'unknown-model' },
      body: JSON.stringify({ model: 'jane.doe@example.com', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(answer.status).toBe(404);
    await expect
      .poll(async () => (await records()).find((r) => r.request_id === 'unknown-model'))
      .toMatchObject({
        model: null,
        error_code: 'model_not_found',
      });
  });

  it('names the target, not its upstream address, when the upstream cannot be reached', async () => {
    const answer = await raw(stack.url, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'phi4', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(answer.status).toBe(502);
    const { error } = JSON.parse(answer.body) as { error: { message: string } };
    expect(error.message).toContain('target "unreachable"');
    expect(error.message).not.toContain('127.0.0.1:9');
    // The operator's log keeps it.
    await expect.poll(() => stack.logs()).toContain('127.0.0.1:9');
  });
});

describe('smaller things', () => {
  it('says connection: close with a 413, whose body it will not read', async () => {
    const big = JSON.stringify({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'x'.repeat(1_100_000) }],
    });
    const answer = await raw(stack.url, {
      headers: { 'content-type': 'application/json', connection: 'keep-alive' },
      body: big,
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'request_too_large' } });
  });

  it('audits a 404 outside /v1 under log_all_access', async () => {
    const answer = await raw(stack.url, {
      method: 'GET',
      path: '/nowhere',
      headers: { 'x-request-id': 'outside-v1' },
    });
    expect(answer.status).toBe(404);
    const found = async () => {
      for await (const r of readAuditRecords(join(stack.dir, 'audit'))) {
        if ((r as { request_id?: string }).request_id === 'outside-v1') return r;
      }
      return undefined;
    };
    await expect.poll(found).toMatchObject({ status: 404, error_code: 'not_found', endpoint: '/nowhere' });
  });
});

describe('a stuck upstream', () => {
  const stuck = `providers:
  targets:
    - id: stuck
      provider: ollama:chat:qwen3:8b
      base_url: SIM_URL
      health_probe: true
      timeout_seconds: 1
`;

  it('leaves rotation at the first probe when GET / answers but inference hangs', async () => {
    const sim = await startOllamaSimulator({ port: 0 });
    sim.hangNext({ times: 1_000, path: '/api/generate' });
    const hung = await startStack(stuck, { sim });
    try {
      // The first probe round runs at start; its model check times out within 5 s.
      await expect
        .poll(
          async () =>
            ((await (await fetch(`${hung.url}/readyz`)).json()) as { targets: { healthy: boolean }[] })
              .targets[0]?.healthy,
          {
            timeout: 8_000,
          },
        )
        .toBe(false);
      const answer = await raw(hung.url, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'qwen3:8b', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'no_healthy_target' } });
    } finally {
      await hung.stop();
      await sim.close();
    }
  });

  it('leaves rotation when a request gets no first byte in time (a passive failure)', async () => {
    const sim = await startOllamaSimulator({ port: 0 });
    const slow = await startStack(stuck, { sim });
    try {
      const ready = async () =>
        ((await (await fetch(`${slow.url}/readyz`)).json()) as { targets: { healthy: boolean }[] }).targets[0]
          ?.healthy;
      await expect.poll(ready).toBe(true);
      sim.hangNext({ path: '/api/chat' });
      const timedOut = await raw(slow.url, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'qwen3:8b', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(timedOut.status).toBe(504);
      expect(await ready()).toBe(false);
    } finally {
      await slow.stop();
      await sim.close();
    }
  });
});
