// Measures the detector on the prompt-injection development set and on our own labelled cases.
// Run after building: `node scripts/eval.ts [--threshold 0.5]`. Reads the CSVs from
// $KT_DATASETS/prompt-injection, else from @keeptrusts/testkit's datasets/prompt-injection.
// `--failures` lists the misclassified rows of the tuning split only (never held-out or test rows),
// with score and fired signals, then stops.
import { parseArgs } from 'node:util';
import { datasetDir, loadSplits, piiSentences, type Row, readmePieces } from '@keeptrusts/testkit/corpora';
import { createInjectionDetector, DEFAULT_THRESHOLD } from '../dist/index.js';
import { BENIGN_VOCABULARY_BLIND } from '../src/fixtures/benign-vocabulary-blind.ts';
import { BENIGN_VOCABULARY_TRAIN } from '../src/fixtures/benign-vocabulary-train.ts';
import { HARD_BENIGN } from '../src/fixtures/hard-benign.ts';
import { OWN_CASES } from '../src/fixtures/own-cases.ts';
import { generate } from './training/generate.ts';
import { isGeneratedHeldOut } from './training/held-out.ts';

const { values } = parseArgs({
  options: { threshold: { type: 'string' }, splits: { type: 'string' }, failures: { type: 'boolean' } },
});
const threshold = values.threshold === undefined ? DEFAULT_THRESHOLD : Number(values.threshold);
const wanted = new Set(
  (values.splits ?? 'generated,tune,held-out,test,own,readme,pii,hard,vocabulary-dev,vocabulary').split(','),
);
const detectors = [
  createInjectionDetector({ threshold, learned: false }),
  createInjectionDetector({ threshold }),
] as const;

function rates(detector: (typeof detectors)[number], rows: readonly Row[]): string {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  for (const row of rows) {
    const blocked = detector.detect(row.prompt).blocked;
    if (row.label === 1) blocked ? tp++ : fn++;
    else blocked ? fp++ : tn++;
  }
  const tpr = tp + fn === 0 ? '–' : `${(tp / (tp + fn)).toFixed(3)} (${tp}/${tp + fn})`;
  return `${tpr} | ${(fp / Math.max(1, fp + tn)).toFixed(3)} (${fp}/${fp + tn})`;
}

function measure(name: string, rows: readonly Row[]): string {
  const attacks = rows.filter((r) => r.label === 1).length;
  return `| ${name} | ${attacks} | ${rows.length - attacks} | ${detectors.map((d) => rates(d, rows)).join(' | ')} |`;
}

const dir = datasetDir();
const splits = loadSplits(dir);
const readme: Row[] = readmePieces().eval.map((piece) => ({ prompt: piece.text, label: 0 }));
const pii: Row[] = [...piiSentences().train, ...piiSentences().eval].map((prompt) => ({ prompt, label: 0 }));
const hard: Row[] = HARD_BENIGN.map((prompt) => ({ prompt, label: 0 }));
const vocabulary: Row[] = BENIGN_VOCABULARY_BLIND.map((prompt) => ({ prompt, label: 0 }));
const vocabularyDev: Row[] = BENIGN_VOCABULARY_TRAIN.map((prompt) => ({ prompt, label: 0 }));
const own: Row[] = OWN_CASES.map((c) => ({ prompt: c.text, label: c.label === 'attack' ? 1 : 0 }));
// The held-out 20 % of the generated texts (the training distribution; never fitted).
const seenGenerated = new Set<string>();
const generated: Row[] = generate(19, (lang) => (lang === 'en' ? 1200 : lang === 'zh' ? 600 : 380))
  .filter((g) => isGeneratedHeldOut(g.text) && !seenGenerated.has(g.text) && seenGenerated.add(g.text))
  .map((g) => ({ prompt: g.text, label: g.label }));
const table: [string, string, readonly Row[]][] = [
  ['generated', 'generated texts, held-out part (20 % by hash, never fitted)', generated],
  ['tune', 'train, tuning part (80 %)', splits.tune],
  ['held-out', 'train, held-out part (20 %, never tuned on)', splits.heldOut],
  ['test', 'upstream test file (minus overlaps)', splits.test],
  ['own', 'own cases (src/fixtures/own-cases.ts)', own],
  ['readme', 'README pieces, eval half (testkit corpora/readme-pieces.ts, never fitted)', readme],
  ['pii', 'PII dataset sentences (testkit datasets/pii)', pii],
  ['hard', 'hard benign persona-style messages (src/fixtures/hard-benign.ts, never fitted)', hard],
  [
    'vocabulary-dev',
    'the same kind, development set the phrase rules were tuned on (src/fixtures/benign-vocabulary-train.ts)',
    vocabularyDev,
  ],
  [
    'vocabulary',
    'benign messages using attack words in everyday senses (src/fixtures/benign-vocabulary-blind.ts, never fitted)',
    vocabulary,
  ],
];

if (values.failures === true) {
  // Tuning split only: the held-out and test rows must not be inspected while tuning.
  for (const row of splits.tune) {
    const result = detectors[1].detect(row.prompt);
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
console.log(
  '| split | attacks | benign | signals: TPR | signals: FPR | learned layer: TPR | learned layer: FPR |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [key, name, rows] of table) if (wanted.has(key)) console.log(measure(name, rows));
