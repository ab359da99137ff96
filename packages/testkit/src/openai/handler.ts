// An OpenAI-compatible server as a fetch-style handler: records the request, checks the API key where the
// flavour does, routes (each flavour's unknown-route answer), applies the failure and hang knobs and calls
// the endpoint. The node:http server serves exactly this function.
import { type FetchHandler, noteCompletion, recordRequest, untilAborted } from '../handler.js';
import { handleChatCompletions } from './chat.js';
import { handleCompletions } from './completions.js';
import { handleEmbeddings } from './embeddings.js';
import type { OpenAIEndpoint } from './endpoint.js';
import {
  errorAnswer,
  jsonAnswer,
  modelList,
  needsApiKey,
  unauthorizedAnswer,
  unknownRouteAnswer,
} from './flavour.js';
import type { OpenAIFlavour } from './models.js';
import type { OpenAISimulatorState } from './state.js';

const listModels: OpenAIEndpoint = ({ state }) => jsonAnswer(state.flavour, 200, modelList(state));

const COMMON: Readonly<Record<string, Readonly<Record<string, OpenAIEndpoint>>>> = {
  '/v1/models': { GET: listModels },
  '/v1/chat/completions': { POST: handleChatCompletions },
  '/v1/completions': { POST: handleCompletions },
  '/v1/embeddings': { POST: handleEmbeddings },
};

const ROUTES: Readonly<
  Record<OpenAIFlavour, Readonly<Record<string, Readonly<Record<string, OpenAIEndpoint>>>>>
> = {
  vllm: {
    ...COMMON,
    // vLLM's /health answers 200 with an empty body.
    '/health': { GET: () => new Response(null, { status: 200 }) },
  },
  llamacpp: {
    ...COMMON,
    '/health': { GET: ({ state }) => jsonAnswer(state.flavour, 200, { status: 'ok' }) },
    '/v1/health': { GET: ({ state }) => jsonAnswer(state.flavour, 200, { status: 'ok' }) },
    '/models': { GET: listModels },
    '/chat/completions': { POST: handleChatCompletions },
    '/completions': { POST: handleCompletions },
    '/embeddings': { POST: handleEmbeddings },
  },
  lmstudio: COMMON,
};

const decoder = new TextDecoder();

/** Creates the handler that serves an OpenAI-compatible simulator state. */
export function createOpenAICompatibleHandler(
  state: OpenAISimulatorState,
  options: { noteCompletions?: boolean } = {},
): FetchHandler {
  return async (request) => {
    const { url, method, body, recorded } = await recordRequest(state, request, decoder);
    const { flavour } = state;
    if (needsApiKey(flavour, url.pathname) && !state.isAuthorized(request.headers.get('authorization'))) {
      return unauthorizedAnswer(flavour);
    }
    const routes = ROUTES[flavour];
    const route = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
    const endpoint = route !== undefined && Object.hasOwn(route, method) ? route[method] : undefined;
    if (endpoint === undefined) return unknownRouteAnswer(flavour, method, url.pathname, route !== undefined);
    const failure = state.takeFailure(url.pathname);
    if (failure !== undefined)
      return errorAnswer(flavour, { status: failure.status, message: failure.error });
    if (state.takeHang(url.pathname)) return untilAborted(request.signal);
    const response = await endpoint({ state, method, path: url.pathname, body, signal: request.signal });
    if (options.noteCompletions !== true) return response;
    return noteCompletion(response, () => state.recordCompletion(recorded));
  };
}
