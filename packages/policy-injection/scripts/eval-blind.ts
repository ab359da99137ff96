// Measures the detector on the frozen blind set (blind/, see its README): once per round, never
// for tuning. Prints rates only, never the rows it got wrong. Run after a build:
//   node scripts/eval-blind.ts [--threshold 0.5]
import { parseArgs } from 'node:util';
import { createInjectionDetector, DEFAULT_THRESHOLD } from '../dist/index.js';
import { type BlindRow, loadBlindSet } from './blind-set.ts';

const { values } = parseArgs({ options: { threshold: { type: 'string' } } });
const threshold = values.threshold === undefined ? DEFAULT_THRESHOLD : Number(values.threshold);
const detector = createInjectionDetector({ threshold });
const rows = loadBlindSet();
const blocked = new Map<BlindRow, boolean>(rows.map((row) => [row, detector.detect(row.text).blocked]));

function rate(subset: readonly BlindRow[], label: 0 | 1): string {
  const kept = subset.filter((row) => row.label === label);
  if (kept.length === 0) return '–';
  const hits = kept.filter((row) => blocked.get(row)).length;
  return `${(hits / kept.length).toFixed(3)} (${hits}/${kept.length})`;
}

function table(title: string, key: (row: BlindRow) => string): void {
  console.log(`\n| ${title} | TPR | FPR |\n| --- | ---: | ---: |`);
  const groups = [...new Set(rows.map(key))].sort();
  for (const group of groups) {
    const subset = rows.filter((row) => key(row) === group);
    console.log(`| ${group} | ${rate(subset, 1)} | ${rate(subset, 0)} |`);
  }
}

console.log(`blind set: ${rows.length} rows, threshold ${threshold}`);
console.log(`\n| all | TPR | FPR |\n| --- | ---: | ---: |\n| all | ${rate(rows, 1)} | ${rate(rows, 0)} |`);
table('length band', (row) => (row.words < 40 ? 'short (< 40 words)' : 'long (>= 40 words)'));
table('language', (row) => row.lang);
table('form', (row) => (row.form === 'direct' ? 'direct' : 'indirect'));
table('family', (row) => `${row.label === 1 ? 'attack' : 'benign'}: ${row.family}`);
