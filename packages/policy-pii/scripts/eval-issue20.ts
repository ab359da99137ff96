// Measures pii_detection on the issue #20 blind set (src/fixtures/blind-issue20.ts, never tuned on),
// per pattern and per shape family, and for the training distribution on presidio-research's
// development set and our own held-out cases:
//   pnpm --filter @keeptrusts/policy-pii build && node scripts/eval-issue20.ts [--failures]
// All seven patterns are enabled, as in the default rule.
import { readFileSync } from 'node:fs';
import { datasetFile } from '@keeptrusts/testkit/corpora';
import { detectPii, knownPatterns } from '../dist/index.js';
import { blindIssue20 } from '../src/fixtures/blind-issue20.ts';
import { heldOutNegatives, heldOutPositives } from '../src/fixtures/own-cases.ts';
import {
  formatScores,
  fromPresidio,
  type PresidioRecord,
  parseLabelled,
  score,
} from '../src/test-support/evaluation.ts';

const detect = (text: string) => detectPii(text);
const blind = blindIssue20.map((c) => ({ family: c.family, ...parseLabelled(c.text) }));

console.log(
  formatScores(
    `issue #20 blind set (${blind.length} texts, ${blind.filter((c) => c.spans.length === 0).length} without a value)`,
    score(blind, detect, knownPatterns),
  ),
);

console.log('\n### per family (exact spans)\n');
console.log('| family | texts | gold | found | wrong spans emitted |');
console.log('| --- | ---: | ---: | ---: | ---: |');
const failures: string[] = [];
for (const family of [...new Set(blind.map((c) => c.family))]) {
  const set = blind.filter((c) => c.family === family);
  let gold = 0;
  let found = 0;
  let wrong = 0;
  for (const c of set) {
    const got = detect(c.text);
    const same = (a: { type: string; start: number; end: number }, b: typeof a) =>
      a.type === b.type && a.start === b.start && a.end === b.end;
    gold += c.spans.length;
    const hits = c.spans.filter((s) => got.some((m) => same(s, m))).length;
    found += hits;
    const bad = got.filter((m) => !c.spans.some((s) => same(s, m)));
    wrong += bad.length;
    if (hits < c.spans.length || bad.length > 0) {
      const shown = got.map((m) => `${m.type}:${c.text.slice(m.start, m.end)}`).join(', ') || 'nothing';
      failures.push(`  ${family} [${shown}] ${c.text}`);
    }
  }
  console.log(`| ${family} | ${set.length} | ${gold} | ${found} | ${wrong} |`);
}
if (process.argv.includes('--failures')) console.log(`\nfailures\n${failures.join('\n')}`);

const records = JSON.parse(
  readFileSync(datasetFile('pii', 'synth_dataset_v2.json'), 'utf8'),
) as PresidioRecord[];
console.log();
console.log(
  formatScores(
    'training distribution: presidio-research synth_dataset_v2',
    score(fromPresidio(records), detect, knownPatterns),
  ),
);
console.log();
console.log(
  formatScores(
    'training distribution: own held-out cases (src/fixtures/own-cases.ts)',
    score([...heldOutPositives, ...heldOutNegatives].map(parseLabelled), detect, knownPatterns),
  ),
);
