import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { ConfigIssue } from '../errors.js';

/** A parsed YAML file that can still say where each value was written. */
export interface YamlSource {
  file: string;
  value: unknown;
  locate(path: readonly (string | number)[], options?: { key?: boolean }): { line: number; column: number };
}

/** Parses YAML text, keeping positions; syntax errors come back as issues. */
export function parseYamlSource(
  file: string,
  text: string,
): { source: YamlSource } | { issues: ConfigIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {
          file,
          line: pos.line,
          column: pos.col,
          path: '',
          message: `YAML syntax error: ${error.message.split('\n')[0]}`,
        };
      }),
    };
  }
  const position = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return {
    source: {
      file,
      value: doc.toJS() ?? {},
      locate(path, options = {}) {
        let node: unknown = doc.contents;
        let best = 0;
        for (const [index, segment] of path.entries()) {
          const last = index === path.length - 1;
          if (isMap(node)) {
            const pair = node.items.find(
              (item) => isScalar(item.key) && String(item.key.value) === String(segment),
            );
            if (pair === undefined) break;
            const keyNode = pair.key as Node;
            if (keyNode.range) best = keyNode.range[0];
            if (last && options.key) return position(best);
            node = pair.value;
          } else if (isSeq(node) && typeof segment === 'number') {
            node = node.items[segment];
          } else {
            break;
          }
          const range = (node as Node | null)?.range;
          if (range) best = range[0];
        }
        return position(best);
      },
    },
  };
}
