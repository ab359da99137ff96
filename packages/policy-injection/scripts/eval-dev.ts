// Measures the detector on a development set, the round-11 one (src/fixtures/dev-set.ts) or, with
// `--set r12`, the round-12 one (src/fixtures/dev-set-r12.ts): rates per language and per family,
// and, unlike the blind set, the rows it gets wrong, since these sets are written for diagnosis.
// Run after a build: `node scripts/eval-dev.ts [--set r11|r12] [--threshold 0.5] [--failures]`.
import { parseArgs } from 'node:util';
import { createInjectionDetector, DEFAULT_THRESHOLD } from '../dist/index.js';
import { DEV_SET } from '../src/fixtures/dev-set.ts';
import { DEV_SET_R12 } from '../src/fixtures/dev-set-r12.ts';

type DevCase = {
  readonly lang: string;
  readonly label: 0 | 1;
  readonly family: string;
  readonly text: string;
};

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'r11' },
    threshold: { type: 'string' },
    failures: { type: 'boolean' },
  },
});
const SETS: Readonly<Record<string, readonly DevCase[]>> = { r11: DEV_SET, r12: DEV_SET_R12 };
const rows = SETS[values.set];
if (rows === undefined) throw new Error(`--set must be one of ${Object.keys(SETS).join(', ')}`);
const threshold = values.threshold === undefined ? DEFAULT_THRESHOLD : Number(values.threshold);
const detector = createInjectionDetector({ threshold });
const results = rows.map((row) => ({ row, result: detector.detect(row.text) }));

function rate(keep: (row: DevCase) => boolean, label: 0 | 1): string {
  const kept = results.filter(({ row }) => row.label === label && keep(row));
  if (kept.length === 0) return '–';
  const hits = kept.filter(({ result }) => result.blocked).length;
  return `${(hits / kept.length).toFixed(3)} (${hits}/${kept.length})`;
}

function table(title: string, key: (row: DevCase) => string): void {
  console.log(`\n| ${title} | TPR | FPR |\n| --- | ---: | ---: |`);
  for (const group of [...new Set(rows.map(key))])
    console.log(
      `| ${group} | ${rate((row) => key(row) === group, 1)} | ${rate((row) => key(row) === group, 0)} |`,
    );
}

console.log(`development set ${values.set}: ${rows.length} rows, threshold ${threshold}`);
console.log(
  `\n| all | TPR | FPR |\n| --- | ---: | ---: |\n| all | ${rate(() => true, 1)} | ${rate(() => true, 0)} |`,
);
table('language', (row) => row.lang);
table('family', (row) => row.family);
if (values.failures === true) {
  console.log('');
  for (const { row, result } of results) {
    if (result.blocked === (row.label === 1)) continue;
    const kind = row.label === 1 ? 'MISS' : 'FALSE-POSITIVE';
    console.log(
      `${kind} ${row.lang} ${row.family} ${result.score.toFixed(3)}: ${row.text.replaceAll('\n', '\\n')}`,
    );
  }
}
