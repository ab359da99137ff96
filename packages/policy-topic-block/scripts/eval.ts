// Prints recall and false-block rate per built-in topic on the tuning and held-out splits of
// src/fixtures/topic-cases.ts. Run after a build: `pnpm build && node scripts/eval.ts`.
// `--failures` lists the tuning cases it gets wrong; `--failures=heldout` the held-out ones.
import { builtinTopicNames, createTopicMatcher } from '../dist/index.js';
import { topicCases } from '../src/fixtures/topic-cases.ts';
import { evaluate } from '../src/test-support/evaluation.ts';

const matcher = createTopicMatcher({ topics: [...builtinTopicNames] });
const { rows, failures } = evaluate(topicCases(), (text) => matcher.match(text).map((m) => m.topic));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const lines = [
  '| topic | split | blocked | recall | benign | false blocks | false-block rate |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
];
for (const [row, splits] of rows) {
  for (const split of ['tuning', 'heldout', 'all'] as const) {
    const m = splits[split];
    const recall = m.blocked === 0 ? '–' : `${pct(m.recall)} (${m.caught}/${m.blocked})`;
    lines.push(
      `| ${row} | ${split} | ${m.blocked} | ${recall} | ${m.benign} | ${m.falseBlocks} | ${pct(m.falseBlockRate)} |`,
    );
  }
}
console.log(lines.join('\n'));

const flag = process.argv.find((arg) => arg.startsWith('--failures'));
if (flag !== undefined) {
  const split = flag === '--failures=heldout' ? 'heldout' : 'tuning';
  console.log(`\nfailures (${split}):`);
  for (const f of failures.filter((x) => x.case.split === split)) {
    const got = f.matched.length === 0 ? 'nothing' : f.matched.join(', ');
    console.log(
      `  ${f.case.id} [${f.case.expectBlock ? 'missed' : 'false block'}; matched ${got}] ${f.case.text}`,
    );
  }
}
