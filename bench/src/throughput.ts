// Throughput per core (issue #14): this gateway with the seed's whole chain and the immutable audit
// log, the same gateway with no policies, Portkey's open-source gateway, and the stub upstream
// alone. Each subject is its own process pinned to one core (`taskset`), in front of the same stub
// upstream (bench/src/stub-upstream.ts), driven by autocannon from this process on the other core:
// the same connections, duration and body for all. Reports requests/s, the subject's CPU time per
// request (from /proc, so it holds on a machine shared with other work, where requests/s does not),
// p50/p99 latency, the latency it adds at one connection over calling the stub directly, and its
// peak RSS under 64 connections; writes the table into bench/README.md between its markers.
//
//   pnpm bench                      (at the repository root; builds first; Linux, needs taskset)
//
// SECONDS (10) per run after WARMUP_SECONDS (10) of warm-up, CONNECTIONS (16), REPEAT (1) runs at
// CONNECTIONS, of which the one with the least CPU per request is kept, QUICK=1 for those runs
// alone (no c=1 and c=64 runs; while optimising), RSS_SECONDS (10) for the 64-connection run,
// CORE (1) for the subject and LOAD_CORE (0) for autocannon and the upstream, ONLY (a comma list
// of subject keys: stub, bare, full, none, portkey, and the ablations rules, audit and bare-http
// (the floor with node:http's client), which run only when named), PORTKEY_VERSION (latest),
// GATEWAY_NODE_FLAGS (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof; the gateway ends on SIGTERM, so
// the profile is written),
// README=0 to leave bench/README.md alone.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startPinned, stopAll, stopProcess } from './processes.ts';

const seconds = Number(process.env.SECONDS ?? 10);
// The seed chain needs more than 2 s under load to settle: its first 10 s after a 2 s warm-up ran at
// 0.68 ms of CPU a request, the next three runs at 0.38–0.40 ms.
const warmupSeconds = Number(process.env.WARMUP_SECONDS ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 16);
const rssSeconds = Number(process.env.RSS_SECONDS ?? 10);
const core = process.env.CORE ?? '1';
const loadCore = process.env.LOAD_CORE ?? '0';
const only = process.env.ONLY?.split(',').map((s) => s.trim());
const portkeyVersion = process.env.PORTKEY_VERSION ?? 'latest';
const repeat = Number(process.env.REPEAT ?? 1);
const quick = process.env.QUICK === '1';
const gatewayFlags = process.env.GATEWAY_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../..');
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

// autocannon and the upstream share the load core; each subject has the other to itself.
execFileSync('taskset', ['-a', '-cp', loadCore, String(process.pid)], { stdio: 'ignore' });

const scratch = await mkdtemp(join(tmpdir(), 'kt-bench-throughput-'));
/** CPU seconds (user + system) the process used so far. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
}

interface Target {
  url: string;
  headers: Record<string, string>;
  body: string;
}

interface Run {
  rps: number;
  mean: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number;
  rssPeak: number;
  rssStart: number;
  rssEnd: number;
}

/** One autocannon run against `target`, with the subject's CPU time and RSS over it. */
async function measure(pid: number, target: Target, c: number, duration: number): Promise<Run> {
  const rss: number[] = [];
  const sampler = setInterval(() => {
    rssMiB(pid).then(
      (v) => rss.push(v),
      () => undefined,
    );
  }, 500);
  const cpuBefore = await cpuSeconds(pid);
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    connections: c,
    duration,
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
  });
  const cpuAfter = await cpuSeconds(pid);
  clearInterval(sampler);
  rss.push(await rssMiB(pid));
  const done = result.requests.total;
  return {
    rps: result.requests.average,
    mean: result.latency.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    cpuMsPerRequest: done === 0 ? Number.NaN : ((cpuAfter - cpuBefore) * 1000) / done,
    rssPeak: Math.max(...rss),
    rssStart: rss[0] ?? Number.NaN,
    rssEnd: rss.at(-1) ?? Number.NaN,
  };
}

interface Row {
  key: string;
  name: string;
  load: Run;
  single: Run;
  wide: Run;
}

const messages = [
  { role: 'user', content: 'Please summarise: my email is jane.doe@example.com and I need help.' },
];
const openaiBody = JSON.stringify({ model: 'llama3.3', messages });
const ollamaBody = JSON.stringify({ model: 'llama3.3', messages, stream: false });

async function runSubject(key: string, name: string, pid: number, target: Target): Promise<Row> {
  process.stderr.write(`${name}: warming up for ${warmupSeconds} s\n`);
  await measure(pid, target, connections, warmupSeconds);
  // Of several runs the least CPU per request is the one least disturbed by other work.
  let load: Run | undefined;
  for (let i = 0; i < repeat; i++) {
    process.stderr.write(`${name}: ${connections} connections, ${seconds} s\n`);
    const run = await measure(pid, target, connections, seconds);
    process.stderr.write(`  ${run.rps.toFixed(0)} req/s, ${run.cpuMsPerRequest.toFixed(3)} CPU ms/request\n`);
    if (load === undefined || run.cpuMsPerRequest < load.cpuMsPerRequest) load = run;
  }
  if (quick) return { key, name, load: load!, single: load!, wide: load! };
  process.stderr.write(`${name}: 1 connection, ${Math.min(seconds, 5)} s\n`);
  const single = await measure(pid, target, 1, Math.min(seconds, 5));
  process.stderr.write(`${name}: 64 connections, ${rssSeconds} s\n`);
  const wide = await measure(pid, target, 64, rssSeconds);
  return { key, name, load: load!, single, wide };
}

// The shared upstream, on the load core.
const stubPort = await freePort();
const stubScript = join(here, 'stub-upstream.ts');
await startPinned(loadCore, [stubScript, String(stubPort)], {
  cwd: scratch,
  ready: `http://127.0.0.1:${stubPort}/`,
});
const stubUrl = `http://127.0.0.1:${stubPort}`;

const wanted = (key: string) => only === undefined || only.includes(key);
// Ablations and alternative floors run only when ONLY names them.
const ablation = (key: string) => only?.includes(key) === true;
const rows: Row[] = [];

// The stub alone, pinned like a subject: the ceiling of the loopback set-up.
if (wanted('stub')) {
  const port = await freePort();
  const child = await startPinned(core, [stubScript, String(port)], {
    cwd: scratch,
    ready: `http://127.0.0.1:${port}/`,
  });
  const row = await runSubject('stub', 'stub upstream alone (/api/chat)', child.pid!, {
    url: `http://127.0.0.1:${port}/api/chat`,
    headers: {},
    body: ollamaBody,
  });
  rows.push(row);
  await stopProcess(child);
}
const direct = rows.find((r) => r.key === 'stub');

// The floor of any Node.js gateway: node:http, JSON in and out, one upstream call, nothing else.
// `bare` uses undici's client, as the gateway does; the `bare-http` ablation node:http's.
for (const [key, client, runs] of [
  ['bare', 'undici', wanted('bare')],
  ['bare-http', 'http', ablation('bare-http')],
] as const) {
  if (!runs) continue;
  const port = await freePort();
  const child = await startPinned(core, [join(here, 'bare-proxy.ts'), stubUrl, String(port)], {
    cwd: scratch,
    env: { PATH: process.env.PATH ?? '', CLIENT: client },
    ready: `http://127.0.0.1:${port}/`,
  });
  rows.push(
    await runSubject(key, `bare node:http proxy, ${client} client (no framework or checks)`, child.pid!, {
      url: `http://127.0.0.1:${port}/v1/chat/completions`,
      headers: {},
      body: openaiBody,
    }),
  );
  await stopProcess(child);
}

const cli = join(
  dirname(createRequire(import.meta.url).resolve('@keeptrusts/gateway/package.json')),
  'dist/cli.js',
);
const seedPolicies = join(repo, 'examples/seed-configs/local-data-policy.yaml');

async function keeptrusts(key: string, name: string, files: { name: string; text: string }[]) {
  if (!wanted(key)) return;
  const dir = join(scratch, key);
  await mkdir(dir, { recursive: true });
  for (const file of files) if (file.name !== 'seed') await writeFile(join(dir, file.name), file.text);
  const port = await freePort();
  const child = await startPinned(
    core,
    [
      ...gatewayFlags,
      cli,
      'gateway',
      'run',
      '--listen',
      `127.0.0.1:${port}`,
      ...files.flatMap((f) => ['--policy-config', f.name === 'seed' ? seedPolicies : f.name]),
    ],
    {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', KT_LOG_LEVEL: 'warn' },
      ready: `http://127.0.0.1:${port}/healthz`,
    },
  );
  rows.push(
    await runSubject(key, name, child.pid!, {
      url: `http://127.0.0.1:${port}/v1/chat/completions`,
      headers: {},
      body: openaiBody,
    }),
  );
  await stopProcess(child);
}

const targets = `providers:\n  targets:\n    - id: llama\n      provider: ollama:chat:llama3.3\n      base_url: ${stubUrl}\n`;
await keeptrusts('full', 'Keeptrusts, seed chain + immutable audit log', [
  {
    name: 'gateway.yaml',
    text: `${targets}policies:\n  chain:\n    - audit-logger\npolicy:\n  audit-logger:\n    immutable: true\n    log_all_access: true\n    path: ./audit\n`,
  },
  // The seed's "Policy Enforcement on Local Models" rules, as the page writes them.
  { name: 'seed', text: '' },
]);
await keeptrusts('none', 'Keeptrusts, no policies', [{ name: 'gateway.yaml', text: targets }]);
// Ablations of the whole chain: its rules alone, its audit alone.
if (ablation('rules')) {
  await keeptrusts('rules', 'Keeptrusts, seed rules, no audit log', [
    { name: 'gateway.yaml', text: targets },
    { name: 'seed', text: '' },
  ]);
}
if (ablation('audit')) {
  await keeptrusts('audit', 'Keeptrusts, immutable audit log alone', [
    {
      name: 'gateway.yaml',
      text: `${targets}policies:\n  chain:\n    - audit-logger\npolicy:\n  audit-logger:\n    immutable: true\n    log_all_access: true\n    path: ./audit\n`,
    },
  ]);
}

// Portkey's open-source gateway, installed at bench time outside the repository (never a
// dependency of it), routed to the same stub through its `ollama` provider and a custom host.
let portkeyLabel = "Portkey's gateway";
if (wanted('portkey')) {
  const prefix = join(tmpdir(), 'kt-bench-portkey');
  const entry = join(prefix, 'node_modules/@portkey-ai/gateway/build/start-server.js');
  if (!existsSync(entry) || portkeyVersion !== 'latest') {
    process.stderr.write(`installing @portkey-ai/gateway@${portkeyVersion} into ${prefix}\n`);
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `@portkey-ai/gateway@${portkeyVersion}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  const pkg = JSON.parse(
    await readFile(join(prefix, 'node_modules/@portkey-ai/gateway/package.json'), 'utf8'),
  ) as { version: string };
  portkeyLabel = `Portkey's gateway ${pkg.version}, no guardrails`;
  const port = await freePort();
  const child = await startPinned(core, [entry, `--port=${port}`, '--headless'], {
    cwd: prefix,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
    ready: `http://127.0.0.1:${port}/`,
  });
  rows.push(
    await runSubject('portkey', portkeyLabel, child.pid!, {
      url: `http://127.0.0.1:${port}/v1/chat/completions`,
      headers: { 'x-portkey-provider': 'ollama', 'x-portkey-custom-host': stubUrl },
      body: openaiBody,
    }),
  );
  await stopProcess(child);
}

const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const added = (row: Row) =>
  direct === undefined || row.key === 'stub' ? '–' : f(row.single.mean - direct.single.mean, 2);
const lines = [
  `| subject | requests/s (c=${connections}) | CPU ms/request | p50 ms | p99 ms | errors | added latency at c=1, ms | RSS MiB, c=64 (start → peak → end) |`,
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${f(r.load.rps)} | ${f(r.load.cpuMsPerRequest, 3)} | ${r.load.p50} | ${r.load.p99} | ${r.load.errors + r.single.errors + r.wide.errors} | ${added(r)} | ${f(r.wide.rssStart)} → ${f(r.wide.rssPeak)} → ${f(r.wide.rssEnd)} |`,
  ),
];
const full = rows.find((r) => r.key === 'full');
const portkey = rows.find((r) => r.key === 'portkey');
const ratio =
  full !== undefined && portkey !== undefined
    ? `Keeptrusts with the whole chain answers ${(full.load.rps / portkey.load.rps).toFixed(2)}× Portkey's requests/s; Portkey spends ${(portkey.load.cpuMsPerRequest / full.load.cpuMsPerRequest).toFixed(2)}× its CPU time per request.`
    : '';
const nproc = cpus().length;
const table = [
  `Non-streamed chat, ${seconds} s per run after a ${warmupSeconds} s warm-up; each subject pinned to core ${core}, autocannon and the stub upstream on core ${loadCore}; node ${process.version}, ${nproc} cores, ${new Date().toISOString().slice(0, 16)}Z. "Added latency" is the mean at one connection minus the stub's own. CPU ms/request is the subject's user + system time over the run divided by its answers, which holds on a shared machine where requests/s does not.`,
  '',
  ...lines,
  ...(ratio === '' ? [] : ['', ratio]),
].join('\n');
console.log(table);

if (process.env.README !== '0' && only === undefined && !quick) {
  const readmePath = join(here, '../README.md');
  const readme = await readFile(readmePath, 'utf8');
  const start = '<!-- throughput:start (pnpm bench writes this table) -->';
  const end = '<!-- throughput:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  const block = `${start}\n${table}\n${end}`;
  const next =
    from >= 0 && to > from
      ? readme.slice(0, from) + block + readme.slice(to + end.length)
      : `${readme.trimEnd()}\n\n## Throughput per core (issue #14)\n\n${block}\n`;
  await writeFile(readmePath, next);
  process.stderr.write(`wrote the table into ${readmePath}\n`);
}

await stopAll();
await rm(scratch, { recursive: true, force: true });
