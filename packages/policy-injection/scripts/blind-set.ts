// Reads the frozen blind set (blind/*.txt, see blind/README.md). Used by scripts/eval-blind.ts only:
// the training script and the tests never import it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BlindRow = {
  readonly lang: string;
  readonly label: 0 | 1;
  readonly family: string;
  readonly form: string;
  readonly text: string;
  readonly words: number;
};

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Words as a reader counts them, for every script (Chinese and Japanese have no spaces). */
export function wordCount(text: string): number {
  let n = 0;
  for (const part of segmenter.segment(text)) if (part.isWordLike === true) n++;
  return n;
}

export function loadBlindSet(): BlindRow[] {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'blind');
  const rows: BlindRow[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const lang = file.slice(0, -4);
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      const bar = line.indexOf(' | ');
      const [kind, family, form] = line.slice(0, bar).split(' ');
      if (bar < 0 || (kind !== 'attack' && kind !== 'benign') || family === undefined || form === undefined) {
        throw new Error(`${file}: malformed line: ${line.slice(0, 60)}`);
      }
      const text = line.slice(bar + 3).replaceAll('\\n', '\n');
      rows.push({ lang, label: kind === 'attack' ? 1 : 0, family, form, text, words: wordCount(text) });
    }
  }
  return rows;
}
