// Measures pii_detection on the presidio-research development set and on our own cases.
// Run after a build: `pnpm --filter @keeptrusts/policy-pii build && node scripts/eval.ts`.
import { readFileSync } from 'node:fs';
import { datasetFile } from '@keeptrusts/testkit/corpora';
import { detectPii, knownPatterns } from '../dist/index.js';
import { heldOutNegatives, heldOutPositives, negatives, positives } from '../src/fixtures/own-cases.ts';
import {
  formatScores,
  fromPresidio,
  type PresidioRecord,
  parseLabelled,
  score,
} from '../src/test-support/evaluation.ts';

const file = datasetFile('pii', 'synth_dataset_v2.json');
const records = JSON.parse(readFileSync(file, 'utf8')) as PresidioRecord[];

const detect = (text: string) => detectPii(text);
const dataset = fromPresidio(records);
const twelveDigits = (text: string, span: { type: string; start: number; end: number }) =>
  span.type === 'credit_card' && text.slice(span.start, span.end).replace(/\D/g, '').length === 12;
const own = [...positives, ...negatives].map(parseLabelled);

console.log(
  `dataset: ${file} (${records.length} records); own cases: ${positives.length} positive, ${negatives.length} negative\n`,
);
console.log(
  formatScores(
    'presidio-research synth_dataset_v2 (all patterns enabled)',
    score(dataset, detect, knownPatterns),
  ),
);
console.log();
console.log(
  formatScores(
    'credit_card without the ten 12-digit numbers',
    score(dataset, detect, ['credit_card'], twelveDigits),
  ),
);
console.log();
console.log(formatScores('own cases (src/fixtures/own-cases.ts)', score(own, detect, knownPatterns)));
console.log();
const heldOut = [...heldOutPositives, ...heldOutNegatives].map(parseLabelled);
console.log(
  formatScores(
    `own held-out cases (${heldOutPositives.length} positive, ${heldOutNegatives.length} negative; never tuned on)`,
    score(heldOut, detect, knownPatterns),
  ),
);
