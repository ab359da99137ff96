// msw for clients that speak HTTP over their own sockets. msw's `setupServer` intercepts
// node:http's ClientRequest, the global fetch and XMLHttpRequest; the providers' transport is
// undici's request API (issue #14), which is none of them. This server intercepts at the socket
// (@mswjs/interceptors' HttpRequestInterceptor), so every HTTP client in the process is seen, with
// the same handlers and the same `listen`, `use`, `resetHandlers` and `close` as `setupServer`.
import { HttpRequestInterceptor } from '@mswjs/interceptors/http';
import type { RequestHandler } from 'msw';
import { defineNetwork, InterceptorSource } from 'msw/experimental';

/** What a test does with the server, as with msw's `setupServer`. */
export interface UpstreamServer {
  /** Starts intercepting; `onUnhandledFrame: 'error'` fails a request no handler answers. */
  listen(options?: { onUnhandledFrame?: 'bypass' | 'warn' | 'error' }): void;
  /** Puts handlers in front of the initial ones until the next {@link resetHandlers}. */
  use(...handlers: RequestHandler[]): void;
  /** Drops the handlers added by {@link use} (or replaces them all with `handlers`). */
  resetHandlers(...handlers: RequestHandler[]): void;
  /** Stops intercepting. */
  close(): void;
}

/** An msw server that intercepts HTTP requests at the socket, whichever client sends them. */
export function setupUpstreamServer(...handlers: RequestHandler[]): UpstreamServer {
  const network = defineNetwork({
    sources: [new InterceptorSource({ interceptors: [new HttpRequestInterceptor()] })],
    handlers,
    context: { quiet: true },
  });
  return {
    listen(options) {
      network.configure({ onUnhandledFrame: options?.onUnhandledFrame ?? 'warn' });
      network.enable();
    },
    use: (...added) => network.use(...added),
    resetHandlers: (...next) => network.resetHandlers(...next),
    close: () => network.disable(),
  };
}
