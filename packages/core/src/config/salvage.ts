import { z } from 'zod';

/**
 * A written value as far as it was valid. An item of a list of mappings that failed its schema is
 * a hole (`undefined`), so the items after it keep the index that names them in the file.
 */
export type Salvaged<T> = T extends readonly (infer E)[]
  ? [E] extends [string | number | boolean]
    ? T
    : (Salvaged<E> | undefined)[]
  : T extends object
    ? { [K in keyof T]: Salvaged<T[K]> }
    : T;

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  catchall?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { def: SchemaDef }).def;

/**
 * Derives from a strict schema one that keeps what is valid instead of failing: unknown keys are
 * dropped, a bad optional value reads as absent, a bad item of a list of mappings becomes a hole.
 * The loader reports problems with the strict schema, then runs the later checks (plugin rules,
 * provider strings, references) on what this one keeps, so one run finds every problem of a file
 * rather than one kind per run (#12). Its output has the shape {@link Salvaged} describes.
 */
export function salvageSchema(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(
        Object.entries(def.shape ?? {}).map(([key, value]) => [key, salvageSchema(value)]),
      );
      // A loose object (a rule, whose plugin checks the rest) keeps its other keys.
      const loose = def.catchall !== undefined && defOf(def.catchall).type !== 'never';
      return loose ? z.looseObject(shape) : z.object(shape);
    }
    case 'optional':
      return salvageSchema(def.innerType!).optional().catch(undefined);
    case 'array': {
      const element = def.element!;
      const kind = defOf(element).type;
      // A list of scalars stays whole: a bad entry drops the list, where the field is optional.
      if (kind !== 'object' && kind !== 'union') return schema;
      return z.array(salvageSchema(element).optional().catch(undefined));
    }
    case 'union':
      return z.union(def.options!.map(salvageSchema) as [z.ZodType, ...z.ZodType[]]);
    default:
      return schema;
  }
}
