// Measures topic_block on the issue #20 blind set (src/fixtures/blind-issue20.ts, never tuned on)
// and, for the training distribution, on the blind held-out sets 4–6 (never trained on):
//   pnpm build && node scripts/eval-issue20.ts [--failures]
// Every built-in topic is active. "recall" counts a request as caught when any topic blocks it;
// "own topic alone" configures only each topic the case is labelled with and counts the case
// caught when every one of them blocks it (a configured topic must see the texts that belong to it).
import { compileWordModel, wordProbability } from '@keeptrusts/word-model';
import {
  builtinTopicNames,
  createTopicMatcher,
  learnedFeatures,
  learnedModelFiles,
  type TopicMatcher,
} from '../dist/index.js';
import { blindHeldout4Cases } from '../src/fixtures/blind-heldout-4.ts';
import { blindHeldout5Cases } from '../src/fixtures/blind-heldout-5.ts';
import { blindHeldout6Cases } from '../src/fixtures/blind-heldout-6.ts';
import { blindIssue20Cases, type Issue20Case } from '../src/fixtures/blind-issue20.ts';
import type { TopicCase } from '../src/fixtures/topic-cases.ts';

const topics = [...builtinTopicNames];
const lexicon = createTopicMatcher({ topics, learned: false });
const full = createTopicMatcher({ topics });
const alone = new Map(topics.map((t) => [t, createTopicMatcher({ topics: [t] })]));
const pct = (n: number, d: number) => (d === 0 ? '–' : `${((n / d) * 100).toFixed(1)}% (${n}/${d})`);
const blocks = (m: TopicMatcher, text: string) => m.match(text).length > 0;
const failures = process.argv.includes('--failures');

const cases = blindIssue20Cases();
const isRequest = (c: Issue20Case) => c.kind === 'request' || c.kind === 'cued_request';

console.log('issue #20 blind set (src/fixtures/blind-issue20.ts), all six topics on\n');
console.log('| kind | texts | blocked, lexicon | blocked, + learned | own topic alone blocks |');
console.log('| --- | ---: | ---: | ---: | ---: |');
const kinds = ['request', 'cued_request', 'near_miss', 'everyday', 'prevention'] as const;
for (const kind of [...kinds, 'all requests'] as const) {
  const set = kind === 'all requests' ? cases.filter(isRequest) : cases.filter((c) => c.kind === kind);
  const lex = set.filter((c) => blocks(lexicon, c.text)).length;
  const all = set.filter((c) => blocks(full, c.text)).length;
  const own = set.filter((c) => c.topics.length > 0 && c.topics.every((t) => blocks(alone.get(t)!, c.text)));
  const ownCell = set.some((c) => c.topics.length > 0) ? pct(own.length, set.length) : '–';
  console.log(`| ${kind} | ${set.length} | ${pct(lex, set.length)} | ${pct(all, set.length)} | ${ownCell} |`);
}

console.log('\nper family (requests: + learned / own topic alone; others: false blocks, + learned)\n');
console.log('| family | kind | texts | all topics on | own topic alone |');
console.log('| --- | --- | ---: | ---: | ---: |');
const families = [...new Set(cases.map((c) => c.family))];
for (const family of families) {
  const set = cases.filter((c) => c.family === family);
  const kind = set[0]!.kind;
  const all = set.filter((c) => blocks(full, c.text)).length;
  const own = set.filter((c) => c.topics.length > 0 && c.topics.every((t) => blocks(alone.get(t)!, c.text)));
  console.log(
    `| ${family} | ${kind} | ${set.length} | ${pct(all, set.length)} | ${isRequest(set[0]!) ? pct(own.length, set.length) : '–'} |`,
  );
}

if (failures) {
  console.log('\nfailures');
  for (const c of cases) {
    const got = full.match(c.text).map((m) => `${m.topic}:${m.signals.join('+')}`);
    const missingAlone = c.topics.filter((t) => !blocks(alone.get(t)!, c.text));
    if (isRequest(c) ? got.length === 0 || missingAlone.length > 0 : got.length > 0) {
      const alonePart = missingAlone.length > 0 ? `; not alone: ${missingAlone.join(',')}` : '';
      console.log(`  ${c.id} [${got.join(' ') || 'nothing'}${alonePart}] ${c.text}`);
    }
  }
}

const heldOut: [string, TopicCase[]][] = [
  ['blind held-out set 6', blindHeldout6Cases()],
  ['blind held-out set 5', blindHeldout5Cases()],
  ['blind held-out set 4', blindHeldout4Cases()],
];
console.log('\ntraining distribution: earlier blind sets (never trained on), all six topics on\n');
console.log(
  '| set | recall, lexicon | recall, + learned | false blocks, lexicon | false blocks, + learned |',
);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, set] of heldOut) {
  const requests = set.filter((c) => c.expectBlock);
  const benign = set.filter((c) => !c.expectBlock);
  const caught = (m: TopicMatcher) =>
    requests.filter((c) => m.match(c.text).some((x) => x.topic === c.topic)).length;
  const falseBlocks = (m: TopicMatcher) => benign.filter((c) => blocks(m, c.text)).length;
  console.log(
    `| ${name} | ${pct(caught(lexicon), requests.length)} | ${pct(caught(full), requests.length)} | ${pct(falseBlocks(lexicon), benign.length)} | ${pct(falseBlocks(full), benign.length)} |`,
  );
}

// --uncertain: how many texts a slower semantic layer would have to read if it ran only where the
// fast layers are unsure (gate probability in [0.2, 0.5), below the operating point), and how many
// of the blind set's errors sit there: the most such a layer could fix.
if (process.argv.includes('--uncertain')) {
  const gate = compileWordModel(learnedModelFiles().request!);
  const gateP = (text: string) => {
    const { words, extras } = learnedFeatures(text);
    return wordProbability(gate, words, extras);
  };
  const band = (p: number) => p >= 0.2 && p < 0.5;
  const all = [...cases.map((c) => c.text), ...heldOut.flatMap(([, set]) => set.map((c) => c.text))];
  const inBand = all.filter((t) => band(gateP(t))).length;
  const missed = cases.filter((c) => isRequest(c) && !blocks(full, c.text));
  const falseBlocks = cases.filter((c) => !isRequest(c) && blocks(full, c.text));
  console.log('\nuncertain band (gate probability in [0.2, 0.5))\n');
  console.log(`texts in the band: ${pct(inBand, all.length)} of the blind set and the held-out sets 4–6`);
  console.log(
    `missed requests in the band: ${pct(missed.filter((c) => band(gateP(c.text))).length, missed.length)}`,
  );
  console.log(`false blocks (all above the band): ${falseBlocks.length}`);
}
