// The per-request CPU of the operators' toolkit (#13) alone, without HTTP or policies: a finished
// request's trail is handed to the metrics, the request log (pino, asynchronous, to /dev/null),
// the limiter (memory store: admit and settle) and the tracer, N times, each part added in turn.
//
//   pnpm --filter @keeptrusts/bench ops-micro        (after pnpm build)
import { openSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type GatewayConfig, loadConfigTexts } from '@keeptrusts/core/config';
import { createBuiltinRegistry, type Logger } from '@keeptrusts/gateway';
import { pino } from 'pino';
// Internal modules of the built gateway: this measures them, so it reaches past the package's exports.
import { AuditTrail } from '../../apps/gateway/dist/audit-trail.js';
import { KeyLimiter } from '../../apps/gateway/dist/limits/key-limiter.js';
import { GatewayMetrics } from '../../apps/gateway/dist/observability/metrics.js';
import { createRequestObserver } from '../../apps/gateway/dist/observability/request-observer.js';
import { Tracing } from '../../apps/gateway/dist/observability/tracing.js';
import { TargetPool } from '../../apps/gateway/dist/targets.js';

const iterations = Number(process.env.ITERATIONS ?? 100_000);
const collector = createServer((request, response) => {
  request.resume().on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
});
await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', () => resolve()));

const yaml = `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: http://127.0.0.1:11434
auth:
  keys:
    - id: bench
      hash: sha256:${'a'.repeat(64)}
      limits:
        requests_per_minute: 1000000000
        tokens_per_minute: 1000000000
        concurrent_requests: 100000
telemetry:
  otlp_endpoint: http://127.0.0.1:${(collector.address() as AddressInfo).port}
`;
const registry = createBuiltinRegistry();
const loaded = await loadConfigTexts([{ file: 'bench.yaml', text: yaml }], { registry });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const config: GatewayConfig = loaded.config;
const pool = new TargetPool(config, () => undefined);
const silent: Logger = { info() {}, warn() {}, error() {}, isLevelEnabled: () => false };
const devNull = pino(
  { level: 'info' },
  pino.destination({ dest: openSync('/dev/null', 'w'), sync: false, minLength: 4096 }),
);

const decisions = [
  {
    policy: 'privacy',
    rule: 'pii_detection',
    stage: 'request' as const,
    action: 'modify' as const,
    findings: [],
  },
  {
    policy: 'privacy',
    rule: 'pii_detection',
    stage: 'response' as const,
    action: 'allow' as const,
    findings: [],
  },
];

async function run(
  name: string,
  parts: { log: boolean; limits: boolean; tracing: boolean; metrics: boolean },
) {
  const metrics = new GatewayMetrics();
  metrics.bind({ pool, sinks: [], sinkTypes: [], inFlight: () => 0 });
  const limiter = parts.limits ? await KeyLimiter.create(config, { logger: silent, metrics }) : undefined;
  const tracing = parts.tracing ? await Tracing.create(config) : undefined;
  tracing?.bind(pool);
  const observer = parts.metrics
    ? createRequestObserver({ metrics, logger: parts.log ? devNull : silent, limiter })
    : { upstream() {}, finished() {} };
  const headers = new Headers();
  const one = async (i: number) => {
    const trail = new AuditTrail(
      { requestId: `req_${i}`, method: 'POST', endpoint: '/v1/chat/completions', client: '127.0.0.1' },
      [],
      () => {},
      undefined,
      observer,
    );
    if (tracing !== undefined) trail.trace = tracing.begin('POST', '/v1/chat/completions', headers);
    trail.record.key_id = 'bench';
    trail.record.target = 'llama';
    trail.record.model = 'llama3.3';
    if (limiter !== undefined) await limiter.admit(trail, true);
    trail.decide(decisions);
    trail.upstreamBegan('llama');
    trail.upstreamDone();
    trail.firstByte();
    trail.record.usage = { prompt_tokens: 17, completion_tokens: 13, total_tokens: 30 };
    trail.record.finish_reason = 'stop';
    await trail.finish(200, null);
  };
  for (let i = 0; i < 5_000; i++) await one(i); // warm-up
  const start = process.cpuUsage();
  for (let i = 0; i < iterations; i++) await one(i);
  const used = process.cpuUsage(start);
  await tracing?.shutdown();
  await limiter?.close();
  return { name, us: (used.user + used.system) / iterations };
}

const rows = [
  await run('trail only (nothing observes it)', {
    metrics: false,
    log: false,
    limits: false,
    tracing: false,
  }),
  await run('+ metrics', { metrics: true, log: false, limits: false, tracing: false }),
  await run('+ metrics + request log', { metrics: true, log: true, limits: false, tracing: false }),
  await run('+ metrics + log + limits (memory)', { metrics: true, log: true, limits: true, tracing: false }),
  await run('+ metrics + log + limits + tracing', { metrics: true, log: true, limits: true, tracing: true }),
];
console.log(`${iterations} requests' trails per row, CPU µs per request (user + system), this machine\n`);
console.log('| parts | µs/request | added by the part |');
console.log('| --- | ---: | ---: |');
let previous = rows[0]!.us;
for (const r of rows) {
  console.log(`| ${r.name} | ${r.us.toFixed(1)} | ${(r.us - previous).toFixed(1)} |`);
  previous = r.us;
}
collector.close();
