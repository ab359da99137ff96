// What the simulated model says when no knob dictates it: a sentence quoting the last user message (so
// tests see what arrived), a mention of a tool result after a `tool` message, JSON when `format` asks for
// it, and a tool call when the last user message names a declared tool.
import { goQuote, type JsonNode, nodeToValue } from './go-json.js';
import type { WireMessage, WireTool } from './request-types.js';
import type { ToolCallReply } from './simulator-state.js';

/** The text a thinking model "thinks" before answering. */
export const THINKING_TEXT = 'The user sent a message. I will answer it directly.';

/** What `format` asks for. */
export type ReplyFormat =
  | { readonly kind: 'text' }
  | { readonly kind: 'json' }
  | { readonly kind: 'schema'; readonly schema: unknown };

/** Reads `format` like llm/server.go; returns the 500 message Ollama gives for anything but "json" or an object. */
export function parseFormat(format: JsonNode | undefined): ReplyFormat | string {
  if (format === undefined || format.raw === 'null' || format.raw === '""') return { kind: 'text' };
  if (format.raw === '"json"') return { kind: 'json' };
  if (format.kind === 'object') return { kind: 'schema', schema: nodeToValue(format) };
  return `invalid format: ${goQuote(format.raw)}; expected "json" or a valid JSON Schema object`;
}

function imageNote(message: WireMessage): string {
  const count = message.images?.length ?? 0;
  return count === 0 ? '' : ` [${count} image${count === 1 ? '' : 's'}]`;
}

/** The default chat answer: quotes the last user message, or reports the last tool result. */
export function chatReplyText(messages: readonly WireMessage[]): string {
  const last = messages.at(-1);
  if (last?.role === 'tool') return `The ${last.tool_name || 'tool'} tool returned: ${last.content ?? ''}`;
  const user = messages.findLast((message) => message.role === 'user');
  if (user === undefined) return 'Hello! How can I help you today?';
  return `You said: "${user.content ?? ''}"${imageNote(user)}`;
}

/** The default /api/generate answer: quotes the prompt. */
export function generateReplyText(prompt: string, imageCount: number): string {
  return `You said: "${prompt}"${imageNote({ images: Array.from({ length: imageCount }, () => '') })}`;
}

/** Turns the default answer into JSON when `format` asks for it. */
export function formatReply(format: ReplyFormat, text: string): string {
  if (format.kind === 'json') return JSON.stringify({ reply: text });
  if (format.kind === 'schema') return JSON.stringify(exampleFromSchema(format.schema));
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function exampleString(schema: Record<string, unknown>): string {
  switch (schema.format) {
    case 'date-time':
      return '2025-01-01T00:00:00Z';
    case 'date':
      return '2025-01-01';
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com';
    default:
      return 'example';
  }
}

function exampleNumber(schema: Record<string, unknown>, fallback: number): number {
  if (typeof schema.minimum === 'number') return schema.minimum;
  if (typeof schema.maximum === 'number') return Math.min(schema.maximum, fallback);
  return fallback;
}

/**
 * A plausible value for a JSON schema: objects get their required properties (every property when
 * `required` is absent), arrays one item (or `minItems`), enums their first value.
 */
export function exampleFromSchema(schema: unknown, depth = 0): unknown {
  if (!isRecord(schema) || depth > 16) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return exampleFromSchema(options[0], depth + 1);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type =
    types.find((t) => t !== 'null') ?? types[0] ?? (isRecord(schema.properties) ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required)
        ? schema.required.filter((key): key is string => typeof key === 'string')
        : Object.keys(properties);
      return Object.fromEntries(required.map((key) => [key, exampleFromSchema(properties[key], depth + 1)]));
    }
    case 'array': {
      const count = typeof schema.minItems === 'number' && schema.minItems > 1 ? schema.minItems : 1;
      return Array.from({ length: count }, () => exampleFromSchema(schema.items, depth + 1));
    }
    case 'string':
      return exampleString(schema);
    case 'integer':
      return Math.trunc(exampleNumber(schema, 42));
    case 'number':
      return exampleNumber(schema, 3.14);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function coerce(raw: string, schema: unknown): unknown {
  const type = isRecord(schema) ? schema.type : undefined;
  if ((type === 'number' || type === 'integer') && raw.trim() !== '' && Number.isFinite(Number(raw))) {
    return Number(raw);
  }
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

export function toolArguments(parameters: JsonNode | undefined, text: string): Record<string, unknown> {
  const schema = parameters === undefined ? undefined : nodeToValue(parameters);
  const example = exampleFromSchema(isRecord(schema) ? { type: 'object', ...schema } : { type: 'object' });
  const args: Record<string, unknown> = isRecord(example) ? example : {};
  const properties = isRecord(schema) && isRecord(schema.properties) ? schema.properties : undefined;
  for (const match of text.matchAll(/([A-Za-z_][\w-]*)=(?:"([^"]*)"|([^\s,;]+))/g)) {
    const key = match[1] ?? '';
    if (properties !== undefined && !Object.hasOwn(properties, key)) continue;
    const raw = match[2] ?? (match[3] ?? '').replace(/[.!?]+$/, '');
    args[key] = coerce(raw, properties?.[key]);
  }
  return args;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The tool call a model "decides" on: when the last message is from the user and names a declared tool as a
 * whole word (case-insensitive), the earliest-named tool is called, with arguments filled from its schema
 * and overridden by `key=value` pairs in the message.
 */
export function pickToolCall(
  messages: readonly WireMessage[],
  tools: readonly WireTool[],
): ToolCallReply | undefined {
  const last = messages.at(-1);
  if (last?.role !== 'user') return undefined;
  const text = last.content ?? '';
  let best: { at: number; tool: WireTool; name: string } | undefined;
  for (const tool of tools) {
    const name = tool.function?.name;
    if (name === undefined || name === '') continue;
    const at = text.search(new RegExp(`(?<![\\w])${escapeRegExp(name)}(?![\\w])`, 'i'));
    if (at >= 0 && (best === undefined || at < best.at)) best = { at, tool, name };
  }
  if (best === undefined) return undefined;
  return { name: best.name, arguments: toolArguments(best.tool.function?.parameters, text) };
}
