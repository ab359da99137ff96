import { formatPath, GatewayError } from '@keeptrusts/core';
import type { z } from 'zod';

/** Parses a request body as JSON and validates it; every failure is a 400 naming the field. */
export function parseBody<T>(schema: z.ZodType<T>, raw: string): T {
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
