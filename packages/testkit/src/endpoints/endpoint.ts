// What every endpoint receives, and the body decoding they share: gin's ShouldBindJSON turned into
// Ollama's 400 answers (`missing request body`, Go's syntax and type errors).
import { type GoType, goDecode } from '../go-decode.js';
import { parseGoJson } from '../go-json.js';
import { errorResponse } from '../responses.js';
import type { SimulatorState } from '../simulator-state.js';

/** One request as an endpoint sees it (the body is already read, for the request log). */
export interface EndpointContext {
  readonly state: SimulatorState;
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly signal: AbortSignal;
}

/** An endpoint of the simulated API. */
export type Endpoint = (context: EndpointContext) => Response | Promise<Response>;

/** Decodes a body into a Go struct description, or returns the 400 Ollama would send. */
export function decodeBody<T>(
  body: string,
  type: Extract<GoType, { go: 'struct' }>,
): { readonly value: T; readonly error?: undefined } | { readonly error: Response } {
  const parsed = parseGoJson(body);
  if (!parsed.ok) return { error: errorResponse(400, parsed.eof ? 'missing request body' : parsed.message) };
  const decoded = goDecode<T>(parsed.node, type);
  if (!decoded.ok) return { error: errorResponse(400, decoded.message) };
  return { value: decoded.value };
}
