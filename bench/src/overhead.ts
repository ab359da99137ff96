// Gateway overhead: non-streamed chat requests straight to the simulator (native API) and
// through the gateway (OpenAI API, no policies, the seed's PII policy, then every built-in guard
// on requests and answers), with autocannon.
//
//   pnpm --filter @keeptrusts/bench overhead        (after pnpm build)
import { startOllamaSimulator } from '@keeptrusts/testkit';
import autocannon from 'autocannon';
import { serveYaml } from './serve-yaml.ts';

const seconds = Number(process.env.SECONDS ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 32);
const sim = await startOllamaSimulator({ port: 0, tokenDelayMs: 0 });
sim.replyWith('A short answer of a dozen or so tokens, enough to be realistic for a reply.');

function gatewayWith(policies: string) {
  const targets = `providers:\n  targets:\n    - id: llama\n      provider: ollama:chat:llama3.3\n      base_url: ${sim.url}\n`;
  return serveYaml('bench.yaml', targets + policies);
}

const messages = [
  { role: 'user', content: 'Please summarise: my email is jane.doe@example.com and I need help.' },
];

async function load(name: string, url: string, body: object) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  sim.clearRequests();
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const plain = await gatewayWith('');
const pii = await gatewayWith(
  'policies:\n  - id: privacy\n    rules:\n      - type: pii_detection\n        action: redact\n        patterns: [ssn, credit_card, email]\n',
);
const guarded = await gatewayWith(
  'policies:\n  - id: privacy\n    rules:\n      - type: pii_detection\n        action: redact\n        patterns: [ssn, credit_card, email]\n' +
    '  - id: guard\n    rules:\n      - type: prompt_injection\n        action: block\n' +
    '      - type: topic_block\n        action: block\n        scan: both\n' +
    '        topics: [weapons_manufacturing, illegal_activity, self_harm, malware, hate_speech, violence]\n' +
    '      - type: response_length\n        action: truncate\n        max_tokens: 2048\n',
);
const rows = [
  await load('simulator direct (/api/chat)', `${sim.url}/api/chat`, {
    model: 'llama3.3',
    messages,
    stream: false,
  }),
  await load('gateway, no policies', `${plain.url}/v1/chat/completions`, { model: 'llama3.3', messages }),
  await load('gateway, pii_detection redact', `${pii.url}/v1/chat/completions`, {
    model: 'llama3.3',
    messages,
  }),
  await load(
    'gateway, pii + prompt_injection + topic_block (request and answer) + response_length',
    `${guarded.url}/v1/chat/completions`,
    { model: 'llama3.3', messages },
  ),
];
console.log(
  `${connections} connections, ${seconds} s each, non-streamed chat, on this machine (2 cores shared by all)\n`,
);
console.log('| path | requests/s | p50 ms | p99 ms | errors |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
await plain.close();
await pii.close();
await guarded.close();
await sim.close();
