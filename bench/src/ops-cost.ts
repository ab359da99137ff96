// What the operators' toolkit (#13) costs per request: the gateway's own CPU time per non-streamed
// chat request, read from /proc for a `kt gateway run` child, with the request log, the limits
// (memory and Redis) and tracing switched on one after another. Metrics are always on.
//
//   pnpm --filter @keeptrusts/bench ops-cost        (after pnpm build; Redis at 127.0.0.1:6379)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey } from '@keeptrusts/gateway';
import { startOllamaSimulator } from '@keeptrusts/testkit';
import autocannon from 'autocannon';

const requests = Number(process.env.REQUESTS ?? 4000);
const connections = Number(process.env.CONNECTIONS ?? 16);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const kt = join(import.meta.dirname, '../../apps/gateway/bin/kt.js');
const ticks = 100; // USER_HZ on Linux

const sim = await startOllamaSimulator({ port: 0, tokenDelayMs: 0 });
sim.replyWith('A short answer of a dozen or so tokens, enough to be realistic for a reply.');
// A collector that takes the spans and drops them.
const collector = createServer((request, response) => {
  request.resume().on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
});
await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', () => resolve()));
const collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;

const { key, hash } = createApiKey();
const base = `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: ${sim.url}
policies:
  - id: privacy
    rules:
      - type: pii_detection
        action: redact
        patterns: [ssn, credit_card, email]
`;
const keys = (limits: string) => `auth:\n  keys:\n    - id: bench\n      hash: ${hash}\n${limits}`;
const generous =
  '      limits:\n        requests_per_minute: 100000000\n        tokens_per_minute: 1000000000\n        concurrent_requests: 10000\n';

const variants = [
  { name: 'keys, request log off (KT_LOG_LEVEL=warn)', level: 'warn', yaml: keys('') },
  { name: 'keys, request log on (info)', level: 'info', yaml: keys('') },
  { name: '+ limits, memory store', level: 'info', yaml: keys(generous) },
  {
    name: '+ limits, Redis store',
    level: 'info',
    yaml: `${keys(generous)}server:\n  limits:\n    store: redis\n    redis_url: ${redisUrl}\n    key_prefix: "kt:bench:${Date.now()}:"\n`,
  },
  {
    name: '+ limits (Redis) + tracing (OTLP/HTTP)',
    level: 'info',
    yaml: `${keys(generous)}server:\n  limits:\n    store: redis\n    redis_url: ${redisUrl}\n    key_prefix: "kt:bench:${Date.now()}:"\ntelemetry:\n  otlp_endpoint: ${collectorUrl}\n`,
  },
];

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

async function measure(variant: (typeof variants)[number]) {
  const dir = await mkdtemp(join(tmpdir(), 'kt-ops-bench-'));
  await writeFile(join(dir, 'bench.yaml'), base + variant.yaml);
  const child = spawn(
    process.execPath,
    [kt, 'gateway', 'run', '--listen', '127.0.0.1:0', '--policy-config', 'bench.yaml'],
    {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', KT_LOG_LEVEL: variant.level },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const match = /listening on (http:\/\/\S+) /.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`kt exited with ${code}: ${out}`)));
  });
  const run = (amount: number) =>
    autocannon({
      url: `${url}/v1/chat/completions`,
      method: 'POST',
      connections,
      amount,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        model: 'llama3.3',
        messages: [
          { role: 'user', content: 'Please summarise: my email is jane.doe@example.com and I need help.' },
        ],
      }),
    });
  await run(500); // warm-up: JIT, connections, Redis scripts loaded
  const before = cpuSeconds(child.pid!);
  const result = await run(requests);
  const cpu = cpuSeconds(child.pid!) - before;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return {
    name: variant.name,
    cpuMsPerRequest: (cpu * 1000) / requests,
    rps: result.requests.average,
    p50: result.latency.p50,
    errors: result.errors + result.non2xx,
  };
}

console.log(
  `${requests} non-streamed chat requests per row, ${connections} connections, pii_detection redact,`,
);
console.log(
  'gateway CPU (user + system of the kt process) per request; 2 cores shared by everything on the machine\n',
);
console.log('| configuration | gateway CPU ms/request | requests/s | p50 ms | errors |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const variant of variants) {
  const r = await measure(variant);
  console.log(
    `| ${r.name} | ${r.cpuMsPerRequest.toFixed(3)} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.errors} |`,
  );
}
collector.close();
await sim.close();
