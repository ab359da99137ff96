import type { TextScanner } from '../plugin/types.js';
import { applyScanner, type StageOutput } from './scan-stage.js';

/** JSON text re-serialised without needless escapes (`\u0040` becomes `@`); undefined if not JSON. */
export function canonicalJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * A scanner applied to one tool call's arguments, read as canonical JSON: the arguments unchanged
 * when nothing matched, and a block when the redacted text would no longer be JSON.
 */
export function scanArguments(scanner: TextScanner, args: string): StageOutput {
  const canonical = canonicalJson(args);
  const output = applyScanner(scanner, canonical ?? args);
  if (output.counts.size === 0) return { text: args, counts: output.counts };
  if (output.blockedBy === undefined && canonical !== undefined && canonicalJson(output.text) === undefined) {
    const [type] = output.counts.keys();
    return { ...output, blockedBy: { start: 0, end: 0, type: type ?? 'tool_arguments' } };
  }
  return output;
}
