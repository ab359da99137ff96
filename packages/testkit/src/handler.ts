// The simulator as a fetch-style handler: records the request, applies the auth and failure knobs, routes
// like gin (404 for unknown paths, 405 for known paths with another method) and calls the endpoint. The
// node:http server and the msw handlers both serve exactly this function.
import { handleChat } from './endpoints/chat.js';
import { handlePs, handleRoot, handleShow, handleTags, handleVersion } from './endpoints/discovery.js';
import { handleEmbed, handleEmbeddings } from './endpoints/embed.js';
import type { Endpoint } from './endpoints/endpoint.js';
import { handleGenerate } from './endpoints/generate.js';
import { openAIError } from './endpoints/openai-layer.js';
import { handleV1Chat } from './endpoints/v1-chat.js';
import { handleV1Completions } from './endpoints/v1-completions.js';
import { handleV1Embeddings } from './endpoints/v1-embeddings.js';
import { handleV1Model, handleV1Models } from './endpoints/v1-models.js';
import { errorResponse, textResponse } from './responses.js';
import type { SimulatorKnobs } from './simulator-knobs.js';
import type { RecordedRequest, SimulatorState } from './simulator-state.js';

/** A web-standard request handler, as `fetch` would call a server. */
export type FetchHandler = (request: Request) => Promise<Response>;

const ROUTES: Readonly<Record<string, Readonly<Record<string, Endpoint>>>> = {
  '/': { GET: handleRoot, HEAD: handleRoot },
  '/api/version': { GET: handleVersion, HEAD: handleVersion },
  '/api/tags': { GET: handleTags, HEAD: handleTags },
  '/api/ps': { GET: handlePs },
  '/api/show': { POST: handleShow },
  '/api/chat': { POST: handleChat },
  '/api/generate': { POST: handleGenerate },
  '/api/embed': { POST: handleEmbed },
  '/api/embeddings': { POST: handleEmbeddings },
  // Ollama's OpenAI layer: middleware around the native handlers above.
  '/v1/chat/completions': { POST: handleV1Chat },
  '/v1/completions': { POST: handleV1Completions },
  '/v1/embeddings': { POST: handleV1Embeddings },
  '/v1/models': { GET: handleV1Models },
};

const MODEL_PATH = /^\/v1\/models\/([^/]+)$/;

/** The route for a path: an exact one, or gin's `/v1/models/:model`. */
function routeFor(path: string): Readonly<Record<string, Endpoint>> | undefined {
  if (Object.hasOwn(ROUTES, path)) return ROUTES[path];
  const match = MODEL_PATH.exec(path);
  if (match === null) return undefined;
  const model = decodeURIComponent(match[1] ?? '');
  return { GET: (context) => handleV1Model(context, model) };
}

// BOM and invalid bytes pass through as Go's decoder would see them, so they fail as syntax errors.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The body as the request log shows it: parsed JSON, or undefined. */
export function parseForLog(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * Reads a request's body with `decoder` and appends the request to the state's log; the server
 * aborts the request's signal when the client goes away before the answer is complete, and that
 * lands in `abortedRequests`.
 */
export async function recordRequest(
  state: SimulatorKnobs,
  request: Request,
  decoder: InstanceType<typeof TextDecoder>,
): Promise<{ url: URL; method: string; body: string; recorded: RecordedRequest }> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? '' : decoder.decode(await request.arrayBuffer());
  const recorded: RecordedRequest = {
    method,
    path: url.pathname,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: parseForLog(body),
    rawBody: body,
  };
  state.record(recorded);
  request.signal.addEventListener('abort', () => state.recordAbort(recorded), { once: true });
  return { url, method, body, recorded };
}

/** A response that never comes: an error response once the client goes away. */
export function untilAborted(signal: AbortSignal): Promise<Response> {
  return new Promise((resolve) => {
    const done = () => resolve(Response.error());
    if (signal.aborted) done();
    else signal.addEventListener('abort', done, { once: true });
  });
}

async function withoutBody(response: Promise<Response> | Response): Promise<Response> {
  const full = await response;
  const length = (await full.arrayBuffer()).byteLength;
  const headers = new Headers(full.headers);
  headers.set('content-length', String(length));
  return new Response(null, { status: full.status, headers });
}

/** Calls `done` once the response body has been read to its end (an errored or cancelled body never is). */
export function noteCompletion(response: Response, done: () => void): Response {
  if (response.body === null) {
    done();
    return response;
  }
  const body = response.body.pipeThrough(new TransformStream({ flush: done }));
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * Creates the handler that serves the simulated Ollama API from a simulator state. With
 * `noteCompletions` (the HTTP server's), each answer body read to its end lands in
 * `state.completedRequests`; msw's interception gets the bodies unwrapped, since it ends a mocked
 * body differently when its stream errors.
 */
export function createOllamaHandler(
  state: SimulatorState,
  options: { noteCompletions?: boolean } = {},
): FetchHandler {
  return async (request) => {
    const { url, method, body, recorded } = await recordRequest(state, request, decoder);
    if (!state.isAuthorized(request.headers.get('authorization'))) return errorResponse(401, 'unauthorized');
    const route = routeFor(url.pathname);
    if (route === undefined) return textResponse(404, '404 page not found', 'text/plain');
    const endpoint = Object.hasOwn(route, method) ? route[method] : undefined;
    if (endpoint === undefined) return textResponse(405, '405 method not allowed', 'text/plain');
    const failure = state.takeFailure(url.pathname);
    if (failure !== undefined) {
      // The OpenAI layer rewrites the native handler's error into its own envelope.
      return url.pathname.startsWith('/v1/')
        ? openAIError(failure.status, failure.error)
        : errorResponse(failure.status, failure.error);
    }
    if (state.takeHang(url.pathname)) return untilAborted(request.signal);
    const response = endpoint({ state, method, path: url.pathname, body, signal: request.signal });
    if (method === 'HEAD') return withoutBody(response);
    if (options.noteCompletions !== true) return response;
    return noteCompletion(await response, () => state.recordCompletion(recorded));
  };
}
