import { z } from 'zod';
import { DEFAULT_THRESHOLD } from './injection-detector.js';
import { LANGUAGES } from './signal.js';

/** Message roles the policy can scan; retrieved documents arrive as tool results or inside these. */
export const SCAN_ROLES = ['user', 'tool', 'system', 'assistant'] as const;

/** The `prompt_injection` rule as written in YAML (snake_case keys), with defaults applied. */
export const promptInjectionConfig = z.strictObject({
  action: z.literal('block'),
  threshold: z.number().min(0).max(1).default(DEFAULT_THRESHOLD),
  scan_roles: z.array(z.enum(SCAN_ROLES)).min(1).default(['user']),
  languages: z
    .array(z.enum(LANGUAGES))
    .min(1)
    .default([...LANGUAGES]),
});

/** A parsed `prompt_injection` rule. */
export type PromptInjectionConfig = z.infer<typeof promptInjectionConfig>;
