// Instructions per request on the gateway's event-loop thread (issue #14), counted by valgrind's
// callgrind. Unlike requests/s or CPU time, the count does not depend on what else the machine is
// doing, so it is the figure to compare before and after a change on a shared machine.
//
//   pnpm --filter @keeptrusts/bench instructions        (after pnpm build; needs valgrind)
//
// For each subject (the seed's whole chain with the immutable audit log, its rules alone, no
// policies): starts the stub upstream, starts the built `kt gateway run` under
// `valgrind --tool=callgrind --instr-atstart=no --separate-threads=yes`, sends WARMUP requests,
// switches instrumentation on (`callgrind_control -i on`), sends REQUESTS more at CONNECTIONS,
// dumps, and divides the main thread's instruction total by REQUESTS. V8's compiler and GC
// helper threads are left out: within a short window they depend on when V8 decides to optimise or
// collect, not on the request path. ONLY (comma list of full, rules, none) picks subjects.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { freePort, startProcess, stopProcess } from './processes.ts';

const warmup = Number(process.env.WARMUP ?? 300);
const requests = Number(process.env.REQUESTS ?? 300);
const connections = Number(process.env.CONNECTIONS ?? 8);
const only = process.env.ONLY?.split(',').map((s) => s.trim());
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../..');
const run = promisify(execFile);

const scratch = await mkdtemp(join(tmpdir(), 'kt-bench-instructions-'));
/** Starts `command` (the stub, or the gateway under valgrind, which starts some 30× slower). */
const start = (command: string, args: string[], cwd: string, ready: string) =>
  startProcess(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', KT_LOG_LEVEL: 'warn' },
    ready,
    timeoutMs: 180_000,
  });

const body = JSON.stringify({
  model: 'llama3.3',
  messages: [
    { role: 'user', content: 'Please summarise: my email is jane.doe@example.com and I need help.' },
  ],
});

async function send(url: string, amount: number): Promise<void> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    amount,
    timeout: 60,
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${failed} of ${amount} requests failed`);
}

const stubPort = await freePort();
const stub = await start(
  process.execPath,
  [join(here, 'stub-upstream.ts'), String(stubPort)],
  scratch,
  `http://127.0.0.1:${stubPort}/`,
);
const cli = join(
  dirname(createRequire(import.meta.url).resolve('@keeptrusts/gateway/package.json')),
  'dist/cli.js',
);
const seed = join(repo, 'examples/seed-configs/local-data-policy.yaml');
const targets = `providers:\n  targets:\n    - id: llama\n      provider: ollama:chat:llama3.3\n      base_url: http://127.0.0.1:${stubPort}\n`;
const audit = `policies:\n  chain:\n    - audit-logger\npolicy:\n  audit-logger:\n    immutable: true\n    log_all_access: true\n    path: ./audit\n`;
const subjects = [
  { key: 'full', name: 'seed chain + immutable audit log', text: targets + audit, seed: true },
  { key: 'rules', name: 'seed rules, no audit log', text: targets, seed: true },
  { key: 'none', name: 'no policies', text: targets, seed: false },
].filter((s) => only === undefined || only.includes(s.key));

const rows: string[] = [];
for (const subject of subjects) {
  const dir = join(scratch, subject.key);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'gateway.yaml'), subject.text);
  const port = await freePort();
  const out = join(dir, 'callgrind.out');
  const gateway = await start(
    'valgrind',
    [
      '--tool=callgrind',
      '--instr-atstart=no',
      '--separate-threads=yes',
      `--callgrind-out-file=${out}`,
      process.execPath,
      cli,
      'gateway',
      'run',
      '--listen',
      `127.0.0.1:${port}`,
      '--policy-config',
      'gateway.yaml',
      ...(subject.seed ? ['--policy-config', seed] : []),
    ],
    dir,
    `http://127.0.0.1:${port}/healthz`,
  );
  const url = `http://127.0.0.1:${port}/v1/chat/completions`;
  await send(url, warmup);
  await run('callgrind_control', ['-i', 'on', String(gateway.pid)]);
  await send(url, requests);
  await run('callgrind_control', ['-d', String(gateway.pid)]);
  await run('callgrind_control', ['-i', 'off', String(gateway.pid)]);
  // The dump of the main thread is the one whose name ends in -01, and the first of them.
  const dumps = (await readdir(dir)).filter((f) => f.startsWith('callgrind.out') && f.endsWith('-01')).sort();
  const text = await readFile(join(dir, dumps[0]!), 'utf8');
  const total = Number(/^summary:\s+(\d+)/m.exec(text)?.[1] ?? /^totals:\s+(\d+)/m.exec(text)?.[1]);
  await stopProcess(gateway, 60_000);
  const perRequest = Math.round(total / requests);
  console.log(`${subject.name}: ${perRequest.toLocaleString('en')} instructions/request`);
  rows.push(`| ${subject.name} | ${perRequest.toLocaleString('en')} |`);
}
await stopProcess(stub);
await rm(scratch, { recursive: true, force: true });

console.log(
  `\ncallgrind, main thread, ${requests} requests after ${warmup} of warm-up, ${connections} connections, node ${process.version}\n`,
);
console.log('| subject | instructions per request |\n| --- | ---: |');
for (const row of rows) console.log(row);
