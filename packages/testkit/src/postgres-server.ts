import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// runuser and useradd live in sbin, which a minimal PATH (CI's, cron's) may leave out.
function systemTool(name: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  for (const dir of dirs) {
    if (dir !== '' && existsSync(join(dir, name))) return join(dir, name);
  }
  return name;
}

/**
 * Finds a directory holding PostgreSQL's `initdb`, `pg_ctl` and `postgres`: `$KT_TEST_PG_BINDIR`,
 * Debian's `/usr/lib/postgresql/<version>/bin` (newest first), then `$PATH`. Undefined if none.
 */
export function findPostgresBinDir(): string | undefined {
  const has = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)));
  const candidates: string[] = [];
  if (process.env.KT_TEST_PG_BINDIR) candidates.push(process.env.KT_TEST_PG_BINDIR);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(debian, v, 'bin'));
  }
  candidates.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  return candidates.find(has);
}

/** A throwaway PostgreSQL server. */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth). */
  url: string;
  /** Stops the server, keeping its data, as an outage would; `resume` starts it again on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a private PostgreSQL server: initdb in a temp dir, pg_ctl start on a free 127.0.0.1
 * port with the socket in that dir. As root (where initdb refuses to run) it runs the server as
 * the `postgres` system user, creating that user if missing.
 */
export async function startPostgresServer(binDir: string): Promise<PostgresServer> {
  const root = await mkdtemp(join(tmpdir(), 'kt-audit-pg-'));
  const asUser = await serverUser(root);
  const data = join(root, 'data');
  const log = join(root, 'server.log');
  const exec = (bin: string, args: string[]) => {
    const command = [join(binDir, bin), ...args];
    return asUser === undefined
      ? run(command[0]!, command.slice(1), { timeout: 120_000 })
      : run(systemTool('runuser'), ['-u', asUser, '--', ...command], { timeout: 120_000 });
  };
  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '-N']);
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
      try {
        await exec('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', serverOptions, 'start']);
        return {
          url: `postgres://postgres@127.0.0.1:${port}/postgres`,
          async pause() {
            await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
          },
          async resume() {
            await exec('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', serverOptions, 'start']);
          },
          async stop() {
            await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
            await rm(root, { recursive: true, force: true });
          },
        };
      } catch (error) {
        lastError = error; // most likely the port was taken in between; try another
      }
    }
    const serverLog = await readFile(log, 'utf8').catch(() => '');
    throw new Error(`pg_ctl start failed 3 times: ${(lastError as Error).message}\n${serverLog}`);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

async function serverUser(root: string): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => {
    const { stdout: uid } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  };
  let owner: { uid: number; gid: number };
  try {
    owner = await ids();
  } catch {
    await run(systemTool('useradd'), [
      '--system',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    owner = await ids();
  }
  await chown(root, owner.uid, owner.gid);
  return 'postgres';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
