import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConfigIssue } from '../errors.js';
import { createRegistry } from '../plugin/registry.js';
import { loadConfig } from './load.js';

// The operators' settings of #13: per-key limits, their store and the metrics listener.

async function load(texts: string[], env: Record<string, string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'kt-ops-'));
  const paths = await Promise.all(
    texts.map(async (text, i) => {
      const file = join(dir, `c${i}.yaml`);
      await writeFile(file, text);
      return file;
    }),
  );
  return loadConfig(paths, { registry: createRegistry(), env: (n) => env[n] });
}

async function problems(texts: string[]) {
  const result = await load(texts);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.issues.map((i) => formatConfigIssue({ ...i, file: i.file?.replace(/^.*\//, '') }));
}

const hash = `sha256:${'a'.repeat(64)}`;

describe('operators’ settings', () => {
  it('reads per-key limits, the default limits and the limits store', async () => {
    const result = await load(
      [
        `auth:
  default_limits:
    requests_per_minute: 60
  keys:
    - id: team-a
      hash: ${hash}
      limits:
        tokens_per_minute: 50000
        concurrent_requests: 4
    - id: team-b
      hash: sha256:${'b'.repeat(64)}
server:
  metrics_listen: 127.0.0.1:9464
`,
        'server:\n  limits:\n    store: redis\n    redis_url: ${REDIS_URL}\n    on_store_error: fail_open\n',
      ],
      { REDIS_URL: 'redis://:pw@127.0.0.1:6379/2' },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { auth, server } = result.config;
    expect(auth.defaultLimits).toEqual({
      requestsPerMinute: 60,
      tokensPerMinute: undefined,
      concurrentRequests: undefined,
    });
    expect(auth.keys.map((k) => k.limits)).toEqual([
      { requestsPerMinute: undefined, tokensPerMinute: 50000, concurrentRequests: 4 },
      undefined,
    ]);
    expect(server.metricsListen).toBe('127.0.0.1:9464');
    expect(server.limits).toEqual({
      store: 'redis',
      redisUrl: 'redis://:pw@127.0.0.1:6379/2',
      keyPrefix: 'kt:limits:',
      onStoreError: 'fail_open',
      storeTimeoutMs: 250,
    });
  });

  it('keeps limits in memory and fails closed unless told otherwise', async () => {
    const result = await load(['server:\n  listen: 127.0.0.1:41002\n']);
    expect(result.ok && result.config.server.limits).toMatchObject({
      store: 'memory',
      onStoreError: 'fail_closed',
    });
    expect(result.ok && result.config.auth.defaultLimits).toBeUndefined();
  });

  it('reads the telemetry settings; traces are off without an endpoint', async () => {
    const on = await load(['telemetry:\n  otlp_endpoint: http://collector:4318\n  sample_ratio: 0.25\n']);
    expect(on.ok && on.config.telemetry).toEqual({
      otlpEndpoint: 'http://collector:4318',
      serviceName: 'keeptrusts-gateway',
      sampleRatio: 0.25,
    });
    const off = await load(['server:\n  listen: 127.0.0.1:41002\n']);
    expect(off.ok && off.config.telemetry.otlpEndpoint).toBeUndefined();
  });

  it.each([
    {
      name: 'a Redis store without its URL',
      yaml: 'server:\n  limits:\n    store: redis\n',
      issue:
        'c0.yaml:3:12 server.limits.store: store: redis needs server.limits.redis_url, such as redis://127.0.0.1:6379 (${REDIS_URL} reads it from the environment)',
    },
    {
      name: 'a Redis URL for the memory store',
      yaml: 'server:\n  limits:\n    redis_url: redis://127.0.0.1:6379\n',
      issue:
        'c0.yaml:3:16 server.limits.redis_url: redis_url is set but the limits live in memory: add store: redis to share them through Redis, or remove redis_url',
    },
    {
      name: 'a URL that is not Redis’s',
      yaml: 'server:\n  limits:\n    store: redis\n    redis_url: http://127.0.0.1:6379\n',
      issue: 'c0.yaml:4:16 server.limits.redis_url: expected a Redis URL such as redis://127.0.0.1:6379',
    },
    {
      name: 'a misspelt limit',
      yaml: `auth:\n  keys:\n    - id: k\n      hash: ${hash}\n      limits:\n        request_per_minute: 5\n`,
      issue:
        /^c0\.yaml:6:9 auth\.keys\[0\]\.limits\.request_per_minute: .*did you mean "requests_per_minute"\?/,
    },
    {
      name: 'a limit of zero',
      yaml: 'auth:\n  default_limits:\n    concurrent_requests: 0\n',
      issue: /^c0\.yaml:3:26 auth\.default_limits\.concurrent_requests: /,
    },
    {
      name: 'an unknown store',
      yaml: 'server:\n  limits:\n    store: memcached\n',
      issue: /^c0\.yaml:3:12 server\.limits\.store: .*"memory".*"redis"/,
    },
    {
      name: 'a sample ratio above 1',
      yaml: 'telemetry:\n  otlp_endpoint: http://collector:4318\n  sample_ratio: 2\n',
      issue: /^c0\.yaml:3:17 telemetry\.sample_ratio: /,
    },
    {
      name: 'a metrics address without a port',
      yaml: 'server:\n  metrics_listen: 127.0.0.1\n',
      issue: /^c0\.yaml:2:19 server\.metrics_listen: /,
    },
  ])('refuses $name, naming file, line and path', async ({ yaml, issue }) => {
    const found = await problems([yaml]);
    expect(found).toHaveLength(1);
    if (typeof issue === 'string') expect(found[0]).toBe(issue);
    else expect(found[0]).toMatch(issue);
  });
});
