import { allow, block, type Decision, definePolicy, type Finding, modify } from '@keeptrusts/core';
import { piiDetectionConfigSchema } from './config.js';
import { applyMatches, type CompiledPii, compilePii } from './scanner.js';

interface Redaction {
  readonly text: string;
  readonly counts: ReadonlyMap<string, number>;
}

function redact(compiled: CompiledPii, text: string): Redaction {
  const pieces = compiled.engine.pieces(text);
  const counts = new Map<string, number>();
  // Continuations render as nothing and are part of the value before them: not a new finding.
  for (const piece of pieces) {
    if (!piece.continuation) counts.set(piece.type, (counts.get(piece.type) ?? 0) + 1);
  }
  return { text: pieces.length === 0 ? text : applyMatches(text, compiled.matches(pieces)), counts };
}

function findingsOf(compiled: CompiledPii, counts: ReadonlyMap<string, number>): Finding[] {
  return compiled.engine.types.flatMap((type) => {
    const count = counts.get(type) ?? 0;
    return count > 0 ? [{ type, count }] : [];
  });
}

function describe(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.type} (${f.count})`).join(', ');
}

/**
 * The `pii_detection` policy: finds personal data (SSNs, card numbers, e-mail addresses, passport
 * numbers, phone numbers, IP addresses, IBANs and custom patterns) in prompts and answers and
 * redacts it or blocks; works on streamed answers through its `responseScanner`.
 */
export const piiDetection = definePolicy({
  type: 'pii_detection',
  configSchema: piiDetectionConfigSchema,
  create(config) {
    const compiled = compilePii(config);
    const blocking = config.action === 'block';
    return {
      onRequest(request): Decision {
        const segments = new Map<number, string>();
        const total = new Map<string, number>();
        for (const segment of request.segments) {
          const { text, counts } = redact(compiled, segment.text);
          if (counts.size === 0) continue;
          segments.set(segment.id, text);
          for (const [type, count] of counts) total.set(type, (total.get(type) ?? 0) + count);
        }
        const findings = findingsOf(compiled, total);
        if (findings.length === 0) return allow();
        if (blocking) {
          return block({
            code: 'pii_detected',
            reason: `the prompt contains ${describe(findings)}`,
            findings,
          });
        }
        return modify({ segments, findings });
      },
      // Answers (text, reasoning, tool call arguments; whole or streamed) go through the scanner,
      // which the chain runs in place of an onResponse hook.
      responseScanner: compiled.scanner,
    };
  },
});
