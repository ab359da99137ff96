// Typed decoding of a parsed body into a described Go struct, reproducing encoding/json's rules: field names
// match case-insensitively, unknown fields and `null` are ignored, and type mismatches become
// `json: cannot unmarshal X into Go struct field S.path of type T` (the first one wins).
import { goDecodeBase64 } from './go-base64.js';
import type { JsonNode } from './go-json.js';

/** A Go type as far as decoding needs it; `name` is what reflect prints in error messages. */
export type GoType =
  | { readonly go: 'string' }
  | { readonly go: 'bool' }
  | { readonly go: 'int' }
  | { readonly go: 'any' }
  | { readonly go: 'map' }
  | { readonly go: 'base64'; readonly name: string }
  | { readonly go: 'slice'; readonly name: string; readonly elem: GoType }
  | {
      readonly go: 'struct';
      readonly name: string;
      readonly fields: Readonly<Record<string, GoType>>;
      // The type has an UnmarshalJSON that decodes through an alias type (api.Message does, to lower-case
      // the role), which resets the error context and turns saved errors into immediate ones.
      readonly alias?: { readonly name: string; readonly after: (value: Record<string, unknown>) => void };
    }
  | { readonly go: 'custom'; readonly decode: (node: JsonNode) => unknown };

/** An error a custom UnmarshalJSON returns; it aborts decoding with its message unchanged. */
export class GoDecodeError extends Error {}

class UnmarshalTypeError {
  readonly value: string;
  readonly type: string;
  struct: string | undefined;
  field: string;
  constructor(value: string, type: string, struct: string | undefined, field: string) {
    this.value = value;
    this.type = type;
    this.struct = struct;
    this.field = field;
  }

  get message(): string {
    return this.struct === undefined
      ? `json: cannot unmarshal ${this.value} into Go value of type ${this.type}`
      : `json: cannot unmarshal ${this.value} into Go struct field ${this.struct}.${this.field} of type ${this.type}`;
  }
}

class Abort {
  readonly error: UnmarshalTypeError | GoDecodeError;
  constructor(error: UnmarshalTypeError | GoDecodeError) {
    this.error = error;
  }
}

interface Context {
  struct: string | undefined;
  path: string[];
  saved: UnmarshalTypeError | GoDecodeError | undefined;
}

function typeName(type: GoType): string {
  switch (type.go) {
    case 'map':
      return 'map[string]interface {}';
    case 'any':
    case 'custom':
      return 'interface {}';
    case 'base64':
    case 'slice':
    case 'struct':
      return type.name;
    default:
      return type.go;
  }
}

function valueKind(node: JsonNode): string {
  return node.kind === 'null' ? 'null' : node.kind === 'bool' ? 'bool' : node.kind;
}

function save(ctx: Context, error: UnmarshalTypeError | GoDecodeError): void {
  ctx.saved ??= error;
}

function mismatch(ctx: Context, node: JsonNode, type: GoType, value = valueKind(node)): undefined {
  save(ctx, new UnmarshalTypeError(value, typeName(type), ctx.struct, ctx.path.join('.')));
  return undefined;
}

function decodeNode(node: JsonNode, type: GoType, ctx: Context): unknown {
  if (node.kind === 'null' && type.go !== 'custom') return undefined;
  switch (type.go) {
    case 'any':
      return node;
    case 'custom':
      try {
        return type.decode(node);
      } catch (error) {
        if (error instanceof GoDecodeError) throw new Abort(error);
        throw error;
      }
    case 'string':
      return node.kind === 'string' ? node.value : mismatch(ctx, node, type);
    case 'bool':
      return node.kind === 'bool' ? node.value : mismatch(ctx, node, type);
    case 'int':
      if (node.kind !== 'number') return mismatch(ctx, node, type);
      if (!/^-?\d+$/.test(node.raw)) return mismatch(ctx, node, type, `number ${node.raw}`);
      return Number(node.raw);
    case 'map':
      return node.kind === 'object' ? Object.fromEntries(node.entries) : mismatch(ctx, node, type);
    case 'base64': {
      if (node.kind !== 'string') return mismatch(ctx, node, type);
      const decoded = goDecodeBase64(node.value);
      if (typeof decoded === 'string') {
        save(ctx, new GoDecodeError(decoded));
        return undefined;
      }
      return node.value;
    }
    case 'slice':
      if (node.kind !== 'array') return mismatch(ctx, node, type);
      return node.items.map((item) =>
        item.kind === 'null' ? zero(type.elem) : decodeNode(item, type.elem, ctx),
      );
    case 'struct':
      if (type.alias !== undefined) return decodeAliased(node, type, type.alias, ctx);
      return node.kind === 'object' ? decodeStruct(node, type, ctx) : mismatch(ctx, node, type);
  }
}

function zero(type: GoType): unknown {
  if (type.go === 'string') return '';
  if (type.go === 'int') return 0;
  if (type.go === 'bool') return false;
  if (type.go === 'struct') return {};
  return undefined;
}

function decodeStruct(
  node: Extract<JsonNode, { kind: 'object' }>,
  type: Extract<GoType, { go: 'struct' }>,
  ctx: Context,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const names = Object.keys(type.fields);
  for (const [key, value] of node.entries) {
    const name = names.find((n) => n === key) ?? names.find((n) => n.toLowerCase() === key.toLowerCase());
    const fieldType = name === undefined ? undefined : type.fields[name];
    if (name === undefined || fieldType === undefined) continue;
    const outer = { struct: ctx.struct, depth: ctx.path.length };
    ctx.struct = type.name.slice(type.name.indexOf('.') + 1);
    ctx.path.push(name);
    const decoded = decodeNode(value, fieldType, ctx);
    ctx.path.length = outer.depth;
    ctx.struct = outer.struct;
    if (decoded !== undefined) out[name] = decoded;
  }
  return out;
}

// Mirrors `func (m *Message) UnmarshalJSON(b []byte)`: an inner json.Unmarshal into an alias type, whose
// error (type error or not) aborts the outer decode; type errors get the outer struct and path prefixed.
function decodeAliased(
  node: JsonNode,
  type: Extract<GoType, { go: 'struct' }>,
  alias: NonNullable<Extract<GoType, { go: 'struct' }>['alias']>,
  ctx: Context,
): Record<string, unknown> {
  const inner: Context = { struct: undefined, path: [], saved: undefined };
  const aliasType = { ...type, name: alias.name, alias: undefined };
  let value: Record<string, unknown> = {};
  try {
    if (node.kind === 'object') value = decodeStruct(node, aliasType, inner);
    else mismatch(inner, node, aliasType);
  } catch (error) {
    if (!(error instanceof Abort)) throw error;
    inner.saved = error.error;
  }
  const error = inner.saved;
  if (error instanceof UnmarshalTypeError) {
    error.struct = ctx.struct;
    error.field = [...ctx.path, ...(error.field === '' ? [] : [error.field])].join('.');
    throw new Abort(error);
  }
  if (error !== undefined) throw new Abort(error);
  alias.after(value);
  return value;
}

/** The result of decoding a body into a Go struct: the value, or the message Ollama would answer with. */
export type GoDecodeResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

/**
 * Decodes a parsed JSON body into the described struct; the caller asserts the result's shape through `T`,
 * which the description guarantees (absent and `null` fields are left out).
 */
export function goDecode<T>(node: JsonNode, type: Extract<GoType, { go: 'struct' }>): GoDecodeResult<T> {
  const ctx: Context = { struct: undefined, path: [], saved: undefined };
  try {
    const value = decodeNode(node, type, ctx);
    if (ctx.saved !== undefined) return { ok: false, message: ctx.saved.message };
    return { ok: true, value: (value ?? {}) as T };
  } catch (error) {
    if (error instanceof Abort) return { ok: false, message: error.error.message };
    throw error;
  }
}
