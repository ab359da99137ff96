import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonDepth, MAX_JSON_DEPTH, parseBody } from './request-body.js';

const anything = z.object({}).passthrough();

/** The nesting depth of a parsed JSON value, by walking it. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('jsonDepth', () => {
  it('equals the depth of the parsed value for any JSON, strings with brackets and escapes included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value);
        expect(jsonDepth(text)).toBe(depthOf(value));
      }),
    );
  });

  it('ignores brackets inside strings', () => {
    expect(jsonDepth('{"a":"[[[{{{\\"]]]"}')).toBe(1);
  });
});

describe('parseBody', () => {
  const nested = (depth: number) => `{"x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

  it(`accepts a body nested ${MAX_JSON_DEPTH} deep`, () => {
    expect(parseBody(anything, nested(MAX_JSON_DEPTH))).toHaveProperty('x');
  });

  it('refuses a deeper body with a 400 before parsing it', () => {
    expect(() => parseBody(anything, nested(10_000))).toThrow(
      expect.objectContaining({ code: 'invalid_request_error', status: 400 }),
    );
    expect(() => parseBody(anything, nested(MAX_JSON_DEPTH + 1))).toThrow(/more than 128 deep/);
  });
});
