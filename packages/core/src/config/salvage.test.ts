import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { salvageSchema } from './salvage.js';

const rule = z.looseObject({ type: z.string() });
const schema = z.strictObject({
  name: z.string(),
  port: z.number().int().optional(),
  tags: z.array(z.string()).optional(),
  items: z.array(z.strictObject({ id: z.string(), weight: z.number().positive().optional() })).optional(),
  rules: z.array(rule).optional(),
  mode: z.union([z.array(z.string()), z.strictObject({ chain: z.array(z.string()) })]).optional(),
});

describe('salvageSchema', () => {
  it('reads a valid value as the strict schema does', () => {
    const value = { name: 'a', port: 1, tags: ['x'], items: [{ id: 'i' }], mode: { chain: ['c'] } };
    expect(salvageSchema(schema).parse(value)).toEqual(schema.parse(value));
  });

  it('drops unknown keys and reads a bad optional value as absent', () => {
    expect(salvageSchema(schema).parse({ name: 'a', port: 'eighty', nmae: 'b' })).toEqual({ name: 'a' });
  });

  it('leaves a hole for a bad item of a list of mappings, so later items keep their index', () => {
    const parsed = salvageSchema(schema).parse({
      name: 'a',
      items: [{ id: 'i' }, { id: 5 }, { id: 'k', weight: -1, extra: true }],
    });
    expect(parsed).toEqual({ name: 'a', items: [{ id: 'i' }, undefined, { id: 'k' }] });
  });

  it('drops a list of scalars with a bad entry whole', () => {
    expect(salvageSchema(schema).parse({ name: 'a', tags: ['x', 5] })).toEqual({ name: 'a' });
  });

  it('keeps the other keys of a loose object, for the plugin schema that checks them', () => {
    expect(salvageSchema(schema).parse({ name: 'a', rules: [{ type: 't', action: 'block' }, {}] })).toEqual({
      name: 'a',
      rules: [{ type: 't', action: 'block' }, undefined],
    });
  });

  it('salvages inside the union branch that fits', () => {
    expect(salvageSchema(schema).parse({ name: 'a', mode: { chain: ['c'], chian: [] } })).toEqual({
      name: 'a',
      mode: { chain: ['c'] },
    });
  });

  it('still fails where the value cannot be read at all: a required field', () => {
    expect(salvageSchema(schema).safeParse({ port: 1 }).success).toBe(false);
  });
});
