// Response builders with Ollama's content types: gin's JSON (`application/json; charset=utf-8`), gin's
// plain-text defaults for 404/405, and the `{"error":"..."}` body every failure carries.
import { goJsonStringify } from './go-json.js';

/** The content type gin's c.JSON writes. */
export const JSON_UTF8 = 'application/json; charset=utf-8';

/** A JSON response encoded like Go's json.Marshal. */
export function jsonResponse(status: number, body: unknown, contentType = JSON_UTF8): Response {
  return new Response(goJsonStringify(body), { status, headers: { 'content-type': contentType } });
}

/** An Ollama error: `{"error":"<message>"}`. */
export function errorResponse(status: number, message: string, contentType = JSON_UTF8): Response {
  return jsonResponse(status, { error: message }, contentType);
}

/** A plain-text response: gin's c.String sends `text/plain; charset=utf-8`, its 404/405 pages `text/plain`. */
export function textResponse(
  status: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
): Response {
  return new Response(text, { status, headers: { 'content-type': contentType } });
}
