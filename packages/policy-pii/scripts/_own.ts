import { detectPii } from '../dist/index.js';
import { negatives, positives } from '../src/fixtures/own-cases.ts';
import { parseLabelled } from '../src/test-support/evaluation.ts';
for (const marked of [...positives, ...negatives]) {
  const { text, spans } = parseLabelled(marked);
  const found = detectPii(text);
  const key = (x) => `${x.type}:${text.slice(x.start, x.end)}`;
  const want = new Set(spans.map(key)); const got = new Set(found.map(key));
  for (const g of got) if (!want.has(g)) console.log('FP', g, '|', text);
  for (const w of want) if (!got.has(w)) console.log('FN', w, '|', text);
}
