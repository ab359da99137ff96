// What Ollama's OpenAI layer (middleware/openai.go around the native handlers) shares across its routes:
// decoding the OpenAI body with gin's ShouldBindJSON, its error envelope, and reading the native
// handler's answer back (a JSON body, or NDJSON lines one by one).
import { type GoType, goDecode } from '../go-decode.js';
import { goJsonStringify, type JsonNode, parseGoJson } from '../go-json.js';

/** Go's json.Encoder output: HTML-escaped JSON and a newline. */
export function goEncoded(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(`${goJsonStringify(body)}\n`, { status, headers: { 'content-type': contentType } });
}

/**
 * openai.NewError: `{"error":{"message","type","param":null,"code":null}}`, `type` from the status
 * (`invalid_request_error` for 400, `not_found_error` for 404, `api_error` otherwise).
 */
export function openAIError(status: number, message: string): Response {
  const type = status === 400 ? 'invalid_request_error' : status === 404 ? 'not_found_error' : 'api_error';
  return goEncoded(status, { error: { message, type, param: null, code: null } });
}

/** Rewrites a native error answer (`{"error":"..."}`, or plain text) into the OpenAI envelope, same status. */
export async function fromNativeError(response: Response): Promise<Response> {
  const text = await response.text();
  let message = text;
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    // api.StatusError.Error() is the message, or the status text when the body has none.
    message = typeof parsed.error === 'string' ? parsed.error : '';
  } catch {
    // The middleware uses a body that is not JSON as the message itself.
  }
  return openAIError(response.status, message);
}

/** Decodes the OpenAI request struct as ShouldBindJSON does; errors become 400s in the OpenAI envelope. */
export function decodeOpenAIBody<T>(
  body: string,
  type: Extract<GoType, { go: 'struct' }>,
): { readonly value: T; readonly error?: undefined } | { readonly error: Response } {
  const parsed = parseGoJson(body);
  // Unlike the native handlers, the middleware has no "missing request body" check: Go says EOF.
  if (!parsed.ok) return { error: openAIError(400, parsed.eof ? 'EOF' : parsed.message) };
  const decoded = goDecode<T>(parsed.node, type);
  if (!decoded.ok) return { error: openAIError(400, decoded.message) };
  return { value: decoded.value };
}

/** What Go's `%T` prints for a value decoded into `any`. */
export function goTypeOf(node: JsonNode | undefined): string {
  switch (node?.kind) {
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'bool':
      return 'bool';
    case 'array':
      return '[]interface {}';
    case 'object':
      return 'map[string]interface {}';
    default:
      return '<nil>';
  }
}

/** Unix seconds of an RFC 3339 time, as Go's Time.Unix(). */
export function unixSeconds(rfc3339: unknown): number {
  const ms = typeof rfc3339 === 'string' ? Date.parse(rfc3339) : Number.NaN;
  return Number.isNaN(ms) ? Math.floor(Date.now() / 1000) : Math.floor(ms / 1000);
}

/** Reads a native NDJSON answer line by line; a torn-down body rejects, as the socket would. */
export async function* ndjsonLines(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<Record<string, unknown>> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    for (let at = pending.indexOf('\n'); at >= 0; at = pending.indexOf('\n')) {
      const line = pending.slice(0, at);
      pending = pending.slice(at + 1);
      if (line.trim() !== '') yield JSON.parse(line) as Record<string, unknown>;
    }
  }
  if (pending.trim() !== '') yield JSON.parse(pending) as Record<string, unknown>;
}

/** An SSE response whose frames come from an async generator of encoded strings. */
export function sseFromFrames(frames: AsyncGenerator<string>): Response {
  const encoder = new TextEncoder();
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const frame of frames) yield encoder.encode(frame);
  }
  return new Response(ReadableStream.from(bytes()), {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
  });
}

/** One SSE data frame of a Go-marshalled value. */
export function goDataFrame(value: unknown): string {
  return `data: ${goJsonStringify(value)}\n\n`;
}

/** Ollama's response ids: a prefix and rand.Intn(999). */
export function ollamaId(prefix: 'chatcmpl' | 'cmpl'): string {
  return `${prefix}-${Math.floor(Math.random() * 999)}`;
}
