import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileAuditLog } from '@keeptrusts/audit-logger';
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

describe('kt audit', () => {
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
