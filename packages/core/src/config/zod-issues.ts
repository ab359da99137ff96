import type { z } from 'zod';
import type { ConfigIssue } from '../errors.js';
import { didYouMean } from './did-you-mean.js';

type Path = readonly (string | number)[];
type Locate = (path: Path, options?: { key?: boolean }) => { line: number; column: number };

/** Renders a path as written: `providers.targets[2].timeout_seconds`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    const name = String(segment);
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? name : `.${name}`;
  }
  return out;
}

/**
 * Validates `value` with `schema` and turns every zod issue into a located, readable ConfigIssue.
 * `prefix` is where `value` sits in the file (a rule's path when a plugin schema checks it).
 */
export function checkWithSchema<T>(
  schema: z.ZodType<T>,
  value: unknown,
  where: { file: string; prefix: Path; locate: Locate },
): { ok: true; data: T } | { ok: false; issues: ConfigIssue[] } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const issues: ConfigIssue[] = [];
  for (const issue of result.error.issues) issues.push(...convert(schema, issue, where));
  return { ok: false, issues };
}

function convert(
  root: z.ZodType,
  issue: z.core.$ZodIssue,
  where: { file: string; prefix: Path; locate: Locate },
): ConfigIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const full = [...where.prefix, ...path];
  const at = (p: Path, key = false): Omit<ConfigIssue, 'message'> => {
    const pos = where.locate(p, { key });
    return { file: where.file, line: pos.line, column: pos.column, path: formatPath(p) };
  };
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(root, path);
      return issue.keys.map((key) => {
        const hint = didYouMean(key, known);
        return {
          ...at([...full, key], true),
          message: `unknown key "${key}"; expected one of: ${known.join(', ')}`,
          ...(hint === undefined ? {} : { hint: `did you mean "${hint}"?` }),
        };
      });
    }
    case 'invalid_union': {
      const deepest = pickBranch(issue.errors);
      if (deepest !== undefined)
        return deepest.flatMap((inner) => convert(root, prefixed(inner, path), where));
      return [{ ...at(full), message: `${issue.message}, got ${describe(issue.input)}` }];
    }
    case 'invalid_type': {
      if (issue.input === undefined)
        return [{ ...at(full), message: `required: expected ${article(issue.expected)}` }];
      return [{ ...at(full), message: `expected ${article(issue.expected)}, got ${describe(issue.input)}` }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      const what =
        issue.origin === 'array'
          ? `a list with ${op === '>=' || op === '>' ? 'at least' : 'at most'} ${String(bound)} item(s)`
          : issue.origin === 'string'
            ? `a text of ${op === '>=' || op === '>' ? 'at least' : 'at most'} ${String(bound)} character(s)`
            : `a number ${op} ${String(bound)}`;
      return [{ ...at(full), message: `expected ${what}, got ${describe(issue.input)}` }];
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      const hint =
        typeof issue.input === 'string'
          ? didYouMean(
              issue.input,
              issue.values.filter((v): v is string => typeof v === 'string'),
            )
          : undefined;
      return [
        {
          ...at(full),
          message: `expected ${values.length === 1 ? values[0] : `one of ${values.join(', ')}`}, got ${describe(issue.input)}`,
          ...(hint === undefined ? {} : { hint: `did you mean "${hint}"?` }),
        },
      ];
    }
    case 'custom': {
      // A refinement may suggest a fix: ctx.addIssue({ code: 'custom', message, params: { hint } }).
      const hint = (issue.params as { hint?: unknown } | undefined)?.hint;
      return [{ ...at(full), message: issue.message, ...(typeof hint === 'string' ? { hint } : {}) }];
    }
    default:
      return [{ ...at(full), message: issue.message }];
  }
}

// A union failed: report the branch that got furthest (the one whose shape matched), if any.
function pickBranch(branches: z.core.$ZodIssue[][]): z.core.$ZodIssue[] | undefined {
  let best: z.core.$ZodIssue[] | undefined;
  let bestDepth = 0;
  for (const branch of branches) {
    const typeMismatchAtRoot = branch.every((i) => i.path.length === 0 && i.code === 'invalid_type');
    if (typeMismatchAtRoot) continue;
    const depth = Math.max(...branch.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 0.5)));
    if (best === undefined || depth > bestDepth) {
      best = branch;
      bestDepth = depth;
    }
  }
  return best;
}

function prefixed(issue: z.core.$ZodIssue, path: Path): z.core.$ZodIssue {
  return { ...issue, path: [...path, ...issue.path] } as z.core.$ZodIssue;
}

function article(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a mapping (key: value)';
    case 'array':
      return 'a list';
    case 'boolean':
      return 'true or false';
    case 'int':
      return 'an integer';
    case 'string':
    case 'number':
      return `a ${expected}`;
    default:
      return expected;
  }
}

/** Describes a value for a message: `-5`, `"abc"`, `a list`, `nothing`. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (empty value)';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length} item(s)`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

interface WalkDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
}

// The keys a schema allows at `path`, for "did you mean" on an unknown key.
function knownKeys(schema: z.ZodType, path: Path): string[] {
  const found = new Set<string>();
  const visit = (node: z.ZodType | undefined, rest: Path): void => {
    if (node === undefined) return;
    const def = (node as unknown as { def: WalkDef }).def;
    switch (def.type) {
      case 'object': {
        if (rest.length === 0) {
          for (const key of Object.keys(def.shape ?? {})) found.add(key);
          return;
        }
        visit(def.shape?.[String(rest[0])], rest.slice(1));
        return;
      }
      case 'array':
        if (rest.length > 0) visit(def.element, rest.slice(1));
        return;
      case 'record':
        if (rest.length > 0) visit(def.valueType, rest.slice(1));
        return;
      case 'union':
        for (const option of def.options ?? []) visit(option, rest);
        return;
      case 'intersection':
        visit(def.left, rest);
        visit(def.right, rest);
        return;
      case 'pipe':
        visit(def.in, rest);
        return;
      default:
        visit(def.innerType, rest);
    }
  };
  visit(schema, path);
  return [...found];
}
