import { allow, block, definePolicy, type TextSegment } from '@keeptrusts/core';
import { promptInjectionConfig } from './config.js';
import { createInjectionDetector } from './injection-detector.js';

/** The scan role of a segment: its message role, or `prompt` for completion prompts and embedding inputs. */
function roleOf(segment: TextSegment): string {
  return segment.role ?? 'prompt';
}

/**
 * Blocks requests whose texts look like a prompt injection or jailbreak. Inspects user content,
 * completion prompts and tool results by default; `scan_roles` changes that. Findings carry the
 * score, the names of the signals that fired, the language and which text held it, never the text.
 * With `report_from`, an allowed request whose highest score reaches it carries that score as one
 * finding with `count: 0`.
 */
export const promptInjection = definePolicy({
  type: 'prompt_injection',
  configSchema: promptInjectionConfig,
  create(config) {
    const detector = createInjectionDetector({
      threshold: config.threshold,
      languages: config.languages,
      learned: config.learned,
    });
    const roles = new Set<string>(config.scan_roles);
    const reportFrom = config.report_from;
    return {
      onRequest(request) {
        // With `report_from`, the highest score below the threshold, so that an allowed request
        // still says how close it came.
        let closest: { score: number; signals: readonly string[]; segment: TextSegment } | undefined;
        for (const segment of request.segments) {
          if (!roles.has(roleOf(segment))) continue;
          const result = detector.detect(segment.text);
          if (!result.blocked) {
            if (
              reportFrom !== undefined &&
              result.score >= reportFrom &&
              result.score > (closest?.score ?? -1)
            ) {
              closest = { score: result.score, signals: result.signals, segment };
            }
            continue;
          }
          const role = roleOf(segment);
          return block({
            code: 'prompt_injection',
            reason: `the ${role} text (segment ${segment.id}, language ${result.language ?? 'und'}) looks like a prompt injection (score ${result.score}; signals: ${result.signals.join(', ')})`,
            findings: [
              {
                type: 'prompt_injection',
                count: 1,
                score: result.score,
                signals: result.signals,
                ...(result.language === undefined ? {} : { language: result.language }),
                segment: { id: segment.id, role },
              },
            ],
          });
        }
        if (closest === undefined) return allow();
        return allow([
          {
            type: 'prompt_injection',
            // Nothing was found: the finding carries the evidence of an allowed text, not a hit.
            count: 0,
            score: closest.score,
            signals: closest.signals,
            segment: { id: closest.segment.id, role: roleOf(closest.segment) },
          },
        ]);
      },
    };
  },
});
