// Compares two V8 heap snapshots (fuzz-rss with HEAP_SNAPSHOTS=1 writes them): the live heap of
// each (a snapshot forces a full GC first) and what grew most between them, by node type and name.
//
//   pnpm --filter @keeptrusts/bench heap-diff BEFORE.heapsnapshot AFTER.heapsnapshot
import { readFile } from 'node:fs/promises';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

async function summarise(
  file: string,
): Promise<{ total: number; groups: Map<string, { count: number; size: number }> }> {
  const snap = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const groups = new Map<string, { count: number; size: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const kind = types[snap.nodes[i + type]!]!;
    // Strings and code are named by their content; one group each is enough.
    const label =
      kind.includes('string') || kind === 'code' ? '' : snap.strings[snap.nodes[i + name]!]!.slice(0, 60);
    const key = `${kind} ${label}`;
    const group = groups.get(key) ?? { count: 0, size: 0 };
    group.count++;
    group.size += snap.nodes[i + size]!;
    total += snap.nodes[i + size]!;
    groups.set(key, group);
  }
  return { total, groups };
}

const [beforeFile, afterFile] = process.argv.slice(2);
if (beforeFile === undefined || afterFile === undefined) {
  console.error('usage: heap-diff BEFORE.heapsnapshot AFTER.heapsnapshot');
  process.exit(2);
}
const before = await summarise(beforeFile);
const after = await summarise(afterFile);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
console.log(`live heap: ${mb(before.total)} MB before, ${mb(after.total)} MB after\n`);
console.log('| grew most | objects | KB |');
console.log('| --- | ---: | ---: |');
const rows = [...after.groups].map(([key, group]) => {
  const was = before.groups.get(key) ?? { count: 0, size: 0 };
  return { key, count: group.count - was.count, size: group.size - was.size };
});
for (const row of rows.sort((a, b) => b.size - a.size).slice(0, 15)) {
  console.log(`| ${row.key} | ${row.count} | ${(row.size / 1024).toFixed(0)} |`);
}
