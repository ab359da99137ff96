// Prints recall and false-block rate per built-in topic on the tuning and held-out splits of
// src/fixtures/topic-cases.ts, every built-in topic active. Run after a build:
//   pnpm build && node scripts/eval.ts
// Then the same for the fresh held-out set (src/fixtures/fresh-heldout.ts), which is never tuned on.
// --failures             lists the tuning cases it gets wrong (--failures=heldout: the held-out ones)
// --benign-csv=FILE      also counts false blocks on the rows of a CSV with `prompt,type` columns
//                        whose type is `benign` (e.g. /work/shared/datasets/prompt-injection/*.csv)
import { readFileSync } from 'node:fs';
import { builtinTopicNames, createTopicMatcher } from '../dist/index.js';
import { freshHeldoutCases } from '../src/fixtures/fresh-heldout.ts';
import { topicCases } from '../src/fixtures/topic-cases.ts';
import { evaluate } from '../src/test-support/evaluation.ts';

const matcher = createTopicMatcher({ topics: [...builtinTopicNames] });
const { rows, failures } = evaluate(topicCases(), (text) => matcher.match(text).map((m) => m.topic));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const lines = [
  '| topic | split | blocked | recall | benign | false blocks | false-block rate |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
];
for (const row of [...builtinTopicNames, 'generic', 'total']) {
  const splits = rows.get(row);
  if (splits === undefined) continue;
  for (const split of ['tuning', 'heldout', 'all'] as const) {
    const m = splits[split];
    const recall = m.blocked === 0 ? '–' : `${pct(m.recall)} (${m.caught}/${m.blocked})`;
    lines.push(
      `| ${row} | ${split} | ${m.blocked} | ${recall} | ${m.benign} | ${m.falseBlocks} | ${pct(m.falseBlockRate)} |`,
    );
  }
}
console.log(lines.join('\n'));

const fresh = evaluate(freshHeldoutCases(), (text) => matcher.match(text).map((m) => m.topic));
const freshLines = [
  '\nfresh held-out (src/fixtures/fresh-heldout.ts, never tuned on):',
  '| topic | blocked | recall | benign | false blocks | false-block rate |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
];
for (const row of [...builtinTopicNames, 'total']) {
  const m = fresh.rows.get(row)?.heldout;
  if (m === undefined) continue;
  freshLines.push(
    `| ${row} | ${m.blocked} | ${pct(m.recall)} (${m.caught}/${m.blocked}) | ${m.benign} | ${m.falseBlocks} | ${pct(m.falseBlockRate)} |`,
  );
}
console.log(freshLines.join('\n'));

const args = process.argv.slice(2);
const failuresFlag = args.find((arg) => arg.startsWith('--failures'));
if (failuresFlag !== undefined) {
  const split = failuresFlag === '--failures=heldout' ? 'heldout' : 'tuning';
  console.log(`\nfailures (${split}):`);
  for (const f of failures.filter((x) => x.case.split === split)) {
    const got = f.matched.length === 0 ? 'nothing' : f.matched.join(', ');
    console.log(
      `  ${f.case.id} [${f.case.expectBlock ? 'missed' : 'false block'}; matched ${got}] ${f.case.text}`,
    );
  }
}

// RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

for (const arg of args.filter((a) => a.startsWith('--benign-csv='))) {
  const file = arg.slice('--benign-csv='.length);
  const [header, ...records] = parseCsv(readFileSync(file, 'utf8'));
  const promptAt = header?.indexOf('prompt') ?? -1;
  const typeAt = header?.indexOf('type') ?? -1;
  const benign = [...new Set(records.filter((r) => r[typeAt] === 'benign').map((r) => r[promptAt] ?? ''))];
  const blocked = benign.filter((prompt) => matcher.match(prompt).length > 0);
  console.log(
    `\n${file}: ${blocked.length} of ${benign.length} distinct benign prompts blocked (${pct(blocked.length / benign.length)})`,
  );
}
