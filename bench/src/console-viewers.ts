// The web console's cost on the request path (#22): gateway throughput with no console viewer and
// with three live-log viewers open (each reading /console/api/requests/stream to its end, as a
// browser's EventSource does). The gateway (`kt gateway run`, the console on) is pinned to one
// core; the stub upstream, autocannon and the viewers share the other. Runs alternate, so drift
// on a shared machine hits both sides alike; the table gives the medians.
//
//   pnpm --filter @keeptrusts/bench console-viewers      (after pnpm build; Linux, needs taskset)
//   SECONDS=10 ROUNDS=5 CONNECTIONS=16 VIEWERS=3 pnpm --filter @keeptrusts/bench console-viewers
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startPinned, stopAll } from './processes.ts';

const seconds = Number(process.env.SECONDS ?? 10);
const rounds = Number(process.env.ROUNDS ?? 5);
const connections = Number(process.env.CONNECTIONS ?? 16);
const viewerCount = Number(process.env.VIEWERS ?? 3);
const core = process.env.CORE ?? '1';
const loadCore = process.env.LOAD_CORE ?? '0';
const here = dirname(fileURLToPath(import.meta.url));

execFileSync('taskset', ['-a', '-cp', loadCore, String(process.pid)], { stdio: 'ignore' });
const scratch = await mkdtemp(join(tmpdir(), 'kt-bench-console-'));
const start = (pin: string, args: string[], ready: string) =>
  startPinned(pin, args, {
    cwd: scratch,
    env: { PATH: process.env.PATH ?? '', KT_LOG_LEVEL: 'warn' },
    ready,
    // The console's pages answer 401 until signed in; anything but a server error means up.
    readyStatus: (status) => status < 500,
  });

const stubPort = await freePort();
await start(loadCore, [join(here, 'stub-upstream.ts'), String(stubPort)], `http://127.0.0.1:${stubPort}/`);

const adminKey = `kt-${randomBytes(32).toString('base64url')}`;
const adminHash = createHash('sha256').update(adminKey).digest('hex');
await writeFile(
  join(scratch, 'bench.yaml'),
  `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: http://127.0.0.1:${stubPort}
policies:
  - id: guard
    rules:
      - type: prompt_injection
        action: block
auth:
  admin_keys:
    - id: bench
      hash: sha256:${adminHash}
server:
  console: {}
`,
);
const port = await freePort();
const cli = join(
  dirname(createRequire(import.meta.url).resolve('@keeptrusts/gateway/package.json')),
  'dist/cli.js',
);
const gatewayFlags = process.env.GATEWAY_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
const gateway = await start(
  core,
  [...gatewayFlags, cli, 'gateway', 'run', '--listen', `127.0.0.1:${port}`, '--policy-config', 'bench.yaml'],
  `http://127.0.0.1:${port}/healthz`,
);
const base = `http://127.0.0.1:${port}`;

const login = await fetch(`${base}/console/api/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ key: adminKey }),
});
if (login.status !== 200) throw new Error(`console sign-in failed: ${login.status}`);
const cookie = login.headers.get('set-cookie')!.split(';', 1)[0]!;

/**
 * Opens `n` live-log viewers, each a plain socket reading the SSE stream to its end and counting
 * the requests it saw: a browser's work, without an HTTP client's cost on the load core.
 */
function openViewers(n: number) {
  const seen = new Array<number>(n).fill(0);
  const marker = Buffer.from('"request_id"');
  const sockets = Array.from({ length: n }, (_, i) => {
    const socket = connect(port, '127.0.0.1');
    socket.write(
      `GET /console/api/requests/stream HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\nCookie: ${cookie}\r\n\r\n`,
    );
    socket.on('data', (bytes: Buffer) => {
      for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + marker.length))
        seen[i]!++;
    });
    socket.on('error', () => {});
    return socket;
  });
  return {
    seen,
    async close() {
      for (const socket of sockets) socket.destroy();
    },
  };
}

const body = JSON.stringify({
  model: 'llama3.3',
  messages: [{ role: 'user', content: 'Please summarise the attached notes in two sentences.' }],
});

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** CPU seconds (user + system) the gateway used so far. */
function gatewayCpu(): number {
  const stat = readFileSync(`/proc/${gateway.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** Requests/s over `duration`, and the gateway's CPU ms per request. */
async function load(duration: number): Promise<{ rps: number; cpuMs: number }> {
  const cpuBefore = gatewayCpu();
  const result = await autocannon({
    url: `${base}/v1/chat/completions`,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (result.errors + result.non2xx > 0) throw new Error(`${result.errors + result.non2xx} failed requests`);
  return {
    rps: result.requests.total / duration,
    cpuMs: ((gatewayCpu() - cpuBefore) * 1000) / result.requests.total,
  };
}

process.stderr.write('warm-up\n');
await load(3);
const without: number[] = [];
const withViewers: number[] = [];
const cpuWithout: number[] = [];
const cpuWith: number[] = [];
const delivered: number[] = [];
for (let round = 0; round < rounds; round++) {
  // Alternate which side goes first, so a trend in the machine's load does not favour one.
  for (const side of round % 2 === 0 ? ['none', 'viewers'] : ['viewers', 'none']) {
    if (side === 'none') {
      const run = await load(seconds);
      without.push(run.rps);
      cpuWithout.push(run.cpuMs);
    } else {
      const viewers = openViewers(viewerCount);
      await new Promise((r) => setTimeout(r, 300));
      const { rps, cpuMs } = await load(seconds);
      await new Promise((r) => setTimeout(r, 300));
      await viewers.close();
      withViewers.push(rps);
      cpuWith.push(cpuMs);
      delivered.push(Math.min(...viewers.seen) / (rps * seconds));
    }
    process.stderr.write(
      `round ${round + 1} ${side}: ${(side === 'none' ? without : withViewers).at(-1)!.toFixed(0)} req/s\n`,
    );
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const a = median(without);
const b = median(withViewers);
console.log(
  `\nnon-streamed chat through kt (prompt_injection rule, console on), ${connections} connections, ${seconds} s x ${rounds} rounds, gateway pinned to core ${core}\n`,
);
const ca = median(cpuWithout);
const cb = median(cpuWith);
console.log(
  '| live-log viewers | requests/s (median) | runs | gateway CPU ms/request (median) | requests each viewer received |',
);
console.log('| --- | ---: | --- | ---: | ---: |');
console.log(
  `| 0 | ${a.toFixed(0)} | ${without.map((x) => x.toFixed(0)).join(', ')} | ${ca.toFixed(3)} | – |`,
);
console.log(
  `| ${viewerCount} | ${b.toFixed(0)} | ${withViewers.map((x) => x.toFixed(0)).join(', ')} | ${cb.toFixed(3)} | ${(median(delivered) * 100).toFixed(1)} % |`,
);
console.log(`\nthroughput change with ${viewerCount} viewers: ${(((b - a) / a) * 100).toFixed(2)} %`);
console.log(`gateway CPU per request change: ${(((cb - ca) / ca) * 100).toFixed(2)} %`);
await stopAll();
