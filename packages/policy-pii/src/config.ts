import { z } from 'zod';
import { knownPatterns } from './patterns/builtin.js';
import { regexError } from './patterns/custom.js';

const knownList = knownPatterns.join(', ');

/** One built-in pattern name; an unknown name is refused with the list of known ones. */
export const patternNameSchema = z.enum(knownPatterns, {
  error: (issue) => `unknown pattern ${JSON.stringify(issue.input)}; known patterns: ${knownList}`,
});

const snakeCase = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const MAX_CUSTOM_LENGTH = 1024;

/** A custom regex pattern: its name becomes the finding type and the placeholder's `{TYPE}`. */
export const customPatternSchema = z
  .strictObject({
    name: z.string().regex(snakeCase, 'expected a snake_case name such as "employee_id"'),
    regex: z.string().min(1),
    flags: z
      .string()
      .regex(/^[imsuv]*$/, 'flags may only contain i, m, s, u and v (g, y and d are set by the scanner)')
      .optional(),
    placeholder: z.string().min(1).optional(),
    max_length: z
      .number()
      .int()
      .min(1)
      .max(
        MAX_CUSTOM_LENGTH,
        `max_length is at most ${MAX_CUSTOM_LENGTH}: streamed answers hold back that much`,
      ),
  })
  .superRefine((pattern, ctx) => {
    const problem = regexError(pattern.regex, pattern.flags);
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['regex'], message: `invalid regular expression: ${problem}` });
    }
  });

/** The `pii_detection` rule's settings, as written in YAML (the `type` key is the loader's). */
export const piiDetectionConfigSchema = z
  .strictObject({
    /** `redact` replaces each value with the placeholder; `block` refuses the prompt or ends the answer. */
    action: z.enum(['redact', 'block']).default('redact'),
    patterns: z.array(patternNameSchema).default([...knownPatterns]),
    custom: z.array(customPatternSchema).default([]),
    /** `{TYPE}` becomes the upper-cased finding type, `{type}` the type as written. */
    placeholder: z.string().min(1).default('[REDACTED:{TYPE}]'),
  })
  .superRefine((config, ctx) => {
    if (config.patterns.length === 0 && config.custom.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['patterns'],
        message: `list at least one pattern (known patterns: ${knownList}) or a custom pattern`,
      });
    }
    const seen = new Set<string>();
    for (const [i, pattern] of config.custom.entries()) {
      if ((knownPatterns as readonly string[]).includes(pattern.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['custom', i, 'name'],
          message: `"${pattern.name}" is a built-in pattern; list it under patterns or pick another name`,
        });
      } else if (seen.has(pattern.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['custom', i, 'name'],
          message: `custom pattern "${pattern.name}" is defined twice`,
        });
      }
      seen.add(pattern.name);
    }
  });

/** The rule's settings after defaults: what `create` receives. */
export type PiiDetectionConfig = z.output<typeof piiDetectionConfigSchema>;
/** The rule's settings as written (defaults optional). */
export type PiiDetectionConfigInput = z.input<typeof piiDetectionConfigSchema>;
