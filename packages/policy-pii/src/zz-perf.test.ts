import { ScanStage, type TextScanner } from '@keeptrusts/core';
import { it } from 'vitest';
import { createPiiScanner } from './scanner.js';

const para = 'Sure. Your record shows SSN 514-79-5339 and the card 4111 1111 1111 1111; write to jane.doe@example.com if anything looks wrong. The rest of this answer is ordinary text that keeps streaming for a while, one token at a time, so that the first token matters more than the last. ';
const text = para.repeat(40);
function run(scanner: TextScanner, size: number): number {
  const t0 = performance.now();
  const stage = new ScanStage(scanner);
  let out = '';
  for (let i = 0; i < text.length; i += size) out += stage.push(text.slice(i, i + size)).text;
  out += stage.end().text;
  return performance.now() - t0;
}
it('perf', () => {
  const s = createPiiScanner({});
  const fixed: TextScanner = { holdback: s.holdback, lookbehind: s.lookbehind, scan: s.scan };
  const onlySafe: TextScanner = { ...fixed, safeEnd: s.safeEnd };
  for (const size of [4, 16]) {
    for (let k = 0; k < 2; k++) {
      const a = run(fixed, size), b = run(s, size);
      let t0 = performance.now(); for (let i = 0; i + 300 < text.length; i += size) s.safeEnd!(text.slice(0, i+300)); const c = performance.now()-t0;
      t0 = performance.now(); for (let i = 0; i + 300 < text.length; i += size) s.scan(text.slice(i, i+300)); const d = performance.now()-t0;
      console.log(`chunk ${size}: fixed ${a.toFixed(0)} ms, safeEnd ${b.toFixed(0)} ms; safeEnd alone ${c.toFixed(0)} ms vs scan of 300 chars ${d.toFixed(0)} ms, chunks ${Math.ceil(text.length/size)}`);
    }
  }
  void onlySafe;
}, 120000);
