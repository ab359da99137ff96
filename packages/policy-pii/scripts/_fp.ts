import { readFileSync } from 'node:fs';
import { detectPii } from '/work/main/packages/policy-pii/dist/index.js';
import { fromPresidio } from '/work/main/packages/policy-pii/src/test-support/evaluation.ts';
const recs = JSON.parse(readFileSync('/work/shared/datasets/pii/synth_dataset_v2.json','utf8'));
const ds = fromPresidio(recs);
const want = process.argv[2];
ds.forEach((r, i) => {
  const em = detectPii(r.text).filter(m => m.type === want);
  for (const m of em) if (!r.spans.some(s => s.type === want && s.start < m.end && m.start < s.end)) {
    const other = recs[i].spans.filter(s => s.start_position < m.end && m.start < s.end_position).map(s=>s.entity_type);
    console.log('FP', JSON.stringify(r.text.slice(m.start, m.end)), other.join(','), '|', JSON.stringify(r.text.slice(Math.max(0,m.start-30), m.end+10)));
  }
  for (const s of r.spans.filter(s => s.type === want)) if (!em.some(m => s.start < m.end && m.start < s.end)) console.log('FN', JSON.stringify(r.text.slice(s.start, s.end)), '|', JSON.stringify(r.text.slice(Math.max(0,s.start-30), s.end+10)));
});
