import { allow, block, definePolicy, type ScanMatch } from '@keeptrusts/core';
import { z } from 'zod';

/** Settings of a `keyword_deny` rule. */
export const keywordDenyConfig = z.strictObject({
  action: z.literal('block'),
  words: z.array(z.string().trim().min(1)).min(1),
});
export type KeywordDenyConfig = z.infer<typeof keywordDenyConfig>;

/** Blocks prompts, and ends answers, that contain any denied word as a whole word, ignoring case. */
export const keywordDeny = definePolicy({
  type: 'keyword_deny',
  configSchema: keywordDenyConfig,
  create(config) {
    // Compiled once, at load: hooks never re-check config or build patterns per request.
    const escaped = config.words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const source = `(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`;
    const denied = new RegExp(source, 'iu');
    const everyDenied = new RegExp(source, 'giu');
    const longest = Math.max(...config.words.map((w) => w.length));
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
      // Answers: the gateway runs this scanner on whole answers and on streams (holding back
      // `holdback` characters), on the text, the reasoning and tool call arguments alike. A match
      // without a replacement ends the answer before it with finish_reason content_filter.
      responseScanner: {
        // The longest word plus the character after it, which decides that the word has ended.
        holdback: longest + 1,
        // The character before a word decides that it starts there.
        lookbehind: 1,
        scan(text): ScanMatch[] {
          return Array.from(text.matchAll(everyDenied), (m) => ({
            start: m.index,
            end: m.index + m[0].length,
            type: 'denied_word',
          }));
        },
      },
    };
  },
});
