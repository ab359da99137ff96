// The simulator as msw request handlers, for unit tests of an HTTP client that mock the network instead of
// starting a server. The same handler answers, so responses match the HTTP simulator byte for byte.
import { type HttpHandler, http } from 'msw';
import { createOllamaHandler, type FetchHandler } from './handler.js';
import { SimulatorState } from './simulator-state.js';

/**
 * msw handlers that answer every request under `baseUrl` (e.g. `http://ollama.test:11434`, or one with a path
 * prefix such as `http://proxy.test/ollama`) as the simulator would; pass a state from
 * {@link createSimulatorState} to use the knobs and the request log.
 */
export function ollamaHandlers(baseUrl: string, state: SimulatorState = new SimulatorState()): HttpHandler[] {
  return mswHandlersFor(baseUrl, createOllamaHandler(state));
}

/** msw handlers that serve everything under `baseUrl` with a fetch-style handler, prefix stripped. */
export function mswHandlersFor(baseUrl: string, handle: FetchHandler): HttpHandler[] {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const isOurs = ({ request }: { request: Request }): boolean => {
    const url = new URL(request.url);
    return url.origin === base.origin && (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
  };
  return [
    http.all(isOurs, async ({ request }) => {
      if (prefix === '') return handle(request);
      // Serve the path below the prefix, as a server mounted there would see it.
      const url = new URL(request.url);
      url.pathname = url.pathname.slice(prefix.length) || '/';
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      return handle(
        new Request(url, {
          method: request.method,
          headers: request.headers,
          body: hasBody ? await request.arrayBuffer() : undefined,
          signal: request.signal,
        }),
      );
    }),
  ];
}
