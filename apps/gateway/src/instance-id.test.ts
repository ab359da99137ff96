import { hostname } from 'node:os';
import { type AuditSinkContext, defineAuditSink, definePlugin } from '@keeptrusts/core';
import { loadConfigTexts } from '@keeptrusts/core/config';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBuiltinRegistry } from './builtin-plugins.js';
import { createGateway } from './gateway.js';
import { runKt, tempFiles } from './test-support/run-kt.js';

// Every instance behind a balancer has an id (#23): written, from the environment, or host-pid.

const contexts: AuditSinkContext[] = [];
const recordingSink = definePlugin({
  name: 'recording-sink',
  version: '1.0.0',
  sinks: [
    defineAuditSink({
      type: 'recording-sink',
      configSchema: z.strictObject({}),
      create: (_config, context) => {
        contexts.push(context);
        return { append() {}, flush: async () => {}, close: async () => {}, healthy: () => true };
      },
    }),
  ],
});

const targets =
  'providers:\n  targets:\n    - id: llama\n      provider: ollama:chat:llama3.3\n      base_url: http://127.0.0.1:9\n';
const sink = 'policies:\n  chain: [recording-sink]\npolicy:\n  recording-sink: {}\n';

async function gateway(extra: string, env: Record<string, string | undefined>) {
  const registry = createBuiltinRegistry();
  registry.register(recordingSink);
  const loaded = await loadConfigTexts([{ file: 'test.yaml', text: `${targets}${sink}${extra}` }], {
    registry,
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return createGateway({ config: loaded.config, registry, env: (name) => env[name] });
}

describe('the instance id', () => {
  it.each([
    {
      name: 'server.instance_id',
      extra: 'server:\n  instance_id: gw-a\n',
      env: { KT_INSTANCE_ID: 'gw-env' },
      id: 'gw-a',
    },
    { name: 'KT_INSTANCE_ID', extra: '', env: { KT_INSTANCE_ID: 'gw-env' }, id: 'gw-env' },
    { name: 'host name and pid', extra: '', env: {}, id: `${hostname()}-${process.pid}` },
  ])('comes from $name, reaches the audit sinks and /readyz', async ({ extra, env, id }) => {
    const gw = await gateway(extra, env);
    try {
      expect(gw.instanceId).toBe(id);
      expect(contexts.at(-1)?.instanceId).toBe(id);
      const ready = (await (await gw.app.request('/readyz')).json()) as { instance_id: string };
      expect(ready.instance_id).toBe(id);
    } finally {
      gw.stopProbes();
      await gw.close();
    }
  });

  it.each([
    {
      name: 'an instance id with a space',
      extra: 'server:\n  instance_id: "gw 1"\n',
      message: 'test.yaml:7:16 server.instance_id: expected 1 to 128 letters, digits',
    },
    {
      name: 'keys in a database (auth.store), which is not built',
      extra: 'auth:\n  store: postgres\n',
      message: 'auth.store: unknown key "store"',
    },
  ])('refuses $name', async ({ extra, message }) => {
    const dir = await tempFiles({ 'test.yaml': `${targets}${extra}` });
    const { code, stderr } = await runKt(['config', 'validate', 'test.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain(message);
  });
});
