import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatConfigIssue } from '../errors.js';
import { allow } from '../plugin/decision.js';
import { defineAuditSink, definePlugin, definePolicy, defineProvider } from '../plugin/define.js';
import type { ProviderInstance } from '../plugin/provider-types.js';
import { createRegistry } from '../plugin/registry.js';
import { loadConfig } from './load.js';

// A small plugin set of the same shapes the built-ins have; the gateway's tests run the real ones.
const testPlugin = definePlugin({
  name: 'test-plugins',
  version: '1.0.0',
  providers: [defineProvider({ name: 'ollama', create: () => ({}) as ProviderInstance })],
  policies: [
    definePolicy({
      type: 'keyword_deny',
      configSchema: z.strictObject({ action: z.literal('block'), words: z.array(z.string()).min(1) }),
      create: () => ({ onRequest: () => allow() }),
    }),
  ],
  sinks: [
    defineAuditSink({
      type: 'audit-logger',
      configSchema: z.strictObject({
        immutable: z.boolean().default(false),
        retention_days: z.number().int().positive().optional(),
      }),
      create: () => ({ append() {}, flush: async () => {}, close: async () => {}, healthy: () => true }),
    }),
  ],
});

async function files(...texts: string[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'kt-load-'));
  return Promise.all(
    texts.map(async (text, i) => {
      const file = join(dir, `c${i}.yaml`);
      await writeFile(file, text);
      return file;
    }),
  );
}

async function load(texts: string[], env: Record<string, string> = {}) {
  const registry = createRegistry();
  registry.register(testPlugin);
  return loadConfig(await files(...texts), { registry, env: (n) => env[n] });
}

async function problems(texts: string[], env: Record<string, string> = {}) {
  const result = await load(texts, env);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.issues.map((i) => formatConfigIssue({ ...i, file: i.file?.replace(/^.*\//, '') }));
}

const targets = `providers:
  targets:
    - id: chat
      provider: ollama:chat:llama3.3
    - id: embed
      provider: ollama:embedding:nomic-embed-text
      base_url: http://gpu:11434/
`;

describe('loadConfig', () => {
  it('applies the Provider Fields defaults', async () => {
    const result = await load([targets]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.targets[0]).toMatchObject({
      id: 'chat',
      kind: 'chat',
      model: 'llama3.3',
      baseUrl: 'http://localhost:11434',
      secretKeyEnv: 'OLLAMA_API_KEY',
      timeoutSeconds: 30,
      streamTimeoutSeconds: 120,
      weight: 1,
      healthProbe: false,
      maxContextTokens: undefined,
    });
    expect(result.config.targets[1]?.baseUrl).toBe('http://gpu:11434');
  });

  it('lets `model` override the provider string and serve the bare provider', async () => {
    const result = await load([
      'providers:\n  targets:\n    - {id: a, provider: ollama, model: phi4}\n    - {id: b, provider: "ollama:chat:x", model: y}\n',
    ]);
    expect(result.ok && result.config.targets.map((t) => [t.kind, t.model])).toEqual([
      ['chat', 'phi4'],
      ['chat', 'y'],
    ]);
  });

  it('merges files in order: routes may name targets of an earlier file', async () => {
    const routing =
      'routing:\n  rules:\n    - match: {metadata: {task_type: embedding}}\n      target: embed\n    - default: true\n      target: chat\n';
    const result = await load([targets, routing]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.routing.rules[0]).toMatchObject({
      metadata: { task_type: ['embedding'] },
      targets: ['embed'],
    });
    expect(result.config.routing.defaultTargets).toEqual(['chat']);
    expect(await problems([routing])).toEqual([
      'c0.yaml:4:15 routing.rules[0].target: unknown target "embed"; defined targets: none',
      'c0.yaml:6:15 routing.rules[1].target: unknown target "chat"; defined targets: none',
    ]);
  });

  it('accepts the default rule nested, and the chain form with settings under policy.<name>', async () => {
    const result = await load([
      `${targets}routing:\n  rules:\n    - default:\n        target: [chat]\npolicies:\n  chain: [audit-logger, keyword_deny]\npolicy:\n  audit-logger:\n    immutable: true\n  keyword_deny:\n    action: block\n    words: [secret]\n`,
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.routing.defaultTargets).toEqual(['chat']);
    expect(result.config.sinks).toMatchObject([{ type: 'audit-logger', config: { immutable: true } }]);
    expect(result.config.policies).toMatchObject([
      { id: 'keyword_deny', rules: [{ config: { words: ['secret'] } }] },
    ]);
  });

  it('substitutes environment variables before validating', async () => {
    const text =
      'providers:\n  targets:\n    - id: a\n      provider: ollama:chat:x\n      base_url: ${OLLAMA_URL:-http://localhost:11434}\n      timeout_seconds: ${T}\n';
    const result = await load([text], { T: '90', OLLAMA_URL: 'http://box:11434' });
    expect(result.ok && result.config.targets[0]).toMatchObject({
      baseUrl: 'http://box:11434',
      timeoutSeconds: 90,
    });
  });

  it('reports every problem of every file at once', async () => {
    expect(
      await problems([
        'providers:\n  targets:\n    - id: a\n      provider: ollama:chat:x\n      timeout_seconds: -5\n      bse_url: http://x\n',
        'policies:\n  - id: p\n    rules:\n      - type: keyword_deny\n        action: redact\n        words: []\n',
      ]),
    ).toEqual([
      'c0.yaml:5:24 providers.targets[0].timeout_seconds: expected a number > 0, got -5',
      'c0.yaml:6:7 providers.targets[0].bse_url: unknown key "bse_url"; expected one of: id, provider, model, base_url, secret_key_ref, timeout_seconds, stream_timeout_seconds, max_context_tokens, description, weight, health_probe, format (did you mean "base_url"?)',
      'c1.yaml:5:17 policies[0].rules[0].action: expected "block", got "redact"',
      'c1.yaml:6:16 policies[0].rules[0].words: expected a list with at least 1 item(s), got an empty list',
    ]);
  });

  it('refuses a settings block whose plugin is not in the chain', async () => {
    expect(await problems(['policy:\n  audit-loger:\n    immutable: true\n'])).toEqual([
      'c0.yaml:2:3 policy.audit-loger: settings for "audit-loger" are not used: add "audit-loger" to policies.chain',
    ]);
  });

  it.each([
    { name: 'defaults', server: '', request: 30, headers: 10 },
    {
      name: 'a short request timeout shortens the unset headers timeout',
      server: 'request_timeout_seconds: 5',
      request: 5,
      headers: 5,
    },
    {
      name: 'both set',
      server: 'request_timeout_seconds: 60\n  headers_timeout_seconds: 20',
      request: 60,
      headers: 20,
    },
  ])('reads the server timeouts: $name', async ({ server, request, headers }) => {
    const result = await load([`${targets}server:\n  ${server || 'listen: 127.0.0.1:41002'}\n`]);
    expect(
      result.ok && [result.config.server.requestTimeoutSeconds, result.config.server.headersTimeoutSeconds],
    ).toEqual([request, headers]);
  });

  it('refuses a headers timeout longer than the request timeout, even set in another file', async () => {
    expect(
      await problems([
        'server:\n  headers_timeout_seconds: 20\n',
        'server:\n  request_timeout_seconds: 15\n',
      ]),
    ).toEqual([
      'c0.yaml:2:28 server.headers_timeout_seconds: expected at most server.request_timeout_seconds (15), got 20: the headers are part of the request',
    ]);
  });

  it('names a missing file', async () => {
    const registry = createRegistry();
    const result = await loadConfig(['/nonexistent/kt.yaml'], { registry });
    expect(result.ok ? [] : result.issues.map(formatConfigIssue)).toEqual([
      '/nonexistent/kt.yaml cannot read the file: no such file',
    ]);
  });
});
