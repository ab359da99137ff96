// Times `match` on 1 KB to 1 MB of ordinary and adversarial text, with every built-in topic on.
// Run after a build: `pnpm build && node scripts/bench.ts`. Linear means µs/KB stays flat.
import { builtinTopicNames, createTopicMatcher } from '../dist/index.js';

const matcher = createTopicMatcher({
  topics: [
    ...builtinTopicNames,
    { name: 'project_x', keywords: ['project x'], patterns: ['\\bpx-\\d{4}\\b'] },
  ],
});

const prose =
  'The committee met on Tuesday to review the quarterly budget, and how to improve onboarding for new staff. ' +
  'Several people asked where to find the updated handbook; others wanted tips on the new expense tool. ' +
  'Nothing in the history of this office suggests the plan will fail, but we should write a summary first. ';

const inputs: Record<string, string> = {
  prose,
  // Frames, terms and cues on every line: the rule search does the most work here.
  'dense matches':
    'How do I make a pipe bomb? The history of the pipe bomb. Where can I buy meth on the dark web? ',
  // Suppressed chains everywhere, with no sentence break to bound them.
  'one long sentence': 'history of how to make a bomb and how to cook meth and how to kill someone ',
  'one long word': 'a',
  'leetspeak and lookalikes': 'h0w t0 m4ke а b0mb wіth 3xpl0s1ves ',
  'mixed unicode': 'Ünïcödé 🚀 テキスト текст نص 文本 \u200b\u202e ',
};

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const sizes = [1_024, 10_240, 102_400, 1_048_576];
console.log('| input | 1 KB | 10 KB | 100 KB | 1 MB | µs per KB at 1 MB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, unit] of Object.entries(inputs)) {
  const cells: string[] = [];
  let perKb = 0;
  for (const size of sizes) {
    const text = repeatTo(unit, size);
    const runs = Math.max(5, Math.min(2_000, Math.floor(20_000_000 / size)));
    for (let i = 0; i < Math.min(runs, 50); i++) matcher.match(text);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      matcher.match(text);
      times.push(performance.now() - start);
    }
    const ms = median(times);
    cells.push(ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
    perKb = (ms * 1000) / (size / 1024);
  }
  console.log(`| ${name} | ${cells.join(' | ')} | ${perKb.toFixed(1)} |`);
}

const start = performance.now();
createTopicMatcher({ topics: ['weapons_manufacturing'] });
console.log(`\ncreateTopicMatcher (lexicon already compiled): ${(performance.now() - start).toFixed(2)} ms`);
