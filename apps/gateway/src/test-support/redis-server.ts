import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** The Redis the machine (and CI) runs; tests fail, not skip, when it does not answer. */
export const REDIS_URL = process.env.KT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test file uses, so parallel files never share a budget. */
export function uniquePrefix(name: string): string {
  return `kt:test:${name}:${randomUUID()}:`;
}

/** Throws a message naming the fix when the machine's Redis does not answer PING. */
export async function requireRedis(url: string = REDIS_URL): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000 });
  // The failure reaches the caller through connect(); the event would only repeat it.
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `these tests need Redis at ${url} (${(error as Error).message}); start it with redis-server --daemonize yes`,
    );
  } finally {
    redis.disconnect();
  }
}

/** A free TCP port on 127.0.0.1 (free when asked; another process may take it later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A throw-away redis-server of our own, to stop and start again in outage tests. */
export interface OwnRedis {
  url: string;
  port: number;
  /** Starts (or restarts) it on the same port and resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops it (SIGKILL) and resolves once it exited. */
  stop(): Promise<void>;
}

/** Prepares a redis-server (the Debian package's binary) on a free port; call `start()`. */
export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    port,
    async start() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      const spawned = child;
      const failed = new Promise<never>((_, reject) => {
        spawned.once('error', (error) => reject(new Error(`cannot start redis-server: ${error.message}`)));
        spawned.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
      });
      // It rejects again when stop() kills the server; that is no failure of start().
      failed.catch(() => {});
      const deadline = Date.now() + 10_000;
      for (;;) {
        try {
          await Promise.race([requireRedis(url), failed]);
          return;
        } catch (error) {
          if (Date.now() > deadline || (error as Error).message.startsWith('redis-server')) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    },
    async stop() {
      const running = child;
      if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGKILL');
      await exited;
    },
  };
}
