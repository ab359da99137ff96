import { z } from 'zod';
import { findCategory, graniteRisks, llamaGuardCategories, shieldGemmaHarms } from './formats/categories.js';

const band = z.strictObject({
  /** The rule type whose score decides, e.g. `prompt_injection`. */
  rule: z.string().min(1),
  /** Only that rule within this policy id; default any policy. */
  policy: z.string().min(1).optional(),
  /** Only findings of this type; default any finding that has a score. */
  finding: z.string().min(1).optional(),
  min: z.number().min(0).max(1),
  max: z.number().min(0).max(1),
});

const custom = z.strictObject({
  /** The prompt, with {{conversation}}, {{role}}, {{last}} and {{categories}} filled in. */
  template: z.string().min(1),
  /** A regular expression an unsafe answer matches; its first group, if any, lists categories. */
  unsafe_pattern: z.string().min(1),
});

/** The `guard_model` rule as written. */
export const guardModelConfig = z
  .strictObject({
    target: z.string().min(1),
    format: z.enum(['llama_guard_3', 'shieldgemma', 'granite_guardian', 'custom']),
    categories: z.array(z.string().min(1)).min(1).optional(),
    scan: z.enum(['request', 'response', 'both']).default('request'),
    mode: z.enum(['parallel', 'sequential']).default('parallel'),
    prompt: z.enum(['template', 'gateway']).default('template'),
    timeout_ms: z.number().int().min(1).max(600_000).default(2000),
    on_error: z.enum(['block', 'allow']).default('block'),
    when: z.enum(['always', 'uncertain']).default('always'),
    band: band.optional(),
    custom: custom.optional(),
    max_tokens: z.number().int().min(1).max(4096).default(48),
    /** Characters of a streamed answer per guard call (incremental streams): each window waits for its verdict. */
    window_chars: z.number().int().min(16).max(1_000_000).optional(),
    /** Windows of one answer judged at once; later text waits (and so does the upstream). */
    windows_in_flight: z.number().int().min(1).max(16).optional(),
  })
  .superRefine((rule, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (rule.when === 'uncertain' && rule.band === undefined) {
      issue(
        'band',
        'when: uncertain needs a band: { rule, min, max } naming the detector whose score decides',
      );
    }
    if (rule.when === 'uncertain' && rule.scan !== 'request') {
      issue('when', 'when: uncertain judges requests only (the detectors score prompts); use scan: request');
    }
    if (rule.band !== undefined && rule.band.min > rule.band.max)
      issue('band', 'band.min must not exceed band.max');
    if (rule.band !== undefined && rule.when !== 'uncertain')
      issue('band', 'band is read only with when: uncertain');
    if ((rule.format === 'custom') !== (rule.custom !== undefined)) {
      issue('custom', 'format: custom needs custom: { template, unsafe_pattern }, and only it takes one');
    }
    if (rule.custom !== undefined) {
      try {
        new RegExp(rule.custom.unsafe_pattern);
      } catch (error) {
        issue('custom', `custom.unsafe_pattern is not a regular expression: ${(error as Error).message}`);
      }
    }
    if (rule.scan === 'request') {
      for (const key of ['window_chars', 'windows_in_flight'] as const) {
        if (rule[key] !== undefined)
          issue(key, `${key} is read only when the rule judges answers (scan: response or both)`);
      }
    }
    if (rule.format === 'granite_guardian' && rule.prompt === 'gateway') {
      issue(
        'prompt',
        'granite_guardian takes prompt: template only: its chat template reads the risk from the system message',
      );
    }
    if (rule.format === 'shieldgemma' && rule.prompt === 'template' && rule.categories !== undefined) {
      issue(
        'categories',
        "Ollama's shieldgemma template judges all four harm types at once; set prompt: gateway to pick harm types (one call each, as the model card asks)",
      );
    }
    const known =
      rule.format === 'llama_guard_3'
        ? llamaGuardCategories
        : rule.format === 'shieldgemma'
          ? shieldGemmaHarms
          : rule.format === 'granite_guardian'
            ? graniteRisks
            : undefined;
    if (known !== undefined) {
      for (const [i, name] of (rule.categories ?? []).entries()) {
        if (findCategory(known, name) === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['categories', i],
            message: `unknown ${rule.format} category "${name}"; known: ${known.map((c) => (c.code === c.slug ? c.code : `${c.code} (${c.slug})`)).join(', ')}`,
          });
        }
      }
    }
  });

/** A parsed `guard_model` rule. */
export type GuardModelConfig = z.output<typeof guardModelConfig>;
