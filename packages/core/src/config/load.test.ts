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
// Core knows no provider: the defaults, fields and forms below come from these definitions.
const create = () => ({}) as ProviderInstance;
const testPlugin = definePlugin({
  name: 'test-plugins',
  version: '1.0.0',
  providers: [
    defineProvider({
      name: 'ollama',
      kinds: ['chat', 'completion', 'embedding'],
      defaults: { baseUrl: 'http://localhost:11434', secretKeyEnv: 'OLLAMA_API_KEY' },
      configSchema: z.strictObject({
        keep_alive: z
          .string()
          .regex(/^\d+[smh]$/, 'expected a duration such as 5m')
          .optional(),
      }),
      create,
    }),
    defineProvider({
      name: 'hosted',
      kinds: ['chat'],
      aliases: { hosted_local: { baseUrl: 'http://localhost:9000/v1' } },
      defaults: { secretKeyEnv: 'HOSTED_API_KEY' },
      create,
    }),
  ],
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

  it('applies the provider’s own defaults, an alias’s over its provider’s, and parses its fields', async () => {
    const result = await load([
      'providers:\n  targets:\n    - {id: a, provider: "hosted_local:chat:m"}\n    - {id: b, provider: "hosted:chat:m", base_url: "http://h:1"}\n    - {id: c, provider: "ollama:chat:m", keep_alive: 10m}\n    - {id: d, provider: "hosted:chat:m"}\n',
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(
      result.config.targets.map((t) => [t.providerName, t.definition.name, t.baseUrl, t.secretKeyEnv]),
    ).toEqual([
      ['hosted_local', 'hosted', 'http://localhost:9000/v1', 'HOSTED_API_KEY'],
      ['hosted', 'hosted', 'http://h:1', 'HOSTED_API_KEY'],
      ['ollama', 'ollama', 'http://localhost:11434', 'OLLAMA_API_KEY'],
      ['hosted', 'hosted', undefined, 'HOSTED_API_KEY'],
    ]);
    expect(result.config.targets.map((t) => t.options)).toEqual([{}, {}, { keep_alive: '10m' }, {}]);
  });

  it('checks a provider’s own fields with its schema, by file and line', async () => {
    expect(
      await problems([
        'providers:\n  targets:\n    - id: a\n      provider: ollama:chat:x\n      keep_alive: forever\n    - id: b\n      provider: hosted:chat:x\n      base_url: http://h:1\n      keep_alive: 5m\n    - id: c\n      provider: hosted:embedding:x\n',
      ]),
    ).toEqual([
      'c0.yaml:5:19 providers.targets[0].keep_alive: expected a duration such as 5m',
      'c0.yaml:9:7 providers.targets[1].keep_alive: unknown key "keep_alive"; expected one of: id, provider, model, base_url, secret_key_ref, timeout_seconds, stream_timeout_seconds, max_context_tokens, description, weight, health_probe',
      'c0.yaml:11:17 providers.targets[2].provider: the hosted provider does not serve embedding (it serves chat); expected hosted or hosted:chat:<model>',
    ]);
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

  it.each([
    [
      'a list of policies that names the audit sink',
      'policies:\n  - id: p\n    rules: [{type: keyword_deny, action: block, words: [x]}]\n  - audit-logger\n',
    ],
    [
      'the chain holding a policy beside the sink',
      'policies:\n  chain:\n    - audit-logger\n    - id: p\n      rules: [{type: keyword_deny, action: block, words: [x]}]\n',
    ],
  ])('holds list policies and the audit chain in one file: %s', async (_, policies) => {
    const result = await load([`${targets}${policies}policy:\n  audit-logger:\n    immutable: true\n`]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.sinks).toMatchObject([{ type: 'audit-logger', config: { immutable: true } }]);
    expect(result.config.policies).toMatchObject([{ id: 'p', rules: [{ type: 'keyword_deny' }] }]);
  });

  it('keeps policies in the order written, named rule types among them', async () => {
    const result = await load([
      'policies:\n  - keyword_deny\n  - id: p\n    rules: [{type: keyword_deny, action: block, words: [y]}]\npolicy:\n  keyword_deny: {action: block, words: [x]}\n',
      'policies:\n  chain:\n    - id: q\n      rules: [{type: keyword_deny, action: block, words: [z]}]\n',
    ]);
    expect(result.ok && result.config.policies.map((p) => p.id)).toEqual(['keyword_deny', 'p', 'q']);
  });

  it('refuses a policies entry that is neither a policy nor a name, and an unknown name', async () => {
    expect(await problems(['policies:\n  - 5\n  - audit-loger\n  - id: p\n'])).toEqual([
      'c0.yaml:2:5 policies[0]: expected a policy ({id, rules}) or the name of an audit sink or rule type, such as audit-logger, got 5',
      'c0.yaml:3:5 policies[1]: unknown chain entry "audit-loger"; known: audit-logger, keyword_deny (did you mean "audit-logger"?)',
      'c0.yaml:4:5 policies[2].rules: required: expected a list',
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
      'c0.yaml:6:7 providers.targets[0].bse_url: unknown key "bse_url"; expected one of: id, provider, model, base_url, secret_key_ref, timeout_seconds, stream_timeout_seconds, max_context_tokens, description, weight, health_probe, keep_alive (did you mean "base_url"?)',
      'c1.yaml:5:17 policies[0].rules[0].action: expected "block", got "redact"',
      'c1.yaml:6:16 policies[0].rules[0].words: expected a list with at least 1 item(s), got an empty list',
    ]);
  });

  it('checks the rest of a file with schema problems: plugin rules, provider strings, references', async () => {
    expect(
      await problems([
        `${targets}    - {id: third, provider: "ollama:chat:x", weight: 0}\n    - {id: fourth, provider: "vllm:chat:x"}\npolicies:\n  - id: p\n    enabled: maybe\n    rules:\n      - {type: keyword_deny, action: block, words: []}\nrouting:\n  rules:\n    - {match: {metadata: {a: b}}, target: [third, fourth, fifth]}\n`,
      ]),
    ).toEqual([
      'c0.yaml:8:54 providers.targets[2].weight: expected a number > 0, got 0',
      'c0.yaml:9:30 providers.targets[3].provider: unknown provider "vllm" in "vllm:chat:x"; known providers: ollama, hosted, hosted_local',
      'c0.yaml:12:14 policies[0].enabled: expected true or false, got "maybe"',
      'c0.yaml:14:52 policies[0].rules[0].words: expected a list with at least 1 item(s), got an empty list',
      'c0.yaml:17:59 routing.rules[0].target[2]: unknown target "fifth"; defined targets: chat, embed, third',
    ]);
  });

  it('does not report references to targets of a section it could not read', async () => {
    const routing = 'routing:\n  rules:\n    - default:\n        target: chat\n';
    expect(await problems([targets.replace('providers:', 'provders:'), routing])).toEqual([
      expect.stringMatching(
        /^c0\.yaml:1:1 provders: unknown key "provders".*\(did you mean "providers"\?\)$/,
      ),
    ]);
    expect(await problems(['providers:\n  targets: {id: chat}\n', routing])).toEqual([
      'c0.yaml:2:12 providers.targets: expected a list, got a mapping',
    ]);
  });

  it('says an unknown rule type may come from a plugin that failed to load', async () => {
    const registry = createRegistry();
    registry.register(testPlugin);
    const result = await loadConfig(
      await files('plugins: [./missing-plugin.js]\npolicies:\n  - id: p\n    rules: [{type: word_filter}]\n'),
      { registry, importPlugin: () => Promise.reject(new Error('not found')) },
    );
    expect(result.ok ? [] : result.issues.map((i) => formatConfigIssue({ ...i, file: 'c0.yaml' }))).toEqual([
      'c0.yaml:1:11 plugins[0]: cannot load plugin "./missing-plugin.js": not found',
      'c0.yaml:4:20 policies[0].rules[0].type: unknown rule type "word_filter"; known: keyword_deny (it may come from the plugin that failed to load)',
    ]);
  });

  it('refuses a settings block whose plugin is not in the chain', async () => {
    expect(await problems(['policy:\n  audit-loger:\n    immutable: true\n'])).toEqual([
      'c0.yaml:2:3 policy.audit-loger: settings for "audit-loger" are not used: add "audit-loger" to policies.chain, or as an entry of the policies list',
    ]);
  });

  it('names a missing file, and still checks the others', async () => {
    const registry = createRegistry();
    registry.register(testPlugin);
    const [file] = await files('server:\n  listen: localhost:100000\n');
    const result = await loadConfig(['/nonexistent/kt.yaml', file!], { registry });
    expect(
      result.ok
        ? []
        : result.issues.map((i) => formatConfigIssue({ ...i, file: i.file?.replace(/^.*\//, '') })),
    ).toEqual([
      'kt.yaml cannot read the file: no such file',
      'c0.yaml:2:11 server.listen: port 100000 is out of range: expected 1 to 65535, or 0 for any free port (for example localhost:41002)',
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
