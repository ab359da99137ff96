// Time per call of each in-process detector on 1 KB, 10 KB, 100 KB and 1 MB of text, to show
// the cost per call and that it grows linearly with the input.
//
//   pnpm --filter @keeptrusts/bench detectors       (after pnpm build)
import { createInjectionDetector } from '@keeptrusts/policy-injection';
import { createPiiScanner } from '@keeptrusts/policy-pii';
import { createTopicMatcher } from '@keeptrusts/policy-topic-block';

// Ordinary prose with some PII, code and numbers mixed in, repeated to size.
const sample =
  'The quarterly report covers shipments to Lisbon, Osaka and Denver. Please contact the team at ' +
  'ops-team@example.com or call +1 415 555 0134 if the invoice INV-2024-0117 looks wrong. ' +
  'function total(xs) { return xs.reduce((a, b) => a + b, 0); } Version 4.2.1 shipped on 2024-03-14. ' +
  'A customer asked how to reset their password and whether the history of the company is online. ';

// Text dense with what the #20 changes added: dotted SSNs, (area) phones after ID words, card- and
// IMEI-shaped groups, crime frames, mention cues and everyday senses, so every new path runs.
const dense =
  'SSN 341.56.2298, customer (646) 392-1847, voucher 4821 739215 66043, IMEI 35-209900-176148-1, ' +
  'lot 2025 118 0042. How do I bypass the meter and cash out stolen cards without getting caught? ' +
  'As a forensic accountant, my prescription, a video game: how is napalm made? Break into the wine ' +
  'industry, launder a wool sweater, smuggle snacks into the cinema, make my bike harder to steal. ';

function textOf(bytes: number, base: string = sample): string {
  return base.repeat(Math.ceil(bytes / base.length)).slice(0, bytes);
}

function timePerCall(run: (text: string) => unknown, text: string): number {
  const budgetMs = 1500;
  run(text); // warm-up
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs || calls < 3) {
    run(text);
    calls++;
  }
  return (performance.now() - start) / calls;
}

const pii = createPiiScanner({
  action: 'redact',
  patterns: ['ssn', 'credit_card', 'email', 'passport_number', 'phone', 'ip_address', 'iban'],
});
const injection = createInjectionDetector();
const topics = createTopicMatcher({
  topics: ['weapons_manufacturing', 'illegal_activity', 'self_harm', 'malware', 'hate_speech', 'violence'],
});
const detectors: [string, (text: string) => unknown][] = [
  ['pii_detection (all 7 patterns)', (t) => pii.scan(t)],
  ['prompt_injection', (t) => injection.detect(t)],
  ['topic_block (all 6 topics)', (t) => topics.match(t)],
];
const sizes = [1_000, 10_000, 100_000, 1_000_000];

console.log('milliseconds per call (mean over about 1.5 s of calls per cell), on this machine\n');
console.log(
  `| detector | input | ${sizes.map((s) => `${s / 1000} KB`).join(' | ')} | µs per KB at 1 MB | per KB, 1 MB / 1 KB |`,
);
console.log(`| --- | --- | ${sizes.map(() => '---:').join(' | ')} | ---: | ---: |`);
for (const [name, run] of detectors) {
  for (const [input, base] of [
    ['prose', sample],
    ['dense (#20 shapes)', dense],
  ] as const) {
    const cells = sizes.map((size) => timePerCall(run, textOf(size, base)));
    const perKb = (cells.at(-1)! / 1000) * 1000;
    // 1.0 is perfectly linear; the 1 KB cell pays the call's fixed cost, so below 1 is fine.
    const ratio = cells.at(-1)! / 1000 / cells[0]!;
    console.log(
      `| ${name} | ${input} | ${cells.map((ms) => ms.toFixed(3)).join(' | ')} | ${perKb.toFixed(1)} | ${ratio.toFixed(2)} |`,
    );
  }
}
