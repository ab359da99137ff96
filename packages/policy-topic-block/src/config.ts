import { z } from 'zod';
import { builtinTopicNames } from './builtin-topics.js';
import { customTopicSchema } from './custom-topic.js';
import { semanticConfigSchema } from './semantic.js';

/** Where the rule looks: the prompt (default), the answer, or both. */
export const scanTargets = ['request', 'response', 'both'] as const;

/**
 * The `topic_block` rule as written in YAML. `topics` names built-in topics (or custom ones, which
 * are active anyway); every topic in `custom` is active.
 *
 * @example
 * topicBlockConfig.parse({ action: 'block', topics: ['weapons_manufacturing', 'illegal_activity'] });
 */
export const topicBlockConfig = z
  .strictObject({
    action: z.literal('block'),
    topics: z.array(z.string().trim().min(1)).default([]),
    custom: z.array(customTopicSchema).default([]),
    scan: z.enum(scanTargets).default('request'),
    semantic: semanticConfigSchema.optional(),
    /** Whether the built-in topics' learned models check requests next to the lexicon rules. */
    learned: z.boolean().default(true),
  })
  .superRefine((config, ctx) => {
    const customNames = new Set<string>();
    config.custom.forEach((topic, index) => {
      if (builtinTopicNames.includes(topic.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['custom', index, 'name'],
          message: `"${topic.name}" is a built-in topic; list it under topics, or give the custom topic another name`,
        });
      } else if (customNames.has(topic.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['custom', index, 'name'],
          message: `custom topic "${topic.name}" is defined twice`,
        });
      }
      customNames.add(topic.name);
      const hasTerms =
        (topic.keywords?.length ?? 0) + (topic.phrases?.length ?? 0) + (topic.patterns?.length ?? 0) > 0;
      if (!hasTerms && config.semantic === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['custom', index],
          message: `custom topic "${topic.name}" has only a description, which only semantic mode reads; add keywords, phrases or patterns, or configure semantic`,
        });
      }
    });
    config.topics.forEach((name, index) => {
      if (builtinTopicNames.includes(name) || customNames.has(name)) return;
      const hint = closestName(name, [...builtinTopicNames, ...customNames]);
      ctx.addIssue({
        code: 'custom',
        path: ['topics', index],
        message: `unknown topic "${name}"; built-in topics are ${builtinTopicNames.join(', ')}${hint === undefined ? '' : `; did you mean "${hint}"?`}`,
      });
    });
    if (config.topics.length === 0 && config.custom.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['topics'],
        message: `name at least one topic (built-in: ${builtinTopicNames.join(', ')}) or define one under custom`,
      });
    }
  });

/** A validated `topic_block` rule. */
export type TopicBlockConfig = z.infer<typeof topicBlockConfig>;

function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = row;
  }
  return previous[b.length]!;
}
