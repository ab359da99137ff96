import { randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditLogError } from './errors.js';

/** The lock's file name inside the log directory. */
export const LOCK_FILE = 'LOCK';

/** Who holds a log directory, as written in its LOCK file. */
export interface LockHolder {
  pid: number;
  host: string;
  started_at: string;
  /** Linux only: the kernel's boot id, so a lock left before a reboot is known to be stale. */
  boot_id?: string;
  /** Linux only: the holder's start time in clock ticks since boot, so a reused pid is not taken for it. */
  process_start?: string;
}

/** A held lock on a log directory. */
export interface DirectoryLock {
  readonly holder: LockHolder;
  /** Set when the lock was taken over from a writer that is gone (killed, or the host rebooted). */
  readonly tookOverFrom: LockHolder | undefined;
  /** Removes LOCK if it is still this lock's. Idempotent. */
  release(): Promise<void>;
}

/** The `lock_id`s of the locks this process holds or is taking. */
const ownLocks = new Set<string>();

/**
 * Takes the LOCK of a log directory, so that one writer at a time appends to its chain. LOCK is
 * created atomically with its content (written to a temp file, then hard-linked into place, which
 * fails if LOCK exists). A lock whose holder is gone is taken over: a dead pid on this host, a
 * pid reused by another process, a lock from before the last reboot, or one this process left
 * behind under the same pid (a container restarted as pid 1). Throws `locked` naming the
 * directory and the holder otherwise, including when the holder is on another host (a shared
 * file system), which cannot be checked from here.
 */
export async function lockAuditDirectory(dir: string): Promise<DirectoryLock> {
  const path = join(dir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    started_at: new Date().toISOString(),
  };
  const bootId = await readBootId();
  const start = await processStart(process.pid);
  if (bootId !== undefined) holder.boot_id = bootId;
  if (start !== undefined) holder.process_start = start;
  // lock_id tells this lock from any other, even one of the same process taken in the same millisecond.
  const id = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const text = `${JSON.stringify({ ...holder, lock_id: id })}\n`;
  const temp = join(dir, `${LOCK_FILE}.${id}.tmp`);
  await writeFile(temp, text, { flag: 'wx' });
  ownLocks.add(id);
  let tookOverFrom: LockHolder | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      if (attempt === 100) {
        throw new AuditLogError(
          'locked',
          `audit log ${dir}: could not take ${LOCK_FILE}; other writers keep starting at the same moment`,
        );
      }
      if (await linkNew(temp, path)) break;
      const current = await readHolder(path);
      if (current === undefined) continue;
      const state = await holderState(current, bootId);
      if (state !== 'gone') throw lockedError(dir, current.holder, state);
      const outcome = await takeOver(path, temp, current, bootId);
      if (outcome === 'taken') {
        tookOverFrom = current.holder;
        break;
      }
      await sleep(5 + attempt);
    }
  } catch (error) {
    ownLocks.delete(id);
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  let released = false;
  return {
    holder,
    tookOverFrom,
    async release() {
      if (released) return;
      released = true;
      const current = await readFile(path, 'utf8').catch(() => undefined);
      if (current === text) await unlink(path).catch(() => undefined);
      ownLocks.delete(id);
    },
  };
}

/** Hard-links `from` to `to` unless `to` exists: creates a file with its whole content, exclusively. */
async function linkNew(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Replaces a stale LOCK with ours. Only the holder of `LOCK.takeover` may delete a LOCK it did
 * not write, and only after checking it is still the stale one, so two writers starting at once
 * cannot each delete the lock the other just took.
 */
async function takeOver(
  path: string,
  temp: string,
  stale: LockFile,
  bootId: string | undefined,
): Promise<'taken' | 'retry'> {
  const guard = `${path}.takeover`;
  if (!(await linkNew(temp, guard))) {
    // A takeover under way, or one cut short by a crash, whose guard must go.
    const other = await readHolder(guard);
    if (other !== undefined && (await holderState(other, bootId)) === 'gone') {
      const again = await readFile(guard, 'utf8').catch(() => undefined);
      if (again === other.text) await unlink(guard).catch(() => undefined);
    }
    return 'retry';
  }
  try {
    const current = await readHolder(path);
    if (current?.text !== stale.text) return 'retry';
    await unlink(path);
    return (await linkNew(temp, path)) ? 'taken' : 'retry';
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/** Reads a directory's LOCK without taking it; undefined when there is none or it is unreadable. */
export async function readLockHolder(dir: string): Promise<LockHolder | undefined> {
  return (await readHolder(join(dir, LOCK_FILE)))?.holder;
}

interface LockFile {
  holder: LockHolder;
  id: string | undefined;
  text: string;
}

async function readHolder(path: string): Promise<LockFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  // LOCK only ever appears whole (it is linked into place), so a garbled one was left by a crash.
  const holder: LockHolder = {
    pid: typeof v.pid === 'number' && Number.isSafeInteger(v.pid) && v.pid > 0 ? v.pid : 0,
    host: typeof v.host === 'string' ? v.host : hostname(),
    started_at: typeof v.started_at === 'string' ? v.started_at : 'an unknown time',
  };
  if (typeof v.boot_id === 'string') holder.boot_id = v.boot_id;
  if (typeof v.process_start === 'string') holder.process_start = v.process_start;
  return { holder, id: typeof v.lock_id === 'string' ? v.lock_id : undefined, text };
}

type HolderState = 'gone' | 'running' | 'this_process' | 'other_host';

async function holderState(lock: LockFile, bootId: string | undefined): Promise<HolderState> {
  const { holder } = lock;
  if (holder.host !== hostname()) return 'other_host';
  if (holder.pid === 0) return 'gone';
  if (holder.boot_id !== undefined && bootId !== undefined && holder.boot_id !== bootId) return 'gone';
  if (holder.pid === process.pid) {
    return lock.id !== undefined && ownLocks.has(lock.id) ? 'this_process' : 'gone';
  }
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
  }
  if (holder.process_start !== undefined) {
    const start = await processStart(holder.pid);
    if (start !== undefined && start !== holder.process_start) return 'gone';
  }
  return 'running';
}

function lockedError(dir: string, holder: LockHolder, state: HolderState): AuditLogError {
  const who = `pid ${holder.pid} on ${holder.host}, since ${holder.started_at}`;
  const message =
    state === 'this_process'
      ? `audit log ${dir} is already being written by this process (pid ${holder.pid}): ` +
        'two audit sinks in one gateway must not share a path'
      : state === 'other_host'
        ? `audit log ${dir} is locked by ${who}, which cannot be checked from ${hostname()}: ` +
          `if no gateway writes there any more, delete ${join(dir, LOCK_FILE)}; otherwise give this gateway its own path`
        : `audit log ${dir} is in use by another writer (${who}): two writers would fork the ` +
          'hash chain; stop that one first, or give this gateway its own path';
  return new AuditLogError('locked', message);
}

async function readBootId(): Promise<string | undefined> {
  try {
    return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Linux: field 22 of /proc/<pid>/stat (start time in clock ticks since boot); undefined elsewhere. */
async function processStart(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
