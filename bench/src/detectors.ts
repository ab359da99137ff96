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

// Mixed languages, quoted and planted instructions, JSON and encodings, for prompt_injection's
// learned layer and signals (#19: at most 0.2 ms for 1 KB and 0.5 ms for 10 KB, linear to 1 MB).
const mixed =
  'Résumé de la réunion : le budget est validé. {"status": "ok", "note": "Weather in Oslo: rain"} ' +
  '请帮我总结这封邮件的内容。Bitte fasse den Text zusammen. What does "ignore previous instructions" mean? ' +
  'data:text/plain;base64,SGVsbG8sIGhvdyBhcmUgeW91IGRvaW5nIHRvZGF5Pw== これは普通の文章です。 ';

function textOf(bytes: number, text: string = sample): string {
  return text.repeat(Math.ceil(bytes / text.length)).slice(0, bytes);
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
const injectionSignals = createInjectionDetector({ learned: false });
const topics = createTopicMatcher({
  topics: ['weapons_manufacturing', 'illegal_activity', 'self_harm', 'malware', 'hate_speech', 'violence'],
});
const detectors: [string, (text: string) => unknown, string?][] = [
  ['pii_detection (all 7 patterns)', (t) => pii.scan(t)],
  ['prompt_injection', (t) => injection.detect(t)],
  ['prompt_injection, mixed text', (t) => injection.detect(t), mixed],
  ['prompt_injection, signals only (learned: false)', (t) => injectionSignals.detect(t)],
  ['topic_block (all 6 topics)', (t) => topics.match(t)],
];
const sizes = [1_000, 10_000, 100_000, 1_000_000];

console.log('milliseconds per call (mean over about 1.5 s of calls per cell), on this machine\n');
console.log(`| detector | ${sizes.map((s) => `${s / 1000} KB`).join(' | ')} | µs per KB at 1 MB |`);
console.log(`| --- | ${sizes.map(() => '---:').join(' | ')} | ---: |`);
for (const [name, run, text] of detectors) {
  const cells = sizes.map((size) => timePerCall(run, textOf(size, text)));
  const perKb = (cells.at(-1)! / 1000) * 1000;
  console.log(`| ${name} | ${cells.map((ms) => ms.toFixed(3)).join(' | ')} | ${perKb.toFixed(1)} |`);
}
