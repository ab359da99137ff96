import { type AnswerTransformStep, allow, definePolicy, modify, TokenLimiter } from '@keeptrusts/core';
import { z } from 'zod';

/** Settings of a `response_length` rule. */
export const responseLengthConfigSchema = z.strictObject({
  action: z.literal('truncate'),
  max_tokens: z.number().int().positive(),
});
export type ResponseLengthConfig = z.infer<typeof responseLengthConfigSchema>;

/**
 * Caps answers at `max_tokens`: the upstream is asked for no more than that (so the model does
 * not produce what would be thrown away), and the gateway cuts answers that still run over,
 * ending them with `finish_reason: "length"`.
 */
export const responseLength = definePolicy({
  type: 'response_length',
  configSchema: responseLengthConfigSchema,
  defaultAppliesTo: ['chat', 'completion'],
  create(config) {
    return {
      onRequest(request) {
        if (request.maxTokens !== undefined && request.maxTokens <= config.max_tokens) return allow();
        return modify({ maxTokens: config.max_tokens, findings: [{ type: 'max_tokens_capped', count: 1 }] });
      },
      // Incremental: the limiter holds back only a trailing word, whose weight is not known yet.
      answerTransform: {
        mode: 'incremental',
        start() {
          const limiter = new TokenLimiter(config.max_tokens);
          const step = (text: string): AnswerTransformStep =>
            limiter.done
              ? { text, finishReason: 'length', findings: [{ type: 'truncated', count: 1 }] }
              : { text };
          return { push: (text) => step(limiter.push(text)), end: () => step(limiter.end()) };
        },
      },
    };
  },
});
