import { GatewayError } from '@keeptrusts/core';
import { formatPath } from '@keeptrusts/core/config';
import type { z } from 'zod';

/**
 * How deep a request body's objects and arrays may nest. OpenAI's own JSON schemas for tools and
 * response formats stay far below it; a body nested thousands deep only exhausts the stack of
 * whatever walks it later (validation, translation, serialisation).
 */
export const MAX_JSON_DEPTH = 128;

/** The deepest nesting of objects and arrays in JSON text, counting only brackets outside strings. */
export function jsonDepth(raw: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > stopAt) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** Parses a request body as JSON and validates it; every failure is a 400 naming the field. */
export function parseBody<T>(schema: z.ZodType<T>, raw: string): T {
  if (jsonDepth(raw, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new GatewayError(
      'invalid_request_error',
      `the body nests objects and arrays more than ${MAX_JSON_DEPTH} deep; flatten it (tool parameter schemas and response formats need far less)`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new GatewayError(
      'invalid_request_error',
      `the body is not valid JSON: ${(error as Error).message}. Send a JSON object with Content-Type: application/json`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GatewayError('invalid_request_error', 'the body must be a JSON object');
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = pickIssue(result.error.issues);
  const param = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const at = formatPath([...issue.path, key]);
    throw new GatewayError('invalid_request_error', `Unrecognized request argument supplied: ${at}`, {
      param: at,
    });
  }
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
    throw new GatewayError('invalid_request_error', `Missing required parameter: '${param}'.`, { param });
  }
  throw new GatewayError('invalid_request_error', `Invalid value for '${param}': ${issue.message}`, {
    param,
  });
}

// Unions report one issue per branch; the most specific one is the one that names a field.
function pickIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const first = issues[0]!;
  if (first.code !== 'invalid_union') return first;
  const branches = first.errors.filter(
    (b) => !b.every((i) => i.path.length === 0 && i.code === 'invalid_type'),
  );
  const deepest = branches.flat().sort((a, b) => b.path.length - a.path.length)[0];
  return deepest === undefined
    ? first
    : ({ ...deepest, path: [...first.path, ...deepest.path] } as z.core.$ZodIssue);
}
