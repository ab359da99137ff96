// What each OpenAI-compatible endpoint receives, and the body reading they share.
import type { z } from 'zod';
import { errorAnswer } from './flavour.js';
import type { OpenAISimulatorState } from './state.js';

/** One request as an endpoint sees it. */
export interface OpenAIEndpointContext {
  readonly state: OpenAISimulatorState;
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly signal: AbortSignal;
}

/** An endpoint of the simulated server. */
export type OpenAIEndpoint = (context: OpenAIEndpointContext) => Response | Promise<Response>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

/**
 * Parses and validates a JSON body, or returns the error the flavour sends: vLLM's FastAPI validation 400
 * (`type: "Bad Request"`), llama.cpp's 500 for JSON it cannot parse and 400 for a wrong field, LM Studio's 400.
 */
export function readBody<S extends z.ZodType>(
  context: OpenAIEndpointContext,
  schema: S,
): { readonly value: z.infer<S>; readonly error?: undefined } | { readonly error: Response } {
  const { flavour } = context.state;
  let json: unknown;
  try {
    json = JSON.parse(context.body);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    if (flavour === 'llamacpp') {
      return {
        error: errorAnswer(flavour, {
          status: 500,
          message: `[json.exception.parse_error.101] parse error: ${detail}`,
        }),
      };
    }
    return {
      error: errorAnswer(flavour, {
        status: 400,
        message: `JSON decode error: ${detail}`,
        type: flavour === 'vllm' ? 'Bad Request' : undefined,
      }),
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const param = parsed.error.issues[0]?.path.join('.') || null;
    return {
      error: errorAnswer(flavour, {
        status: 400,
        message: describeIssues(parsed.error),
        type: flavour === 'vllm' ? 'Bad Request' : undefined,
        param,
      }),
    };
  }
  return { value: parsed.data };
}
