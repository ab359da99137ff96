// Loads the llm-warden prompt-injection CSVs, de-duplicates them and carves out the held-out split.
// The split is fixed by a hash of the prompt text, so it never depends on row order or on tuning.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { datasetsRoot } from './paths.js';

export type Row = { prompt: string; label: 0 | 1 };

export type Splits = {
  tune: Row[];
  heldOut: Row[];
  test: Row[];
  notes: string[];
};

const TRAIN_FILE = 'jailbreak_dataset_train_balanced.csv';
const TEST_FILE = 'jailbreak_dataset_test_balanced.csv';

/** Directory holding the CSVs: $KT_DATASETS/prompt-injection, else this package's datasets/prompt-injection. */
export function datasetDir(): string {
  return join(datasetsRoot(), 'prompt-injection');
}

function readRows(file: string): Row[] {
  const records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as {
    prompt: string;
    type: string;
  }[];
  return records.map((r) => {
    if (r.type !== 'jailbreak' && r.type !== 'benign') throw new Error(`${file}: unknown type "${r.type}"`);
    return { prompt: r.prompt, label: r.type === 'jailbreak' ? 1 : 0 };
  });
}

function dedupe(rows: Row[]): { rows: Row[]; dropped: number } {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const row of rows) {
    if (seen.has(row.prompt)) continue;
    seen.add(row.prompt);
    out.push(row);
  }
  return { rows: out, dropped: rows.length - out.length };
}

/** 20 % of de-duplicated train prompts, chosen by the first byte of sha256(prompt); never used while tuning. */
export function isHeldOut(prompt: string): boolean {
  const first = createHash('sha256').update(prompt, 'utf8').digest()[0] ?? 0;
  return first % 5 === 0;
}

export function loadSplits(dir: string = datasetDir()): Splits {
  const train = dedupe(readRows(join(dir, TRAIN_FILE)));
  const test = dedupe(readRows(join(dir, TEST_FILE)));
  const trainPrompts = new Set(train.rows.map((r) => r.prompt));
  const testRows = test.rows.filter((r) => !trainPrompts.has(r.prompt));
  return {
    tune: train.rows.filter((r) => !isHeldOut(r.prompt)),
    heldOut: train.rows.filter((r) => isHeldOut(r.prompt)),
    test: testRows,
    notes: [
      `train: dropped ${train.dropped} exact duplicate prompts`,
      `test: dropped ${test.dropped} exact duplicates and ${test.rows.length - testRows.length} prompts also in train`,
    ],
  };
}
