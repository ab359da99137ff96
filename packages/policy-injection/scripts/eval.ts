// Measures the detector on the prompt-injection development set and on our own labelled cases.
// Run after building: `node scripts/eval.ts [--threshold 0.5]`. Reads the CSVs from
// $KT_DATASETS/prompt-injection, else from <repo root>/../shared/datasets/prompt-injection.
// `--failures` lists the misclassified rows of the tuning split only (never held-out or test rows),
// with score and fired signals, then stops.
import { parseArgs } from 'node:util';
import { createInjectionDetector, DEFAULT_THRESHOLD } from '../dist/index.js';
import { OWN_CASES } from '../src/fixtures/own-cases.ts';
import { datasetDir, loadSplits, type Row } from './dataset.ts';

const { values } = parseArgs({
  options: { threshold: { type: 'string' }, splits: { type: 'string' }, failures: { type: 'boolean' } },
});
const threshold = values.threshold === undefined ? DEFAULT_THRESHOLD : Number(values.threshold);
const wanted = new Set((values.splits ?? 'tune,held-out,test,own').split(','));
const detector = createInjectionDetector({ threshold });

function measure(name: string, rows: readonly Row[]): string {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  for (const row of rows) {
    const blocked = detector.detect(row.prompt).blocked;
    if (row.label === 1) blocked ? tp++ : fn++;
    else blocked ? fp++ : tn++;
  }
  const tpr = tp / Math.max(1, tp + fn);
  const fpr = fp / Math.max(1, fp + tn);
  return `| ${name} | ${tp + fn} | ${fp + tn} | ${tpr.toFixed(3)} (${tp}/${tp + fn}) | ${fpr.toFixed(3)} (${fp}/${fp + tn}) |`;
}

const dir = datasetDir();
const splits = loadSplits(dir);
const own: Row[] = OWN_CASES.map((c) => ({ prompt: c.text, label: c.label === 'attack' ? 1 : 0 }));
const table: [string, string, readonly Row[]][] = [
  ['tune', 'train, tuning part (80 %)', splits.tune],
  ['held-out', 'train, held-out part (20 %, never tuned on)', splits.heldOut],
  ['test', 'upstream test file (minus overlaps)', splits.test],
  ['own', 'own cases (src/fixtures/own-cases.ts)', own],
];

if (values.failures === true) {
  // Tuning split only: the held-out and test rows must not be inspected while tuning.
  for (const row of splits.tune) {
    const result = detector.detect(row.prompt);
    if (result.blocked === (row.label === 1)) continue;
    const kind = row.label === 1 ? 'MISS' : 'FALSE-POSITIVE';
    console.log(`--- ${kind} score=${result.score.toFixed(3)} [${result.signals.join(', ')}]`);
    console.log(row.prompt.length > 1500 ? `${row.prompt.slice(0, 1500)} …` : row.prompt);
  }
  process.exit(0);
}

console.log(`datasets: ${dir}`);
for (const note of splits.notes) console.log(`note: ${note}`);
console.log(`threshold: ${threshold}\n`);
console.log('| split | attacks | benign | TPR | FPR |');
console.log('| --- | --- | --- | --- | --- |');
for (const [key, name, rows] of table) if (wanted.has(key)) console.log(measure(name, rows));
