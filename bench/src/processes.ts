// The child processes a benchmark starts (stub upstream, gateways, peers): a free port, a start that
// waits until the process answers, a stop that lets it drain, and a SIGKILL for any still running
// when the benchmark exits.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** A URL polled until it answers with a status `ready` accepts. */
  ready: string;
  /** Which status means ready; default any 2xx. */
  readyStatus?: (status: number) => boolean;
  /** Default 20 s. */
  timeoutMs?: number;
}

/** Starts `command` and resolves once `ready` answers; rejects with its last stderr if it exits or never does. */
export async function startProcess(
  command: string,
  args: string[],
  options: StartOptions,
): Promise<ChildProcess> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let errors = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    errors = (errors + d).slice(-4000);
  });
  const accepts = options.readyStatus ?? ((status: number) => status >= 200 && status < 300);
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const name = [command, ...args].join(' ');
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}\n${errors}`);
    try {
      const response = await fetch(options.ready);
      await response.arrayBuffer();
      if (accepts(response.status)) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer ${options.ready}\n${errors}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a Node.js script pinned to CPU `pin` (`taskset -c`). */
export function startPinned(pin: string, args: string[], options: StartOptions): Promise<ChildProcess> {
  return startProcess('taskset', ['-c', pin, process.execPath, ...args], options);
}

/** SIGTERM, then SIGKILL after `graceMs` (default 10 s); resolves once the process has exited. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every process still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child)));
}
