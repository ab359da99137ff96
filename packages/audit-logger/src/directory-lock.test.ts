import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockAuditDirectory, readLockHolder } from './directory-lock.js';
import { createFileAuditLog } from './segment-writer.js';
import { useTempDirs } from './test-support/temp-dir.js';
import { verifyAuditLog } from './verify.js';

/** A process that stays alive until the test ends: another writer's pid. */
const children: ChildProcess[] = [];
function aliveProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

async function writeLock(dir: string, holder: object): Promise<void> {
  await writeFile(
    join(dir, LOCK_FILE),
    JSON.stringify({ started_at: '2025-01-01T00:00:00.000Z', ...holder }),
  );
}

describe('the audit directory lock', () => {
  const tempDir = useTempDirs();

  it('is held by an open writer, names it, and goes when the writer closes', async () => {
    const dir = await tempDir();
    const log = await createFileAuditLog({ dir });
    expect(await readLockHolder(dir)).toMatchObject({ pid: process.pid, host: hostname() });
    await log.close();
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
    await (await createFileAuditLog({ dir })).close();
  });

  it('refuses a second writer in the same process', async () => {
    const dir = await tempDir();
    const log = await createFileAuditLog({ dir });
    await expect(createFileAuditLog({ dir })).rejects.toMatchObject({
      code: 'locked',
      message: expect.stringContaining(`audit log ${dir} is already being written by this process`),
    });
    log.append({ n: 1 });
    await log.close();
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 1 });
  });

  it('refuses a writer while another live process holds the directory, naming the directory and the pid', async () => {
    const dir = await tempDir();
    const pid = aliveProcess();
    await writeLock(dir, { pid, host: hostname() });
    await expect(createFileAuditLog({ dir })).rejects.toMatchObject({
      code: 'locked',
      message: expect.stringContaining(
        `audit log ${dir} is in use by another writer (pid ${pid} on ${hostname()}`,
      ),
    });
    // Refused before it touched anything: no head.json, the lock still the other's.
    expect(await readdir(dir)).toEqual([LOCK_FILE]);
    expect(await readLockHolder(dir)).toMatchObject({ pid });
  });

  it('refuses a lock held from another host, saying how to clear it', async () => {
    const dir = await tempDir();
    await writeLock(dir, { pid: 1, host: 'elsewhere.example' });
    await expect(lockAuditDirectory(dir)).rejects.toThrow(
      `locked by pid 1 on elsewhere.example, since 2025-01-01T00:00:00.000Z, which cannot be checked from ${hostname()}: ` +
        `if no gateway writes there any more, delete ${join(dir, LOCK_FILE)}`,
    );
  });

  it.each([
    { name: 'a pid that has exited', holder: async () => ({ pid: await deadPid(), host: hostname() }) },
    {
      name: 'this pid, not held in this process (a container restarted as the same pid)',
      holder: async () => ({ pid: process.pid, host: hostname() }),
    },
    {
      name: 'a live pid whose process started at another time (the pid was reused)',
      holder: async () => ({ pid: aliveProcess(), host: hostname(), process_start: '1' }),
    },
  ])('takes over a stale lock from $name, and says so', async ({ holder }) => {
    const dir = await tempDir();
    const stale = await holder();
    await writeLock(dir, stale);
    const log = await createFileAuditLog({ dir });
    expect(log.lockTakenOverFrom).toMatchObject(stale);
    expect(await readLockHolder(dir)).toMatchObject({ pid: process.pid });
    await log.close();
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });

  it('takes over a garbled lock (a crash while it was written)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), '');
    const lock = await lockAuditDirectory(dir);
    expect(lock.tookOverFrom).toMatchObject({ pid: 0 });
    await lock.release();
  });

  it('does not remove a lock that is no longer its own when released', async () => {
    const dir = await tempDir();
    const lock = await lockAuditDirectory(dir);
    await writeLock(dir, { pid: 4242, host: 'elsewhere.example' });
    await lock.release();
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: 4242 });
  });

  it('lets one of several writers starting at once take the directory', async () => {
    const dir = await tempDir();
    await writeLock(dir, { pid: await deadPid(), host: hostname() });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createFileAuditLog({ dir })));
    const opened = results.filter((r) => r.status === 'fulfilled');
    expect(opened).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => r.reason.code)).toEqual(
      Array(4).fill('locked'),
    );
    await opened[0]!.value.close();
  });
});
