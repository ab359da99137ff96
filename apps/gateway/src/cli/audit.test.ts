import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, computeRecordHash, createFileAuditLog, GENESIS_HASH } from '@keeptrusts/audit-logger';
import { describe, expect, it } from 'vitest';
import { runKt } from '../test-support/run-kt.js';

// A real log written by the engine: three requests an hour apart, two keys, one block.
async function sampleLog(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kt-audit-cli-'));
  let t = Date.parse('2026-11-24T08:00:00Z');
  const log = await createFileAuditLog({ dir: join(dir, 'audit'), fsync: 'never', now: () => new Date(t) });
  const base = { endpoint: '/v1/chat/completions', status: 200, decisions: [] as object[] };
  log.append({ ...base, request_id: 'r1', key_id: 'alice', target: 'llama' });
  t += 3_600_000;
  log.append({
    ...base,
    request_id: 'r2',
    key_id: 'bob',
    target: 'phi',
    status: 400,
    decisions: [{ policy: 'p', rule: 'topic_block', stage: 'request', action: 'block', findings: [] }],
  });
  t += 3_600_000;
  log.append({ ...base, request_id: 'r3', key_id: 'alice', target: 'phi' });
  await log.close();
  return dir;
}

const ids = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { request_id: string }).request_id);

const KEY = 'an-hmac-key-of-at-least-32-characters';

/** A log of one record a day for `days` days at `dir`, written by the engine. */
async function dailyLog(dir: string, days: number, hmacKey?: string): Promise<void> {
  let t = Date.parse('2026-11-24T08:00:00Z');
  const log = await createFileAuditLog({
    dir,
    fsync: 'never',
    now: () => new Date(t),
    ...(hmacKey === undefined ? {} : { hmacKey }),
  });
  for (let d = 0; d < days; d++, t += 86_400_000) log.append({ request_id: `day-${d}`, status: 200 });
  await log.close();
}

/** Keeps the first `count` lines of a segment: the rest are cut from its end. */
async function cutSegment(path: string, count: number): Promise<void> {
  const lines = (await readFile(path, 'utf8')).split('\n').slice(0, count);
  await writeFile(path, lines.map((l) => `${l}\n`).join(''));
}

// A gateway configuration with the audit log in etc/audit, beside the file, not in the cwd.
const gatewayConfig = (settings: string) => `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
policies:
  chain: [audit-logger]
policy:
  audit-logger:
    path: ./audit
${settings}`;

async function configuredLog(settings = ''): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kt-audit-cli-'));
  await mkdir(join(dir, 'etc'));
  await writeFile(join(dir, 'etc', 'gateway.yaml'), gatewayConfig(settings));
  return dir;
}

describe('kt audit verify', () => {
  it('verifies a whole chain', async () => {
    const dir = await sampleLog();
    const { code, stdout } = await runKt(['audit', 'verify'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok: 3 records in 1 segments, last seq 3/);
  });

  it('refuses to verify with an HMAC key variable that is not set, saying which', async () => {
    const dir = await sampleLog();
    const { code, stderr } = await runKt(['audit', 'verify', '--hmac-key-env', 'KT_AUDIT_KEY'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('KT_AUDIT_KEY is not set');
  });

  it.each([
    {
      name: 'the default ./audit when it is missing',
      args: [],
      make: async () => {},
      says: 'does not exist',
    },
    {
      name: 'the default ./audit when it is empty',
      args: [],
      make: (dir: string) => mkdir(join(dir, 'audit')),
      says: 'holds no audit log: no segments (audit-YYYY-MM-DD.jsonl), head.json or checkpoint.json',
    },
    { name: 'a missing --path', args: ['--path', 'logs'], make: async () => {}, says: 'does not exist' },
  ])('fails on $name, saying where it looked and how to point it elsewhere', async ({ args, make, says }) => {
    const dir = await mkdtemp(join(tmpdir(), 'kt-audit-cli-'));
    await make(dir);
    const { code, stdout, stderr } = await runKt(['audit', 'verify', ...args], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const looked = join(dir, args[1] ?? 'audit');
    expect(stderr).toContain(`no audit log to verify: ${looked} ${says}`);
    expect(stderr).toMatch(
      args.length === 0 ? /reads \.\/audit unless told otherwise: pass --path DIR/ : /check --path/,
    );
  });

  it('reports the newest record deleted', async () => {
    const dir = await sampleLog();
    const segment = join(dir, 'audit', 'audit-2026-11-24.jsonl');
    await cutSegment(segment, 2);
    const { code, stderr } = await runKt(['audit', 'verify'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'broken at seq 3 (audit-2026-11-24.jsonl): truncated: ' +
        'the newest 1 record is missing: head.json says seq 3, the log ends at seq 2',
    );
  });

  it('reports the newest segment removed, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kt-audit-cli-'));
    await dailyLog(join(dir, 'audit'), 3);
    await rm(join(dir, 'audit', 'audit-2026-11-26.jsonl'));
    const { code, stderr } = await runKt(['audit', 'verify', '--path', 'audit'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'broken at seq 3 (audit-2026-11-25.jsonl): truncated: the newest 1 record is missing: ' +
        'head.json says seq 3, the log ends at seq 2 (audit-2026-11-26.jsonl, which held record 3, is gone)',
    );
  });

  it('reports head.json deleted along with the newest records', async () => {
    const dir = await sampleLog();
    await cutSegment(join(dir, 'audit', 'audit-2026-11-24.jsonl'), 1);
    await rm(join(dir, 'audit', 'head.json'));
    const { code, stderr } = await runKt(['audit', 'verify'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('head_missing: head.json is missing, but record 1 says');
  });

  it('reads the directory and the HMAC key variable from --policy-config', async () => {
    const dir = await configuredLog('    hmac_key_env: KT_AUDIT_KEY\n');
    await dailyLog(join(dir, 'etc', 'audit'), 2, KEY);
    const args = ['audit', 'verify', '--policy-config', 'etc/gateway.yaml'];
    const ok = await runKt(args, { cwd: dir, env: { KT_AUDIT_KEY: KEY } });
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toBe(`ok: 2 records in 2 segments, last seq 2 (${join(dir, 'etc', 'audit')})`);

    const noKey = await runKt(args, { cwd: dir });
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('hmac_key_env names KT_AUDIT_KEY, but KT_AUDIT_KEY is not set');

    // The head was sealed with the key: a plain SHA-256 check cannot pass it.
    const wrongKey = await runKt(args, { cwd: dir, env: { KT_AUDIT_KEY: `${KEY}-but-another` } });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toContain('hash_mismatch');
  });

  it('finds the newest record deleted in the configured directory', async () => {
    const dir = await configuredLog();
    await dailyLog(join(dir, 'etc', 'audit'), 1);
    await dailyLog(join(dir, 'etc', 'audit'), 1);
    await cutSegment(join(dir, 'etc', 'audit', 'audit-2026-11-24.jsonl'), 1);
    const { code, stderr } = await runKt(['audit', 'verify', '--policy-config', 'etc/gateway.yaml'], {
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('the newest 1 record is missing: head.json says seq 2, the log ends at seq 1');
  });

  it('fails when the configured directory holds no log, naming the config it came from', async () => {
    const dir = await configuredLog();
    await dailyLog(join(dir, 'audit'), 1); // a log in the cwd's ./audit is not the configured one
    const { code, stderr } = await runKt(['audit', 'verify', '--policy-config', 'etc/gateway.yaml'], {
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`no audit log to verify: ${join(dir, 'etc', 'audit')} does not exist`);
    expect(stderr).toContain('the path comes from policy.audit-logger.path in etc/gateway.yaml');
  });

  it.each([
    {
      name: 'a configuration without an audit-logger sink',
      yaml: 'providers:\n  targets:\n    - id: llama\n      provider: ollama:chat:llama3.3\n',
      says: 'sets up no audit-logger sink',
    },
    {
      name: 'a configuration with problems',
      yaml: 'provders: {}\n',
      says: 'nothing was verified',
    },
  ])('fails on $name', async ({ yaml, says }) => {
    const dir = await mkdtemp(join(tmpdir(), 'kt-audit-cli-'));
    await writeFile(join(dir, 'gateway.yaml'), yaml);
    const { code, stderr } = await runKt(['audit', 'verify', '--policy-config', 'gateway.yaml'], {
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(says);
  });

  it('refuses --path together with --policy-config', async () => {
    const dir = await configuredLog();
    const { code, stderr } = await runKt(
      ['audit', 'verify', '--path', 'audit', '--policy-config', 'etc/gateway.yaml'],
      { cwd: dir },
    );
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('kt: audit verify takes --path DIR or --policy-config FILE, not both');
    expect(stderr).toMatch(/Usage: kt audit verify/);
  });

  it('warns about a log written before head.json existed, and passes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kt-audit-cli-'));
    let prev = GENESIS_HASH;
    const lines = [1, 2].map((seq) => {
      const record: Record<string, unknown> = {
        request_id: `old-${seq}`,
        seq,
        prev,
        ts: '2026-11-24T08:00:00.000Z',
      };
      record.hash = computeRecordHash(record);
      prev = record.hash as string;
      return `${canonicalJson(record)}\n`;
    });
    await mkdir(join(dir, 'audit'));
    await writeFile(join(dir, 'audit', 'audit-2026-11-24.jsonl'), lines.join(''));
    const { code, stdout, stderr } = await runKt(['audit', 'verify'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok: 2 records in 1 segments, last seq 2/);
    expect(stderr).toMatch(/^warning: no head\.json: this log was written by a version that keeps none/);
  });
});

describe('kt audit', () => {
  it('tails the last records', async () => {
    const dir = await sampleLog();
    const { code, stdout } = await runKt(['audit', 'tail', '--path', 'audit', '-n', '2'], { cwd: dir });
    expect(code).toBe(0);
    expect(ids(stdout)).toEqual(['r2', 'r3']);
  });

  it.each([
    [
      ['--key-id', 'alice'],
      ['r1', 'r3'],
    ],
    [
      ['--target', 'phi'],
      ['r2', 'r3'],
    ],
    [['--decision', 'block'], ['r2']],
    [
      ['--from', '2026-11-24T09:00:00Z'],
      ['r2', 'r3'],
    ],
    [['--from', '2026-11-24T08:00:00Z', '--to', '2026-11-24T09:00:00Z'], ['r1']],
  ])('queries %j', async (args, expected) => {
    const dir = await sampleLog();
    const { code, stdout, stderr } = await runKt(['audit', 'query', ...args], { cwd: dir });
    expect(code).toBe(0);
    expect(ids(stdout)).toEqual(expected);
    expect(stderr).toBe(`${expected.length} record${expected.length === 1 ? '' : 's'}`);
  });

  it('refuses a bad time or decision with a usage error', async () => {
    const dir = await sampleLog();
    expect((await runKt(['audit', 'query', '--from', 'yesterday'], { cwd: dir })).stderr).toContain(
      '--from "yesterday"',
    );
    expect((await runKt(['audit', 'query', '--decision', 'deny'], { cwd: dir })).code).toBe(2);
  });
});
