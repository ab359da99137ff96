import type { Decision, Finding } from '../plugin/decision.js';

/** Sums one rule's findings over the parts of an answer into the one decision the audit records. */
export class Tally {
  private readonly findings = new Map<string, Finding>();
  private modified = false;

  add(decision: Decision): Decision {
    if (decision.kind === 'modify') this.modified = true;
    this.count(decision.findings);
    return decision;
  }

  /** Adds findings: counts of one type sum, the highest score and every signal are kept. */
  count(findings: readonly Finding[]): void {
    for (const finding of findings) {
      const seen = this.findings.get(finding.type);
      if (seen === undefined) {
        this.findings.set(finding.type, { ...finding });
        continue;
      }
      seen.count += finding.count;
      if (finding.score !== undefined) seen.score = Math.max(seen.score ?? 0, finding.score);
      if (finding.signals !== undefined)
        seen.signals = [...new Set([...(seen.signals ?? []), ...finding.signals])];
    }
  }

  /** The findings so far, one per type, in the order their types first came. */
  all(): Finding[] {
    return [...this.findings.values()];
  }

  /** The rule's overall decision: the block if one ended the answer, else modify or allow. */
  decision(blocking?: Decision & { kind: 'block' }): Decision {
    const findings = this.all();
    if (blocking !== undefined) return { ...blocking, findings };
    return this.modified ? { kind: 'modify', findings } : { kind: 'allow', findings };
  }
}
