import { allow, block, definePolicy } from '@keeptrusts/core';
import { z } from 'zod';

/** Settings of a `keyword_deny` rule. */
export const keywordDenyConfig = z.strictObject({
  action: z.literal('block'),
  words: z.array(z.string().trim().min(1)).min(1),
});
export type KeywordDenyConfig = z.infer<typeof keywordDenyConfig>;

/** Blocks prompts that contain any denied word as a whole word, ignoring case. */
export const keywordDeny = definePolicy({
  type: 'keyword_deny',
  configSchema: keywordDenyConfig,
  create(config) {
    // Compiled once, at load: hooks never re-check config or build patterns per request.
    const escaped = config.words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const denied = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    return {
      onRequest(request) {
        const hit = request.segments.find((s) => denied.test(s.text));
        if (hit === undefined) return allow();
        return block({
          code: 'keyword_denied',
          reason: 'the prompt uses a denied word',
          findings: [{ type: 'denied_word', count: 1 }],
        });
      },
    };
  },
});
