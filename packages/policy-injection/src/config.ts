import { z } from 'zod';
import { DEFAULT_THRESHOLD } from './injection-detector.js';
import { LANGUAGES } from './signal.js';

/**
 * Which request texts the policy scans: chat messages by role, and `prompt` for the role-less
 * texts (completion prompts, embedding inputs). Retrieved documents reach the gateway as tool
 * results or pasted into user or system messages.
 */
export const SCAN_ROLES = ['user', 'prompt', 'tool', 'system', 'developer', 'assistant'] as const;

/** The `prompt_injection` rule as written in YAML (snake_case keys), with defaults applied. */
export const promptInjectionConfig = z.strictObject({
  action: z.literal('block'),
  threshold: z.number().min(0).max(1).default(DEFAULT_THRESHOLD),
  // Tool results are where indirect injections arrive (#19), so they are scanned by default.
  scan_roles: z.array(z.enum(SCAN_ROLES)).min(1).default(['user', 'prompt', 'tool']),
  languages: z
    .array(z.enum(LANGUAGES))
    .min(1)
    .default([...LANGUAGES]),
  /** Whether the learned layer decides (see the README); false leaves the hand-written signals alone. */
  learned: z.boolean().default(true),
  /**
   * Allowed requests whose highest score is at least this carry it as a finding with `count: 0`,
   * so the audit says how close they came and guard_model's `when: uncertain` band can read it.
   * Unset: allowed requests carry no finding.
   */
  report_from: z.number().min(0).max(1).optional(),
});

/** A parsed `prompt_injection` rule. */
export type PromptInjectionConfig = z.infer<typeof promptInjectionConfig>;
