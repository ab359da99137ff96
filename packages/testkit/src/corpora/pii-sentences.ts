import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetsRoot } from './paths.js';

/**
 * The 1,500 sentences of presidio-research's synth_dataset_v2.json (../shared/datasets/pii): ordinary
 * text with personal data in it, used as benign text by the other detectors. Split in two halves by a
 * hash of the sentence, so one half can be fitted and the other only measured. Empty when absent.
 */
export function piiSentences(): { train: string[]; eval: string[] } {
  const file = join(datasetsRoot(), 'pii', 'synth_dataset_v2.json');
  const halves = { train: [] as string[], eval: [] as string[] };
  if (!existsSync(file)) return halves;
  for (const record of JSON.parse(readFileSync(file, 'utf8')) as { full_text: string }[]) {
    const even = (createHash('sha256').update(record.full_text).digest()[0] ?? 0) % 2 === 0;
    (even ? halves.train : halves.eval).push(record.full_text);
  }
  return halves;
}
