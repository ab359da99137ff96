import { allow, block, definePolicy, type TextSegment } from '@keeptrusts/core';
import { promptInjectionConfig } from './config.js';
import { createInjectionDetector } from './injection-detector.js';

/** The scan role of a segment: its message role, or `prompt` for completion prompts and embedding inputs. */
function roleOf(segment: TextSegment): string {
  return segment.role ?? 'prompt';
}

/**
 * Blocks requests whose texts look like a prompt injection or jailbreak. Inspects user content
 * and completion prompts by default; `scan_roles` adds tool results, system text and others.
 * Findings carry the score and the names of the signals that fired, never the text.
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
    return {
      onRequest(request) {
        for (const segment of request.segments) {
          if (!roles.has(roleOf(segment))) continue;
          const result = detector.detect(segment.text);
          if (!result.blocked) continue;
          return block({
            code: 'prompt_injection',
            reason: `the ${roleOf(segment)} text looks like a prompt injection (score ${result.score}; signals: ${result.signals.join(', ')})`,
            findings: [{ type: 'prompt_injection', count: 1, score: result.score, signals: result.signals }],
          });
        }
        return allow();
      },
    };
  },
});
