// What a guard model costs the client (issue #21): time to first token through the gateway with
// no guard, with a guard_model rule in `mode: parallel` (the upstream call starts beside the guard,
// its first bytes held until the verdict) and in `mode: sequential` (the guard first); and, for an
// unsafe verdict, how long after the verdict the upstream sees its call aborted. Then answers:
// a guard on a streamed answer judging it whole (buffered) against window by window (incremental),
// first text and whole answer.
//
//   pnpm --filter @keeptrusts/bench guard-latency      (after pnpm build)
//   RUNS=20 GUARD_DELAY_MS=150 TOKEN_DELAY_MS=100 pnpm --filter @keeptrusts/bench guard-latency
//   ANSWER_RUNS (5), ANSWER_TOKEN_DELAY_MS (20) and WINDOW_CHARS (100) for the answer section
import { defaultModels, ollamaGuardModel, startOllamaSimulator } from '@keeptrusts/testkit';
import { serveYaml } from './serve-yaml.ts';

const runs = Number(process.env.RUNS ?? 20);
const guardDelayMs = Number(process.env.GUARD_DELAY_MS ?? 150);
// The simulator waits this long before each token, so the upstream's first token comes after it.
const tokenDelayMs = Number(process.env.TOKEN_DELAY_MS ?? 100);

/** An Ollama simulator serving the chat models and `llama-guard3:1b`, its verdict after the guard delay. */
const guardSimulator = (tokenDelayMs: number) =>
  startOllamaSimulator({
    port: 0,
    tokenDelayMs,
    models: [
      ...defaultModels,
      ollamaGuardModel('llama-guard3:1b', { format: 'llama_guard_3', delayMs: guardDelayMs }),
    ],
  });

const sim = await guardSimulator(tokenDelayMs);
sim.replyWith('Llamas sleep standing up or lying down, often in groups, for a few hours at a time.');

const targets = `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: ${sim.url}
    - id: llama-guard
      provider: ollama:chat:llama-guard3:1b
      base_url: ${sim.url}
`;
/** A policy with one llama_guard_3 rule on the `llama` target, with the given settings of its own. */
const guard = (settings: Record<string, string | number>) => `policies:
  - id: guard
    targets: [llama]
    rules:
      - type: guard_model
        target: llama-guard
        format: llama_guard_3
${Object.entries(settings)
  .map(([key, value]) => `        ${key}: ${value}\n`)
  .join('')}`;

/** Milliseconds until the first content byte (or the error answer) and until the end; the text. */
async function timeStream(
  url: string,
  content: string,
): Promise<{ first: number; whole: number; status: number; text: string }> {
  const start = performance.now();
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'llama', messages: [{ role: 'user', content }], stream: true }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  let first: number | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += decoder.decode(value, { stream: true });
    if (first === undefined && (response.status !== 200 || /"delta":\{"content":"[^"]/.test(seen))) {
      first = performance.now() - start;
    }
  }
  const text = [...seen.matchAll(/"content":"((?:[^"\\]|\\.)*)"/g)]
    .map((m) => JSON.parse(`"${m[1]}"`) as string)
    .join('');
  return { first: first ?? Number.NaN, whole: performance.now() - start, status: response.status, text };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(name: string, url: string) {
  await timeStream(url, 'warm up');
  const firsts: number[] = [];
  for (let i = 0; i < runs; i++) firsts.push((await timeStream(url, `How do llamas sleep? (${i})`)).first);
  return { name, ttft: median(firsts), max: Math.max(...firsts) };
}

// From the guard's verdict leaving the simulator to the upstream call's connection closing there.
async function abortLag(url: string): Promise<number> {
  sim.clearRequests();
  let verdictAt: number | undefined;
  let abortedAt: number | undefined;
  const watch = setInterval(() => {
    const now = performance.now();
    if (
      verdictAt === undefined &&
      sim.completedRequests.some((r) => (r.body as { model?: string }).model === 'llama-guard3:1b')
    )
      verdictAt = now;
    if (abortedAt === undefined && sim.abortedRequests.length > 0) abortedAt = now;
  }, 1);
  const { status } = await timeStream(url, 'How do I hurt someone? [unsafe:S1]');
  while (abortedAt === undefined && performance.now() - (verdictAt ?? 0) < 2000)
    await new Promise((r) => setTimeout(r, 1));
  clearInterval(watch);
  if (status !== 400 || verdictAt === undefined || abortedAt === undefined)
    throw new Error('the unsafe request was not refused and aborted');
  return abortedAt - verdictAt;
}

// The guard's verdict straight from the simulator, as the gateway asks for it: what the timers
// of this (shared, busy) machine make of the configured delay.
async function guardDirect() {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const response = await fetch(`${sim.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({
        model: 'llama-guard3:1b',
        messages: [{ role: 'user', content: `How do llamas sleep? (${i})` }],
        stream: false,
      }),
    });
    await response.text();
    if (i > 0) times.push(performance.now() - start);
  }
  return {
    name: 'guard model alone, simulator direct (verdict, not a token)',
    ttft: median(times),
    max: Math.max(...times),
  };
}

async function upstreamDirect() {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const response = await fetch(`${sim.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({ model: 'llama3.3', messages: [{ role: 'user', content: 'hi' }], stream: true }),
    });
    const reader = response.body!.getReader();
    await reader.read();
    if (i > 0) times.push(performance.now() - start);
    await reader.cancel();
  }
  return {
    name: 'upstream alone, simulator direct (first NDJSON line)',
    ttft: median(times),
    max: Math.max(...times),
  };
}

const open = await serveYaml('open.yaml', targets);
const parallel = await serveYaml('parallel.yaml', targets + guard({ mode: 'parallel' }));
const sequential = await serveYaml('sequential.yaml', targets + guard({ mode: 'sequential' }));
const rows = [
  await upstreamDirect(),
  await guardDirect(),
  await measure('gateway, no guard', open.url),
  await measure('gateway, guard_model mode: parallel', parallel.url),
  await measure('gateway, guard_model mode: sequential', sequential.url),
];
const lags: number[] = [];
await abortLag(parallel.url);
for (let i = 0; i < runs; i++) lags.push(await abortLag(parallel.url));

console.log(
  `median of ${runs} streams; guard verdict after ${guardDelayMs} ms, upstream tokens every ${tokenDelayMs} ms\n`,
);
console.log('| path | first token, median (ms) | first token, max (ms) |');
console.log('| --- | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${r.ttft.toFixed(1)} | ${r.max.toFixed(1)} |`);
console.log(
  `\nunsafe verdict → upstream call aborted at the simulator: median ${median(lags).toFixed(1)} ms, max ${Math.max(...lags).toFixed(1)} ms (${runs} runs, polled every 1 ms)`,
);
// What the guard calls cost in tokens, as the gateway counted them (the simulator's counts).
const metrics = await (await fetch(`${parallel.url}/metrics`)).text();
const tokens = (type: string) =>
  Number(
    new RegExp(
      `keeptrusts_policy_model_tokens_total\\{target="llama-guard",gen_ai_token_type="${type}"\\} (\\d+)`,
    ).exec(metrics)?.[1],
  );
const calls = Number(
  /keeptrusts_policy_model_calls_total\{target="llama-guard",outcome="ok"\} (\d+)/.exec(metrics)?.[1],
);
console.log(
  `guard tokens per call (parallel gateway, ${calls} calls): ${(tokens('input') / calls).toFixed(1)} in, ${(tokens('output') / calls).toFixed(1)} out`,
);
await Promise.all([open.close(), parallel.close(), sequential.close()]);
await sim.close();

// Answers: a guard judging the streamed answer, whole (another rule or policy_mode buffers the
// stream) or window by window (the incremental plan).
const answerRuns = Number(process.env.ANSWER_RUNS ?? 5);
const answerTokenDelayMs = Number(process.env.ANSWER_TOKEN_DELAY_MS ?? 20);
const windowChars = Number(process.env.WINDOW_CHARS ?? 100);
const answerSim = await guardSimulator(answerTokenDelayMs);
const longAnswer = Array.from(
  { length: 6 },
  (_, i) =>
    `Part ${i + 1}: llamas are social animals that live in herds, hum to each other and rest in groups.`,
).join(' ');
answerSim.replyWith(longAnswer);
const answerTargets = targets.replaceAll(sim.url, answerSim.url);
const answerGuard = guard({ scan: 'response', window_chars: windowChars });
const buffered = 'server:\n  streaming:\n    policy_mode: buffered\n';

const answerRows: { name: string; first: number; whole: number }[] = [];
for (const [name, yaml] of [
  ['gateway, no guard', answerTargets],
  [
    `gateway, guard_model scan: response, windows of ${windowChars} chars (incremental)`,
    answerTargets + answerGuard,
  ],
  [
    'gateway, guard_model scan: response, policy_mode: buffered (whole answer)',
    buffered + answerTargets + answerGuard,
  ],
] as const) {
  const server = await serveYaml('answer.yaml', yaml);
  await timeStream(server.url, 'Tell me');
  const firsts: number[] = [];
  const wholes: number[] = [];
  for (let i = 0; i < answerRuns; i++) {
    const timed = await timeStream(server.url, 'Tell me');
    if (timed.text !== longAnswer) throw new Error(`${name}: the answer came back changed`);
    firsts.push(timed.first);
    wholes.push(timed.whole);
  }
  answerRows.push({ name, first: median(firsts), whole: median(wholes) });
  await server.close();
}
await answerSim.close();
console.log(
  `\nanswers: ${longAnswer.length} characters in ${longAnswer.split(' ').length} words, a token every ${answerTokenDelayMs} ms, guard verdict after ${guardDelayMs} ms; medians of ${answerRuns} streams\n`,
);
console.log('| path | first text (ms) | whole answer (ms) |');
console.log('| --- | ---: | ---: |');
for (const r of answerRows) console.log(`| ${r.name} | ${r.first.toFixed(1)} | ${r.whole.toFixed(1)} |`);
