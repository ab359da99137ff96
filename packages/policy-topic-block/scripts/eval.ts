// Measures the built-in topics, every one active, with the lexicon alone and with the learned layer:
//   pnpm build && node scripts/eval.ts [--failures[=heldout]] [--blind]
// 1. topic-cases.ts: its tuning split and its held-out split (the lexicon was tuned on both in
//    earlier rounds; the learned models never saw the held-out split).
// 2. the development rounds (trained on: in-sample figures, printed for completeness).
// 3. outside benign text never fitted: prompt-injection benign rows of the held-out part and test
//    file, the `eval` half of the PII sentences, the `eval` half of the README pieces, and 90
//    requests that use the topics' words in everyday senses ("kill the process", a nail gun).
// 4. with --blind only: the sixth blind held-out set (src/fixtures/blind-heldout-6.ts), written from
//    the specification by someone who never saw the detector or the other fixtures, and the fifth
//    and fourth (measured in earlier rounds, never trained on); never tune on any of them. (The first three blind
//    sets were measured and are development data now.)
// --failures lists the tuning cases of topic-cases.ts it gets wrong (--failures=heldout: held-out).
import { loadSplits, piiSentences, readmePieces } from '@keeptrusts/testkit/corpora';
import { builtinTopicNames, createTopicMatcher, type TopicMatcher } from '../dist/index.js';
import { blindHeldout4Cases } from '../src/fixtures/blind-heldout-4.ts';
import { blindHeldout5Cases } from '../src/fixtures/blind-heldout-5.ts';
import { blindHeldout6Cases } from '../src/fixtures/blind-heldout-6.ts';
import { EVERYDAY_WORDS_BLIND } from '../src/fixtures/everyday-words-blind.ts';
import type { TopicCase } from '../src/fixtures/topic-cases.ts';
import { topicCases } from '../src/fixtures/topic-cases.ts';
import { evaluate, type SplitMetrics } from '../src/test-support/evaluation.ts';
import { developmentCases } from './development-cases.ts';

const topics = [...builtinTopicNames];
const lexicon = createTopicMatcher({ topics, learned: false });
const full = createTopicMatcher({ topics });
const names = (matcher: TopicMatcher) => (text: string) => matcher.match(text).map((m) => m.topic);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const recall = (m: SplitMetrics) => (m.blocked === 0 ? '–' : `${pct(m.recall)} (${m.caught}/${m.blocked})`);
const blocks = (m: SplitMetrics) => `${m.falseBlocks}/${m.benign}`;

function table(title: string, cases: readonly TopicCase[], split: 'tuning' | 'heldout' | 'all'): void {
  const a = evaluate(cases, names(lexicon)).rows;
  const b = evaluate(cases, names(full)).rows;
  console.log(`\n${title}`);
  console.log(
    '| topic | recall, lexicon | recall, + learned | false blocks, lexicon | false blocks, + learned |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of [...topics, 'generic', 'total']) {
    const x = a.get(row)?.[split];
    const y = b.get(row)?.[split];
    if (x === undefined || y === undefined || x.blocked + x.benign === 0) continue;
    console.log(`| ${row} | ${recall(x)} | ${recall(y)} | ${blocks(x)} | ${blocks(y)} |`);
  }
}

const args = process.argv.slice(2);
const cases = topicCases();
table('topic-cases.ts, tuning split', cases, 'tuning');
table('topic-cases.ts, held-out split (never fitted by the learned models)', cases, 'heldout');
const rounds = developmentCases().filter((c) => /^(dev\d+|fresh|blind\d?|everyday)\//.test(c.id));
table(
  'development rounds 3–12, the round-2 set, the first three blind sets and the everyday-word requests (fitted: in-sample)',
  rounds,
  'tuning',
);

const injection = loadSplits();
const outside: [string, string[]][] = [
  [
    'prompt-injection benign rows, held-out part + test file',
    [...injection.heldOut, ...injection.test].filter((r) => r.label === 0).map((r) => r.prompt),
  ],
  ['PII dataset sentences, eval half', piiSentences().eval],
  ['README pieces, eval half', readmePieces().eval.map((piece) => piece.text)],
  [
    'requests using topic words in everyday senses, blind (src/fixtures/everyday-words-blind.ts)',
    [...EVERYDAY_WORDS_BLIND],
  ],
];
console.log('\noutside benign text, never fitted');
console.log('| texts | count | false blocks, lexicon | false blocks, + learned |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, texts] of outside) {
  const count = (matcher: TopicMatcher) => texts.filter((t) => matcher.match(t).length > 0).length;
  console.log(`| ${name} | ${texts.length} | ${count(lexicon)} | ${count(full)} |`);
}

if (args.includes('--blind')) {
  table('sixth blind held-out set (src/fixtures/blind-heldout-6.ts)', blindHeldout6Cases(), 'heldout');
  table(
    'fifth blind held-out set (src/fixtures/blind-heldout-5.ts; measured before, never trained on)',
    blindHeldout5Cases(),
    'heldout',
  );
  table(
    'fourth blind held-out set (src/fixtures/blind-heldout-4.ts; measured before, never trained on)',
    blindHeldout4Cases(),
    'heldout',
  );
}

const failuresFlag = args.find((arg) => arg.startsWith('--failures'));
if (failuresFlag !== undefined) {
  const split = failuresFlag === '--failures=heldout' ? 'heldout' : 'tuning';
  console.log(`\nfailures (${split}):`);
  for (const f of evaluate(cases, names(full)).failures.filter((x) => x.case.split === split)) {
    const got = f.matched.length === 0 ? 'nothing' : f.matched.join(', ');
    console.log(
      `  ${f.case.id} [${f.case.expectBlock ? 'missed' : 'false block'}; matched ${got}] ${f.case.text}`,
    );
  }
}
