// Time to first token: the upstream's own (a client reading the simulator's NDJSON directly)
// against the gateway's in each stream plan: pass-through (no policies), incremental (the seed's
// PII redaction, chosen by the rules themselves) and buffered (forced), with a slow simulator.
//
//   pnpm --filter @keeptrusts/bench ttft            (after pnpm build)
import { startOllamaSimulator } from '@keeptrusts/testkit';
import { serveYaml } from './serve-yaml.ts';

const runs = Number(process.env.RUNS ?? 20);
const tokenDelayMs = Number(process.env.TOKEN_DELAY_MS ?? 40);
const reply =
  'Sure. Your record shows SSN 123-45-6789 and the card 4111 1111 1111 1111; write to jane.doe@example.com ' +
  'if anything looks wrong. The rest of this answer is ordinary text that keeps streaming for a while, ' +
  'one token at a time, so that the first token matters more than the last.';

const sim = await startOllamaSimulator({ port: 0, tokenDelayMs });
sim.replyWith(reply);

const targets = `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: ${sim.url}
`;
const pii = (patterns: string) => `policies:
  - id: local-privacy-policy
    rules:
      - type: pii_detection
        action: redact
        patterns: [${patterns}]
`;

function gatewayFor(name: string, rest: string) {
  return serveYaml(`${name}.yaml`, targets + rest);
}

/** Milliseconds until the first byte of content, and until the end, for one streamed request. */
async function timeStream(url: string, body: object, firstContent: (text: string) => boolean) {
  const start = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  let first: number | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += decoder.decode(value, { stream: true });
    if (first === undefined && firstContent(seen)) first = performance.now() - start;
  }
  return { first: first ?? Number.NaN, total: performance.now() - start };
}

const message = { role: 'user', content: 'Tell me what my record shows.' };
const direct = () =>
  timeStream(`${sim.url}/api/chat`, { model: 'llama3.3', messages: [message], stream: true }, (t) =>
    /"content":"[^"]/.test(t),
  );
const viaGateway = (url: string) => () =>
  timeStream(`${url}/v1/chat/completions`, { model: 'llama3.3', messages: [message], stream: true }, (t) =>
    /"delta":\{"content":"[^"]/.test(t),
  );

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(name: string, run: () => Promise<{ first: number; total: number }>) {
  await run(); // warm-up
  const firsts: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { first, total } = await run();
    firsts.push(first);
    totals.push(total);
  }
  return { name, ttft: median(firsts), total: median(totals) };
}

const open = await gatewayFor('open', '');
// Any word can begin an e-mail address, so with `email` active each word is held until it ends.
const noEmail = await gatewayFor('no-email', pii('ssn, credit_card'));
const incremental = await gatewayFor('incremental', pii('ssn, credit_card, email'));
const buffered = await gatewayFor(
  'buffered',
  `${pii('ssn, credit_card, email')}server:\n  streaming:\n    policy_mode: buffered\n`,
);
const rows = [
  await measure('Ollama simulator, direct', direct),
  await measure('gateway, no policies (pass-through)', viaGateway(open.url)),
  await measure('gateway, pii_detection [ssn, credit_card] (incremental)', viaGateway(noEmail.url)),
  await measure(
    'gateway, pii_detection [ssn, credit_card, email] (incremental)',
    viaGateway(incremental.url),
  ),
  await measure('gateway, pii_detection, policy_mode: buffered', viaGateway(buffered.url)),
];
console.log(
  `median of ${runs} streams, ${tokenDelayMs} ms per token; the plan each row gets is in brackets\n`,
);
console.log('| path | time to first token (ms) | whole answer (ms) |');
console.log('| --- | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${r.ttft.toFixed(1)} | ${r.total.toFixed(1)} |`);
await open.close();
await buffered.close();
await incremental.close();
await noEmail.close();
await sim.close();
