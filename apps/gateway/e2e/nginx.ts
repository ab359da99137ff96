import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** deploy/nginx/nginx.conf, the configuration operators start from. */
export const deployedNginxConf = join(import.meta.dirname, '../../../deploy/nginx/nginx.conf');

/** Debian's nginx binary (apt-get install nginx), or one on PATH; throws naming the fix when none. */
export function findNginx(): string {
  const dirs = ['/usr/sbin', '/usr/local/sbin', '/sbin', ...(process.env.PATH ?? '').split(delimiter)];
  for (const dir of dirs) {
    if (dir !== '' && existsSync(join(dir, 'nginx'))) return join(dir, 'nginx');
  }
  throw new Error(
    'these tests need nginx: install it (apt-get install -y nginx); it is run as a child process, never as the service',
  );
}

/**
 * deploy/nginx/nginx.conf with its upstream servers and listen port replaced, one worker, every
 * file under `prefix`, and an `X-Upstream` header naming the gateway that answered (or failed).
 */
export async function testNginxConf(options: {
  upstreams: readonly string[];
  port: number;
  prefix: string;
}): Promise<string> {
  let conf = await readFile(deployedNginxConf, 'utf8');
  // Each gateway gets the failover settings of the file's first server line.
  const settings = / {4}server \d+\.\d+\.\d+\.\d+:\d+ ([^;\n]*);/.exec(conf)?.[1] ?? '';
  const servers = options.upstreams.map((u) => `    server ${u} ${settings};`).join('\n');
  conf = conf.replace(/( {4}server \d+\.\d+\.\d+\.\d+:\d+ [^\n]*\n)+/, `${servers}\n`);
  conf = conf.replace(/listen 8080;/, `listen 127.0.0.1:${options.port};`);
  conf = conf.replace('worker_processes auto;', 'worker_processes 1;');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `  ${name}_temp_path ${join(options.prefix, `${name}_temp`)};`)
    .join('\n');
  conf = conf.replace('http {\n', `http {\n${temp}\n`);
  conf = conf.replace('location / {\n', 'location / {\n      add_header X-Upstream $upstream_addr always;\n');
  if (!conf.includes(servers) || !conf.includes(`listen 127.0.0.1:${options.port};`)) {
    throw new Error(
      'deploy/nginx/nginx.conf no longer has the upstream servers and listen line the tests replace',
    );
  }
  return conf;
}

/** nginx running in the foreground as a child process, with its configuration and files in a temp prefix. */
export interface RunningNginx {
  url: string;
  /** Rewrites the configuration with these upstreams and reloads it (SIGHUP to the master). */
  setUpstreams(upstreams: readonly string[]): Promise<void>;
  logs(): Promise<string>;
  stop(): Promise<void>;
}

/** Runs `nginx -t` on a configuration file, resolving with its output; rejects when the test fails. */
export async function checkNginxConf(file: string, prefix: string): Promise<string> {
  const proc = spawn(findNginx(), [
    '-t',
    '-p',
    prefix,
    '-c',
    file,
    '-g',
    `pid ${join(prefix, 'nginx.pid')}; error_log stderr;`,
  ]);
  let output = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  proc.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const code = await new Promise<number | null>((resolve) => proc.once('close', resolve));
  if (code !== 0) throw new Error(`nginx -t failed (${code}):\n${output}`);
  return output;
}

/** Starts nginx (not as a daemon) in front of `upstreams` on `port`. */
export async function startNginx(upstreams: readonly string[], port: number): Promise<RunningNginx> {
  const nginx = findNginx();
  const prefix = await mkdtemp(join(tmpdir(), 'kt-nginx-'));
  const file = join(prefix, 'nginx.conf');
  await writeFile(file, await testNginxConf({ upstreams, port, prefix }));
  await checkNginxConf(file, prefix);
  const errorLog = join(prefix, 'error.log');
  const proc: ChildProcess = spawn(
    nginx,
    [
      '-p',
      prefix,
      '-c',
      file,
      '-g',
      `daemon off; pid ${join(prefix, 'nginx.pid')}; error_log ${errorLog} warn;`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => proc.once('close', () => resolve()));
  await waitForPort(port, 10_000, () => (proc.exitCode !== null ? `nginx exited: ${stderr}` : undefined));
  return {
    url: `http://127.0.0.1:${port}`,
    async setUpstreams(next) {
      await writeFile(file, await testNginxConf({ upstreams: next, port, prefix }));
      await checkNginxConf(file, prefix);
      proc.kill('SIGHUP');
      // The master starts new workers and lets the old ones finish what they serve.
      await new Promise((resolve) => setTimeout(resolve, 300));
    },
    logs: () => readFile(errorLog, 'utf8').catch(() => ''),
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, timeoutMs: number, failed: () => string | undefined): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const why = failed();
    if (why !== undefined) throw new Error(why);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
