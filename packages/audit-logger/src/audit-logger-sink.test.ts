import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { AuditRecord, AuditSink } from '@keeptrusts/core';
import { findPostgresBinDir, type PostgresServer, startPostgresServer } from '@keeptrusts/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogger } from './audit-logger-sink.js';
import { auditLoggerConfigSchema } from './config.js';
import { LOCK_FILE } from './directory-lock.js';
import { verifyPostgresAudit } from './postgres-verify.js';
import { readAuditRecords } from './query.js';
import { fakeClock, useTempDirs } from './test-support/temp-dir.js';
import { verifyAuditLog } from './verify.js';

function record(status: number, extra: Partial<AuditRecord> = {}): AuditRecord {
  return {
    time: '2026-11-24T10:00:00.000Z',
    request_id: `req_${status}_${Math.random()}`,
    key_id: null,
    client: '127.0.0.1',
    method: 'POST',
    endpoint: '/v1/chat/completions',
    target: 'llama',
    model: 'llama3.3',
    stream: false,
    status,
    error_code: status >= 400 ? 'invalid_request_error' : null,
    decisions: [],
    latency_ms: 1,
    ttfb_ms: 1,
    usage: null,
    finish_reason: null,
    prompt: 'My SSN is [REDACTED:SSN]',
    answer: 'noted',
    ...extra,
  };
}

async function sinkFor(
  settings: object,
  dir: string,
  env: Record<string, string> = {},
  warn?: (message: string) => void,
): Promise<AuditSink> {
  const config = auditLoggerConfigSchema.parse({ path: './audit', ...settings });
  return auditLogger.create(config, {
    baseDir: dir,
    env: (n) => env[n],
    now: fakeClock('2026-11-24T10:00:00Z').now,
    ...(warn === undefined ? {} : { warn }),
  });
}

async function stored(dir: string) {
  const out: Record<string, unknown>[] = [];
  for await (const r of readAuditRecords(`${dir}/audit`)) out.push(r as Record<string, unknown>);
  return out;
}

describe('the audit-logger sink (file)', () => {
  const tempDir = useTempDirs();

  it('records only served requests without log_all_access, and drops prompt and answer without log_content', async () => {
    const dir = await tempDir();
    const sink = await sinkFor({}, dir);
    for (const status of [200, 401, 400, 502, 200]) sink.append(record(status));
    await sink.close();
    const records = await stored(dir);
    expect(records.map((r) => r.status)).toEqual([200, 200]);
    expect(records[0]).not.toHaveProperty('prompt');
    expect(records[0]).not.toHaveProperty('answer');
    expect((await verifyAuditLog(`${dir}/audit`)).ok).toBe(true);
  });

  it('records everything with log_all_access, and the redacted texts with log_content', async () => {
    const dir = await tempDir();
    const sink = await sinkFor({ log_all_access: true, log_content: true }, dir);
    for (const status of [200, 401, 400]) sink.append(record(status));
    await sink.close();
    const records = await stored(dir);
    expect(records.map((r) => r.status)).toEqual([200, 401, 400]);
    expect(records[0]).toMatchObject({ prompt: 'My SSN is [REDACTED:SSN]', answer: 'noted' });
  });

  it('fails closed by default when immutable, open otherwise', async () => {
    const dir = await tempDir();
    const immutable = await sinkFor({ immutable: true }, dir);
    expect(immutable.failClosed).toBe(true);
    await immutable.close();
    const plain = await sinkFor({}, await tempDir());
    expect(plain.failClosed).toBe(false);
    await plain.close();
    expect(await readdir(dir)).toContain('audit');
  });

  it('holds its directory until closed: a second sink on it is refused', async () => {
    const dir = await tempDir();
    const first = await sinkFor({}, dir);
    await expect(sinkFor({}, dir)).rejects.toMatchObject({ code: 'locked' });
    await first.close();
    await (await sinkFor({}, dir)).close();
  });

  it('tells the operator what it handled on opening: a stale lock, a torn tail, missing records', async () => {
    const dir = await tempDir();
    const first = await sinkFor({ log_all_access: true }, dir);
    for (const status of [200, 200, 200]) first.append(record(status));
    await first.close();
    const segment = join(dir, 'audit', 'audit-2026-11-24.jsonl');
    const lines = (await readFile(segment, 'utf8')).split('\n');
    await writeFile(segment, `${lines[0]}\n{"torn`);
    await writeFile(join(dir, 'audit', LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname() }));
    const warnings: string[] = [];
    const sink = await sinkFor({}, dir, {}, (m) => warnings.push(m));
    await sink.close();
    const where = `audit log ${join(dir, 'audit')}`;
    expect(warnings).toEqual([
      expect.stringContaining(`${where}: took over the LOCK left by pid ${process.pid} on ${hostname()}`),
      expect.stringContaining(`${where}: moved a torn last line (6 bytes) of audit-2026-11-24.jsonl`),
      `${where}: head.json says seq 3 but the log ends at seq 1: the newest records are missing; ` +
        'the next record notes it, and kt audit verify reports it',
    ]);
  });

  it('needs its HMAC key variable when hmac_key_env is set', async () => {
    await expect(sinkFor({ hmac_key_env: 'KT_AUDIT_HMAC_KEY' }, await tempDir())).rejects.toThrow(
      'KT_AUDIT_HMAC_KEY',
    );
  });
});

const binDir = findPostgresBinDir();
describe.skipIf(binDir === undefined)(
  binDir === undefined
    ? 'the audit-logger sink (postgres) — SKIPPED: no PostgreSQL binaries'
    : 'the audit-logger sink (postgres)',
  () => {
    let server: PostgresServer | undefined;
    beforeAll(async () => {
      server = await startPostgresServer(binDir!);
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
    });

    it('writes a verifiable chain per instance, with the URL taken from the named variable', async () => {
      const sink = await sinkFor(
        {
          sink: 'postgres',
          postgres_url_env: 'KT_AUDIT_DATABASE_URL',
          instance_id: 'gw-a',
          log_all_access: true,
        },
        '/nonexistent',
        { KT_AUDIT_DATABASE_URL: server!.url },
      );
      for (const status of [200, 401, 200]) sink.append(record(status));
      await sink.close();
      const pool = new pg.Pool({ connectionString: server!.url });
      try {
        expect(await verifyPostgresAudit(pool, { instanceId: 'gw-a' })).toMatchObject({
          ok: true,
          records: 3,
        });
      } finally {
        await pool.end();
      }
    });

    it('refuses to start when the URL variable is not set', async () => {
      await expect(
        sinkFor({ sink: 'postgres', postgres_url_env: 'KT_AUDIT_DATABASE_URL' }, '/nonexistent'),
      ).rejects.toThrow('KT_AUDIT_DATABASE_URL, which is not set');
    });
  },
);
