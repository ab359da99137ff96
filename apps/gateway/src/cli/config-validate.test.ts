import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKt, tempFiles } from '../test-support/run-kt.js';

const seeds = join(import.meta.dirname, '../../../../examples/seed-configs');

const target = (extra = '') => `providers:
  targets:
    - id: ollama-llama3
      provider: ollama:chat:llama3.3
${extra}`;
const two = `providers:
  targets:
    - id: ollama-llama3
      provider: ollama:chat:llama3.3
    - id: ollama-embed
      provider: ollama:embedding:nomic-embed-text
`;

// Each case: the file, the line the first message must point at, and what it must say.
// `also` lists further problems the same run must report: a file's problems of different kinds
// come all at once, not one kind per run (#12).
const invalidCases: {
  name: string;
  yaml: string;
  line: number;
  message: string;
  also?: string[];
  env?: Record<string, string>;
}[] = [
  {
    name: 'YAML syntax: bad indentation',
    yaml: 'providers:\n  targets:\n    - id: a\n     provider: x\n',
    line: 4,
    message: 'YAML syntax error',
  },
  {
    name: 'YAML syntax: unclosed quote',
    yaml: 'pack:\n  name: "unterminated\n',
    line: 3,
    message: 'YAML syntax error',
  },
  {
    name: 'YAML: duplicate key',
    yaml: 'pack:\n  name: a\n  name: b\n  version: 1\n',
    line: 3,
    message: 'YAML syntax error',
  },
  {
    name: 'top level is a list',
    yaml: '- a\n- b\n',
    line: 1,
    message: 'expected a mapping at the top of the file',
  },
  {
    name: 'unknown top-level key',
    yaml: 'provders:\n  targets: []\n',
    line: 1,
    message:
      'unknown key "provders"; expected one of: pack, providers, policies, policy, routing, plugins, auth, server, telemetry (did you mean "providers"?)',
  },
  {
    name: 'target id of the wrong type',
    yaml: 'providers:\n  targets:\n    - id: 5\n      provider: ollama:chat:x\n',
    line: 3,
    message: 'providers.targets[0].id: expected a string, got 5',
  },
  {
    name: 'target without provider',
    yaml: 'providers:\n  targets:\n    - id: a\n',
    line: 3,
    message: 'providers.targets[0].provider: required: expected a string',
  },
  {
    name: 'unknown provider',
    yaml: 'providers:\n  targets:\n    - id: a\n      provider: anthropic:chat:claude\n',
    line: 4,
    message:
      'unknown provider "anthropic" in "anthropic:chat:claude"; known providers: ollama, openai, vllm, llamacpp, lmstudio',
  },
  {
    name: 'provider string without model',
    yaml: 'providers:\n  targets:\n    - id: a\n      provider: ollama:chat\n',
    line: 4,
    message:
      '"ollama:chat" is not a provider string; expected ollama, ollama:chat:<model>, ollama:completion:<model> or ollama:embedding:<model>',
  },
  {
    name: 'provider string with unknown kind',
    yaml: 'providers:\n  targets:\n    - id: a\n      provider: ollama:vision:llava\n',
    line: 4,
    message: '"ollama:vision:llava" is not a provider string',
  },
  {
    name: 'bare provider without model',
    yaml: 'providers:\n  targets:\n    - id: a\n      provider: ollama\n',
    line: 4,
    message: 'bare "ollama" needs a model: add `model: <name>` or write ollama:chat:<model>',
  },
  {
    name: 'negative timeout',
    yaml: target('      timeout_seconds: -5\n'),
    line: 5,
    message: 'providers.targets[0].timeout_seconds: expected a number > 0, got -5',
  },
  {
    name: 'zero timeout',
    yaml: target('      timeout_seconds: 0\n'),
    line: 5,
    message: 'expected a number > 0, got 0',
  },
  {
    name: 'timeout as text',
    yaml: target('      stream_timeout_seconds: fast\n'),
    line: 5,
    message: 'providers.targets[0].stream_timeout_seconds: expected a number, got "fast"',
  },
  {
    name: 'zero weight',
    yaml: target('      weight: 0\n'),
    line: 5,
    message: 'providers.targets[0].weight: expected a number > 0, got 0',
  },
  {
    name: 'fractional weight',
    yaml: target('      weight: 1.5\n'),
    line: 5,
    message: 'providers.targets[0].weight: expected an integer, got 1.5',
  },
  {
    name: 'base_url without scheme',
    yaml: target('      base_url: localhost:11434\n'),
    line: 5,
    message: 'providers.targets[0].base_url: expected an http(s) URL such as http://127.0.0.1:8080',
  },
  {
    name: 'a format Ollama does not speak',
    yaml: target('      format: grpc\n'),
    line: 5,
    message: 'providers.targets[0].format: expected one of "ollama", "openai", got "grpc"',
  },
  {
    name: 'a provider string of a kind the provider does not serve',
    yaml: 'providers:\n  targets:\n    - id: a\n      provider: ollama:vision:llava\n',
    line: 4,
    message: 'expected ollama, ollama:chat:<model>, ollama:completion:<model> or ollama:embedding:<model>',
  },
  {
    name: 'misspelt target key',
    yaml: target('      bse_url: http://localhost:11434\n'),
    line: 5,
    message: 'providers.targets[0].bse_url: unknown key "bse_url"',
  },
  {
    name: 'health_probe not a boolean',
    yaml: target('      health_probe: "yes"\n'),
    line: 5,
    message: 'providers.targets[0].health_probe: expected true or false, got "yes"',
  },
  {
    name: 'secret_key_ref as a string',
    yaml: target('      secret_key_ref: OLLAMA_KEY\n'),
    line: 5,
    message: 'providers.targets[0].secret_key_ref: expected a mapping (key: value), got "OLLAMA_KEY"',
  },
  {
    name: 'unknown PII pattern',
    yaml: 'policies:\n  - id: p\n    rules:\n      - type: pii_detection\n        action: redact\n        patterns: [ssn, ssnn]\n',
    line: 6,
    message: 'policies[0].rules[0].patterns[1]: expected one of "ssn"',
  },
  {
    name: 'unknown rule type',
    yaml: 'policies:\n  - id: p\n    rules:\n      - type: pii_detect\n        action: redact\n',
    line: 4,
    message: 'unknown rule type "pii_detect"',
  },
  {
    name: 'response_length of zero tokens',
    yaml: 'policies:\n  - id: p\n    rules:\n      - type: response_length\n        action: truncate\n        max_tokens: 0\n',
    line: 6,
    message: 'policies[0].rules[0].max_tokens: expected a number > 0, got 0',
  },
  {
    name: 'rule without type',
    yaml: 'policies:\n  - id: p\n    rules:\n      - action: truncate\n',
    line: 4,
    message: 'policies[0].rules[0].type: required: expected a string',
  },
  {
    name: 'policies as a string',
    yaml: 'policies: pii\n',
    line: 1,
    message: 'policies: expected a list of policies ({id, rules}) or {chain: [...]}, got "pii"',
  },
  {
    name: 'duplicate target ids',
    yaml: `${two}    - id: ollama-llama3\n      provider: ollama:chat:phi4\n`,
    line: 7,
    message: 'duplicate target id "ollama-llama3"; first defined at c.yaml:3:',
  },
  {
    name: 'duplicate policy ids',
    yaml: 'policies:\n  - id: p\n    rules: [{type: response_length, action: truncate, max_tokens: 5}]\n  - id: p\n    rules: [{type: response_length, action: truncate, max_tokens: 9}]\n',
    line: 4,
    message: 'duplicate policy id "p"',
  },
  {
    name: 'dangling route',
    yaml: `${two}routing:\n  rules:\n    - default:\n        target: ollama-lama3\n`,
    line: 10,
    message:
      'unknown target "ollama-lama3"; defined targets: ollama-llama3, ollama-embed (did you mean "ollama-llama3"?)',
  },
  {
    name: 'chat route to an embedding target',
    yaml: `${two}routing:\n  rules:\n    - match: {endpoint: chat, metadata: {tier: x}}\n      target: ollama-embed\n`,
    line: 10,
    message: 'a chat route cannot point at embedding target "ollama-embed"',
  },
  {
    name: 'default route to an embedding target',
    yaml: `${two}routing:\n  rules:\n    - default: true\n      target: ollama-embed\n`,
    line: 10,
    message: 'the default route serves chat requests and cannot point at embedding target "ollama-embed"',
  },
  {
    name: 'two default routes',
    yaml: `${two}routing:\n  rules:\n    - default: {target: ollama-llama3}\n    - default: {target: ollama-llama3}\n`,
    line: 10,
    message: 'a second default rule',
  },
  {
    name: 'route target of the wrong type',
    yaml: `${two}routing:\n  rules:\n    - match: {metadata: {a: b}}\n      target: 7\n`,
    line: 10,
    message: 'expected a target id or a list of target ids',
  },
  {
    name: 'unset environment variable',
    yaml: target('      base_url: ${OLLAMA_URL}\n'),
    line: 5,
    message:
      'environment variable OLLAMA_URL is not set (set OLLAMA_URL, or give a default: ${OLLAMA_URL:-value})',
  },
  {
    name: 'settings for a plugin not in the chain',
    yaml: 'policy:\n  response_length:\n    action: truncate\n',
    line: 2,
    message: 'settings for "response_length" are not used: add "response_length" to policies.chain',
  },
  {
    name: 'unknown chain entry',
    yaml: 'policies:\n  chain: [respons_length]\n',
    line: 2,
    message: 'unknown chain entry "respons_length"',
  },
  {
    name: 'listen without port',
    yaml: 'server:\n  listen: "41002"\n',
    line: 2,
    message: 'server.listen: expected HOST:PORT such as 127.0.0.1:41002',
  },
  {
    name: 'listen port out of range',
    yaml: 'server:\n  listen: 0.0.0.0:70000\n',
    line: 2,
    message:
      'server.listen: port 70000 is out of range: expected 1 to 65535, or 0 for any free port (for example 0.0.0.0:41002)',
  },
  {
    name: 'listen on an IPv6 address without brackets',
    yaml: 'server:\n  listen: "::1:41002"\n',
    line: 2,
    message: '(write an IPv6 address in brackets, such as [::1]:41002)',
  },
  {
    name: 'listen on a malformed IPv4 address',
    yaml: 'server:\n  listen: 300.1.1.1:41002\n',
    line: 2,
    message: 'server.listen: "300.1.1.1" is not a host name or an IPv4 address',
  },
  {
    name: 'a misspelt target key beside a plugin rule problem and an unknown rule type',
    yaml: `${target('      bse_url: http://localhost:11434\n')}policies:\n  - id: p\n    rules:\n      - type: pii_detection\n        action: erase\n      - type: topic_blok\n        action: block\n`,
    line: 5,
    message: 'providers.targets[0].bse_url: unknown key "bse_url"',
    also: [
      'c.yaml:10:17 policies[0].rules[0].action: expected one of "redact", "block", got "erase"',
      'c.yaml:11:15 policies[0].rules[1].type: unknown rule type "topic_blok"',
    ],
  },
  {
    name: 'a schema problem beside a dangling route',
    yaml: `${target('      weight: -1\n')}routing:\n  rules:\n    - default:\n        target: ollama-lama3\n`,
    line: 5,
    message: 'providers.targets[0].weight: expected a number > 0, got -1',
    also: ['c.yaml:9:17 routing.rules[0].default.target: unknown target "ollama-lama3"'],
  },
  {
    name: 'an unset variable beside a bad listen address and an unknown chain entry',
    yaml: `${target('      base_url: ${OLLAMA_URL}\n')}policies:\n  chain: [audit-loger]\nserver:\n  listen: 127.0.0.1:65536\n`,
    line: 5,
    message: 'environment variable OLLAMA_URL is not set',
    also: [
      'c.yaml:7:11 policies.chain[0]: unknown chain entry "audit-loger"',
      'c.yaml:9:11 server.listen: port 65536 is out of range',
    ],
  },
  {
    name: 'unknown streaming mode',
    yaml: 'server:\n  streaming:\n    policy_mode: lazy\n',
    line: 3,
    message: 'server.streaming.policy_mode: expected one of "buffered", "incremental", got "lazy"',
  },
  {
    name: 'API key hash in the clear',
    yaml: 'auth:\n  keys:\n    - id: k\n      hash: kt-abc\n',
    line: 4,
    message: 'expected "sha256:" and 64 hex digits',
  },
];

describe('kt config validate', () => {
  it.each(['policy-config.yaml', 'multi-model-routing-pack.yaml', 'local-data-policy.yaml'])(
    'accepts the seed config %s as it stands',
    async (name) => {
      const { code, stdout, stderr } = await runKt(['config', 'validate', join(seeds, name)], { cwd: seeds });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('valid:');
    },
  );

  it('accepts one file with a list of policies and the audit chain, and names both', async () => {
    const seed = await readFile(join(seeds, 'policy-config.yaml'), 'utf8');
    const dir = await tempFiles({
      'c.yaml': `${seed}  - audit-logger\npolicy:\n  audit-logger:\n    immutable: true\n    retention_days: 365\n`,
    });
    const { code, stdout } = await runKt(['config', 'validate', 'c.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('  local-privacy-policy: pii_detection\n');
    expect(stdout).toContain('audit: audit-logger\n');
  });

  it('summarises limits, the metrics listener and traces, without a Redis password', async () => {
    const dir = await tempFiles({
      'c.yaml': `auth:
  default_limits:
    requests_per_minute: 10
  keys:
    - id: team-a
      hash: sha256:${'a'.repeat(64)}
      limits:
        concurrent_requests: 2
server:
  metrics_listen: 127.0.0.1:9464
  limits:
    store: redis
    redis_url: redis://:s3cret-pw@redis.internal:6379/1
telemetry:
  otlp_endpoint: http://collector:4318
`,
    });
    const { code, stdout } = await runKt(['config', 'validate', 'c.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain(
      'limits: keys team-a; default_limits for the rest (store: redis at redis.internal:6379, fail closed)\n',
    );
    expect(stdout).toContain('metrics: /metrics, and keyless at 127.0.0.1:9464\n');
    expect(stdout).toContain('traces: OTLP/HTTP to http://collector:4318 (sampling 1)');
    expect(stdout).not.toContain('s3cret-pw');
  });

  it('builds the policies, so what only their creation refuses fails here as it would at run', async () => {
    // The schema accepts any id as semantic.target; only building topic_block knows the targets.
    const yaml = `${target()}policies:
  - id: topics
    rules:
      - type: topic_block
        action: block
        topics: [violence]
        semantic:
          target: ollama-llama3
          threshold: 0.8
`;
    const dir = await tempFiles({ 'c.yaml': yaml });
    const validate = await runKt(['config', 'validate', 'c.yaml'], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toBe('');
    expect(validate.stderr).toContain(
      'c.yaml: the gateway would not start: [topic_block] create threw: semantic.target "ollama-llama3" is not an embedding target; embedding targets: none',
    );
  });

  it('says when a config sets up no audit trail', async () => {
    const { stdout } = await runKt(['config', 'validate', 'local-data-policy.yaml'], { cwd: seeds });
    expect(stdout).toContain('audit: none (requests leave no record)');
  });

  it('refuses routing-by-metadata.yaml alone, naming the unknown target', async () => {
    const { code, stderr } = await runKt(['config', 'validate', 'routing-by-metadata.yaml'], { cwd: seeds });
    expect(code).toBe(1);
    expect(stderr).toContain(
      'routing-by-metadata.yaml:13:15 routing.rules[0].target: unknown target "ollama-embed"',
    );
  });

  it('accepts routing-by-metadata.yaml after policy-config.yaml, and summarises the routes', async () => {
    const { code, stdout } = await runKt(
      ['config', 'validate', 'policy-config.yaml', 'routing-by-metadata.yaml'],
      {
        cwd: seeds,
      },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('task_type=embedding -> ollama-embed');
    expect(stdout).toContain('default -> ollama-llama3');
  });

  it('has at least 25 invalid cases', () => {
    expect(invalidCases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(invalidCases)('refuses $name (line $line)', async ({ yaml, line, message, also, env }) => {
    const dir = await tempFiles({ 'c.yaml': yaml });
    const { code, stderr } = await runKt(['config', 'validate', 'c.yaml'], {
      cwd: dir,
      ...(env ? { env } : {}),
    });
    expect(code).toBe(1);
    const first = stderr.split('\n')[0]!;
    expect(first).toMatch(new RegExp(`^c\\.yaml:${line}:\\d+ `));
    expect(stderr).toContain(message);
    for (const more of also ?? []) expect(stderr).toContain(more);
  });

  it('reports every problem of several files at once', async () => {
    const dir = await tempFiles({
      'a.yaml': target('      weight: 0\n      timeout_seconds: -1\n'),
      'b.yaml': 'server:\n  listen: nope\n',
    });
    await copyFile(join(seeds, 'policy-config.yaml'), join(dir, 'seed.yaml'));
    const { code, stderr } = await runKt(['config', 'validate', 'seed.yaml', 'a.yaml', 'b.yaml'], {
      cwd: dir,
    });
    expect(code).toBe(1);
    // a.yaml's target repeats the seed's first id: reported although a.yaml has other problems.
    expect(stderr.split('\n')).toEqual([
      'a.yaml:3:11 providers.targets[0].id: duplicate target id "ollama-llama3"; first defined at seed.yaml:4:7',
      'a.yaml:5:15 providers.targets[0].weight: expected a number > 0, got 0',
      'a.yaml:6:24 providers.targets[0].timeout_seconds: expected a number > 0, got -1',
      'b.yaml:2:11 server.listen: expected HOST:PORT such as 127.0.0.1:41002, got "nope"',
      '4 problems found; nothing was loaded.',
    ]);
  });

  it('reports problems of every kind in a file in one run, and none that follow from them', async () => {
    const dir = await tempFiles({
      'c.yaml': `providers:
  targets:
    - id: a
      provider: ollama:chat:x
      bse_url: http://x
    - id: b
      provider: anthropic:chat:claude
    - id: c
      provider: ollama:embedding:e
      weight: many
policies:
  - id: p
    targets: [a, b, d]
    rules:
      - type: pii_detect
      - type: response_length
        action: truncate
        max_tokens: 0
routing:
  rules:
    - default:
        target: nope
    - match: {metadata: {task: embed}}
      target: [b, c]
server:
  listen: 127.0.0.1:99999
`,
    });
    const { code, stderr } = await runKt(['config', 'validate', 'c.yaml'], { cwd: dir });
    expect(code).toBe(1);
    // Targets b and c are written but broken: routes and scopes naming them are not reported as well.
    expect(
      stderr
        .split('\n')
        .map((line) => line.replace(/; (expected one of|known|known providers|defined targets): .*/, '')),
    ).toEqual([
      'c.yaml:5:7 providers.targets[0].bse_url: unknown key "bse_url"',
      'c.yaml:7:17 providers.targets[1].provider: unknown provider "anthropic" in "anthropic:chat:claude"',
      'c.yaml:10:15 providers.targets[2].weight: expected a number, got "many"',
      'c.yaml:13:21 policies[0].targets[2]: unknown target "d" (did you mean "a"?)',
      'c.yaml:15:15 policies[0].rules[0].type: unknown rule type "pii_detect"',
      'c.yaml:18:21 policies[0].rules[1].max_tokens: expected a number > 0, got 0',
      'c.yaml:22:17 routing.rules[0].default.target: unknown target "nope"',
      'c.yaml:26:11 server.listen: port 99999 is out of range: expected 1 to 65535, or 0 for any free port (for example 127.0.0.1:41002)',
      '8 problems found; nothing was loaded.',
    ]);
  });

  it('checks the readable files when one is missing or broken, without guessing at their targets', async () => {
    const dir = await tempFiles({
      'broken.yaml': 'providers:\n  targets:\n    - id: x\n     provider: y\n',
      'routes.yaml':
        'routing:\n  rules:\n    - default:\n        target: x\npolicies:\n  - id: p\n    rules: [{type: pii_detection, action: erase}]\n',
    });
    const { code, stderr } = await runKt(
      ['config', 'validate', 'missing.yaml', 'broken.yaml', 'routes.yaml'],
      {
        cwd: dir,
      },
    );
    expect(code).toBe(1);
    const lines = stderr.split('\n');
    expect(lines[0]).toBe('missing.yaml cannot read the file: no such file');
    expect(lines[1]).toMatch(/^broken\.yaml:4:\d+ YAML syntax error/);
    expect(lines.at(-2)).toMatch(/^routes\.yaml:7:\d+ policies\[0\]\.rules\[0\]\.action: expected one of/);
    expect(stderr).not.toContain('unknown target');
  });

  it('prints usage and exits 2 without files', async () => {
    expect((await runKt(['config', 'validate'], { cwd: '/' })).code).toBe(2);
  });
});
