// Memory and answers under a fuzz load: the built `kt gateway run` (a child process, so its RSS is
// its own) in front of the simulator takes odd HTTP requests from the e2e fuzz test's generator,
// a share of them never finished by the client. Reports the gateway's RSS before the load, its
// peak, and after a settle period (global.gc is not forced), and what became of each request.
//
//   pnpm --filter @keeptrusts/bench fuzz-rss        (after pnpm build; Linux: reads /proc)
//
// REQUESTS (12000) per round, ROUNDS (2), CONCURRENCY (32), STALLED_SHARE (0.02), SETTLE_SECONDS
// (30), LIMIT_SECONDS (10), SEED (42). TIMEOUTS=0 leaves server.request_timeout_seconds / headers_timeout_seconds out of the
// config (for a gateway that predates them). HEAP_SNAPSHOTS=1 writes V8 heap snapshots of the
// gateway before and after (node --heapsnapshot-signal; each forces a full GC, so compare their
// sizes for the live heap, not the RSS rows) into the temp dir it prints. GATEWAY_NODE_FLAGS
// (e.g. --max-semi-space-size=4) go to the gateway's node; MALLOC_* tunables pass through.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startOllamaSimulator } from '@keeptrusts/testkit';
import fc from 'fast-check';
import {
  exchange,
  isOpenAIError,
  type OddRequest,
  oddRequests,
} from '../../apps/gateway/e2e/odd-requests.ts';

const requests = Number(process.env.REQUESTS ?? 12_000);
const concurrency = Number(process.env.CONCURRENCY ?? 32);
const stalledShare = Number(process.env.STALLED_SHARE ?? 0.02);
const settleSeconds = Number(process.env.SETTLE_SECONDS ?? 30);
const limitMs = Number(process.env.LIMIT_SECONDS ?? 10) * 1000;
const seed = Number(process.env.SEED ?? 42);
const rounds = Number(process.env.ROUNDS ?? 2);
const timeouts = process.env.TIMEOUTS !== '0';
const snapshots = process.env.HEAP_SNAPSHOTS === '1';
const bodyLimitBytes = 1024 * 1024;

const sim = await startOllamaSimulator({ port: 0 });
const dir = await mkdtemp(join(tmpdir(), 'kt-fuzz-rss-'));
await writeFile(
  join(dir, 'fuzz.yaml'),
  `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: ${sim.url}
    - id: mistral
      provider: ollama:completion:mistral
      base_url: ${sim.url}
    - id: emb
      provider: ollama:embedding:nomic-embed-text
      base_url: ${sim.url}
${timeouts ? 'server:\n  request_timeout_seconds: 5\n  headers_timeout_seconds: 5\n' : ''}`,
);
const cli = join(
  dirname(createRequire(import.meta.url).resolve('@keeptrusts/gateway/package.json')),
  'dist/cli.js',
);
// The gateway reports its own memory once a second on stderr (RSS alone cannot tell a live heap
// from pages V8 or malloc keep after a collection).
const reporter = `setInterval(() => process.stderr.write(JSON.stringify({ kt_memory: process.memoryUsage() }) + '\\n'), 1000).unref();`;
const gateway = spawn(
  process.execPath,
  [
    `--import=data:text/javascript,${encodeURIComponent(reporter)}`,
    ...(snapshots ? ['--heapsnapshot-signal=SIGUSR2'] : []),
    ...(process.env.GATEWAY_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    cli,
    'gateway',
    'run',
    '--listen',
    '127.0.0.1:0',
    '--policy-config',
    'fuzz.yaml',
  ],
  {
    cwd: dir,
    // glibc's MALLOC_* tunables pass through, to tell allocator retention from a leak.
    env: {
      PATH: process.env.PATH ?? '',
      KT_LOG_LEVEL: 'warn',
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('MALLOC_'))),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let logs = '';
gateway.stderr.setEncoding('utf8').on('data', (d: string) => (logs += d));
const port = await new Promise<number>((resolve, reject) => {
  let out = '';
  gateway.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    const match = /listening on http:\/\/127\.0\.0\.1:(\d+) /.exec(out);
    if (match) resolve(Number(match[1]));
  });
  gateway.once('exit', (code) => reject(new Error(`kt exited with ${code}\n${out}\n${logs}`)));
});

/** The gateway's resident set and its high-water mark, in MB. */
async function rss(): Promise<{ now: number; peak: number }> {
  const status = await readFile(`/proc/${gateway.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** The gateway's last memory report: V8 heap used and total, and memory outside it, in MB. */
function heap(): string {
  const reports = logs.match(/\{"kt_memory":\{[^}]*\}\}/g) ?? [];
  const last = reports.at(-1);
  if (last === undefined) return '';
  const m = (JSON.parse(last) as { kt_memory: NodeJS.MemoryUsage }).kt_memory;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
  return `heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)} (buffers ${mb(m.arrayBuffers)})`;
}

async function snapshot(name: string): Promise<void> {
  if (!snapshots) return;
  const before = new Set(await readdir(dir));
  gateway.kill('SIGUSR2');
  let size = -1;
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const made = (await readdir(dir)).find((f) => f.endsWith('.heapsnapshot') && !before.has(f));
    if (made === undefined) continue;
    // The file appears as soon as writing starts; it is done when its size stops changing.
    const now = (await stat(join(dir, made))).size;
    if (now > 0 && now === size) {
      console.log(`heap snapshot ${name}: ${join(dir, made)} (${(now / 1024 / 1024).toFixed(0)} MB on disk)`);
      return;
    }
    size = now;
  }
}

const well = JSON.stringify({ model: 'llama3.3', messages: [{ role: 'user', content: 'hello' }] });
const warmUp: OddRequest = {
  label: 'warm-up',
  pieces: [
    Buffer.from(
      `POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${well.length}\r\n\r\n${well}`,
    ),
  ],
  pauseMs: 0,
  halfClose: false,
  methods: ['POST'],
};
for (let i = 0; i < 200; i++) await exchange(port, warmUp, limitMs);
await new Promise((r) => setTimeout(r, 2000));
const before = await rss();
const beforeHeap = heap();
await snapshot('before');

const complete = oddRequests({ bodyLimitBytes });
const stalled = oddRequests({ bodyLimitBytes, stalled: true });
const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
const examples = new Map<string, string>();
let peakSeen = before.now;
const sampler = setInterval(() => {
  void rss().then((r) => (peakSeen = Math.max(peakSeen, r.now)));
}, 100);

// A client that never finishes its request keeps the connection open, waiting, through the settle
// period; every other request is given the limit.
const holdMs = limitMs + settleSeconds * 1000;

async function send(request: OddRequest, waitMs: number): Promise<void> {
  const sent = performance.now();
  const outcome = await exchange(port, request, waitMs);
  const late = outcome.kind === 'answered' && performance.now() - sent > limitMs;
  // Node takes a half-close for a client that left, and may drop its request unanswered.
  const kind =
    outcome.kind === 'closed' && request.halfClose
      ? 'closed after the client half-closed'
      : late
        ? `answered after more than ${limitMs / 1000} s`
        : outcome.kind;
  count(kind);
  if (outcome.kind !== 'answered') {
    if (!examples.has(kind)) examples.set(kind, request.label);
    return;
  }
  for (const [i, answer] of outcome.answers.entries()) {
    count(`answer ${answer.status}`);
    // A HEAD answer has no body to check.
    if (answer.status >= 300 && request.methods[i] !== 'HEAD' && !isOpenAIError(answer.body)) {
      count('answer not in OpenAI error shape');
      if (!examples.has('shape'))
        examples.set(
          'shape',
          `${request.label} -> ${answer.status} ${JSON.stringify(answer.body.slice(0, 80))}`,
        );
    }
  }
}

const stalledWeight = Math.round(stalledShare * 1000);
const mix = fc.oneof(
  { weight: 1000 - stalledWeight, arbitrary: complete },
  { weight: stalledWeight, arbitrary: stalled.map((r) => ({ ...r, label: `stalled ${r.label}` })) },
);
const stalledInFlight: Promise<void>[] = [];
async function worker(queue: OddRequest[]): Promise<void> {
  for (let request = queue.shift(); request !== undefined; request = queue.shift()) {
    // A stalled request waits on the server's timeouts; it does not hold a worker meanwhile.
    if (request.label.startsWith('stalled ')) stalledInFlight.push(send(request, holdMs));
    else await send(request, limitMs);
  }
}
// The same load again in later rounds: memory that keeps growing round after round is a leak,
// memory that comes back to the same level is the allocator keeping pages for reuse.
const rows: string[] = [];
let loadSeconds = 0;
for (let round = 1; round <= rounds; round++) {
  const started = performance.now();
  for (let next = 0; next < requests; next += 500) {
    const queue = fc.sample(mix, {
      numRuns: Math.min(500, requests - next),
      seed: seed + round * requests + next,
    });
    await Promise.all(Array.from({ length: concurrency }, () => worker(queue)));
  }
  loadSeconds += (performance.now() - started) / 1000;
  const afterLoad = await rss();
  rows.push(`| round ${round}: right after the load | ${afterLoad.now.toFixed(0)} | ${heap()} |`);
  const settled: string[] = [];
  for (let waited = 0; waited < settleSeconds; ) {
    const step = Math.min(10, settleSeconds - waited);
    await new Promise((r) => setTimeout(r, step * 1000));
    waited += step;
    settled.push(`${(await rss()).now.toFixed(0)}`);
  }
  rows.push(
    `| round ${round}: after ${settleSeconds} s idle (RSS every 10 s: ${settled.join(', ')}) | ${(await rss()).now.toFixed(0)} | ${heap()} |`,
  );
}
clearInterval(sampler);
const peak = Math.max(peakSeen, (await rss()).peak);
await snapshot('after');
await Promise.all(stalledInFlight);

console.log(
  `${rounds} × ${requests} requests (${(stalledShare * 100).toFixed(0)} % never finished by the client, which waits up to ${holdMs / 1000} s), ${concurrency} connections, seed ${seed}, ${loadSeconds.toFixed(0)} s of load; limit ${limitMs / 1000} s per request; server timeouts ${timeouts ? '5 s' : 'not configured (Node: 300 s request, 60 s headers)'}\n`,
);
console.log('| gateway | RSS MB | process.memoryUsage() MB |');
console.log('| --- | ---: | --- |');
console.log(`| before (after 200 warm-up requests) | ${before.now.toFixed(0)} | ${beforeHeap} |`);
console.log(`| peak | ${peak.toFixed(0)} | |`);
for (const row of rows) console.log(row);
console.log('');
console.log('| outcome (requests), answer (answers: pipelined requests get two) | count |');
console.log('| --- | ---: |');
for (const [key, n] of [...tally].sort()) console.log(`| ${key} | ${n} |`);
for (const [kind, label] of examples) console.log(`first ${kind}: ${label}`);
// The gateway logs bugs (500s) and sink failures at error level (50).
const bugs = new Map<string, number>();
for (const line of logs.split('\n').filter((l) => l.includes('"level":50'))) {
  const { msg, err } = JSON.parse(line) as { msg?: string; err?: { message?: string } };
  const key = `${msg}: ${err?.message}`;
  bugs.set(key, (bugs.get(key) ?? 0) + 1);
}
console.log(`\ngateway log lines at error level: ${[...bugs.values()].reduce((a, b) => a + b, 0)}`);
for (const [key, n] of bugs) console.log(`  ${n} × ${key}`);

gateway.kill('SIGTERM');
await new Promise((r) => gateway.once('exit', r));
await sim.close();
