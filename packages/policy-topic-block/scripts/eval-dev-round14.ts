// Measures topic_block on the round-14 development set (src/fixtures/dev-round14.ts: requests that
// belong to two topics, and lookalikes that must pass), the way eval-issue20.ts measures the blind
// set: `pnpm build && node scripts/eval-dev-round14.ts [--failures]`. Every built-in topic is on;
// "own topic alone" configures each topic a request is labelled with (`topic` and `also`) alone and
// counts the request caught when every one of them blocks it.
import { builtinTopicNames, createTopicMatcher, type TopicMatcher } from '../dist/index.js';
import { devRound14Cases } from '../src/fixtures/dev-round14.ts';
import type { TopicCase } from '../src/fixtures/topic-cases.ts';

const topics = [...builtinTopicNames];
const full = createTopicMatcher({ topics });
const alone = new Map(topics.map((t) => [t, createTopicMatcher({ topics: [t] })]));
const pct = (n: number, d: number) => (d === 0 ? '–' : `${((n / d) * 100).toFixed(1)}% (${n}/${d})`);
const blocks = (m: TopicMatcher, text: string) => m.match(text).length > 0;
const labels = (c: TopicCase) => (c.topic === null ? [] : [c.topic, ...(c.also ?? [])]);
const ownAlone = (c: TopicCase) => labels(c).every((t) => blocks(alone.get(t)!, c.text));
const family = (c: TopicCase) => c.id.split('/')[1]!;

const cases = devRound14Cases();
const requests = cases.filter((c) => c.expectBlock);
const lookalikes = cases.filter((c) => !c.expectBlock);
console.log('round-14 development set (src/fixtures/dev-round14.ts), all six topics on\n');
console.log(`requests caught: ${pct(requests.filter((c) => blocks(full, c.text)).length, requests.length)}`);
console.log(`own topic alone: ${pct(requests.filter(ownAlone).length, requests.length)}`);
console.log(
  `lookalikes blocked: ${pct(lookalikes.filter((c) => blocks(full, c.text)).length, lookalikes.length)}\n`,
);
console.log('| family | texts | all topics on | own topic alone (requests) |');
console.log('| --- | ---: | ---: | ---: |');
for (const name of [...new Set(cases.map(family))]) {
  const set = cases.filter((c) => family(c) === name);
  const all = set.filter((c) => blocks(full, c.text)).length;
  const own = set[0]!.expectBlock ? pct(set.filter(ownAlone).length, set.length) : '–';
  console.log(`| ${name} | ${set.length} | ${pct(all, set.length)} | ${own} |`);
}

if (process.argv.includes('--failures')) {
  console.log('\nfailures');
  for (const c of cases) {
    const got = full.match(c.text).map((m) => `${m.topic}:${m.signals.join('+')}`);
    const missingAlone = labels(c).filter((t) => !blocks(alone.get(t)!, c.text));
    if (c.expectBlock ? got.length === 0 || missingAlone.length > 0 : got.length > 0) {
      const alonePart = missingAlone.length > 0 ? `; not alone: ${missingAlone.join(',')}` : '';
      console.log(`  ${c.id} [${got.join(' ') || 'nothing'}${alonePart}] ${c.text}`);
    }
  }
}
