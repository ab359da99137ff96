import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { datasetFile } from './paths.js';

/**
 * The 1,500 sentences of presidio-research's synth_dataset_v2.json (this package's datasets/pii): ordinary
 * text with personal data in it, used as benign text by the other detectors. Split in two halves by a
 * hash of the sentence, so one half can be fitted and the other only measured. Throws when the file is missing.
 */
export function piiSentences(): { train: string[]; eval: string[] } {
  const file = datasetFile('pii', 'synth_dataset_v2.json');
  const halves = { train: [] as string[], eval: [] as string[] };
  for (const record of JSON.parse(readFileSync(file, 'utf8')) as { full_text: string }[]) {
    const even = (createHash('sha256').update(record.full_text).digest()[0] ?? 0) % 2 === 0;
    (even ? halves.train : halves.eval).push(record.full_text);
  }
  return halves;
}
