import { z } from 'zod';

/**
 * The target fields of the `openai` provider beside core's (`base_url`, `secret_key_ref`, timeouts,
 * `weight`, `health_probe`, …): none yet, so a misspelt key is reported rather than ignored.
 */
export const openaiTargetSchema = z.strictObject({});
/** The `openai` provider's own target fields after parsing. */
export type OpenAITargetOptions = z.output<typeof openaiTargetSchema>;
