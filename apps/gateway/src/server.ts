import { createServer } from 'node:http';
import { type AddressInfo, Server as NetServer } from 'node:net';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { type ListenAddress, parseListenAddress } from '@keeptrusts/core/config';
import type { Gateway } from './gateway.js';
import {
  createClientErrorListener,
  refusalFor,
  refuseConnect,
  requestErrorResponse,
} from './protocol-errors.js';

/** A gateway listening on a socket. */
export interface RunningServer {
  url: string;
  /** The gateway new requests go to. */
  readonly current: Gateway;
  /** Requests and streams not yet answered, across every gateway still serving one. */
  readonly inFlight: number;
  /**
   * Sends new requests to `next` from now on. Requests in flight finish on the gateway they started
   * with, which is retired (its probes stopped, the sinks `next` does not reuse closed) once they have.
   */
  swap(next: Gateway): void;
  /**
   * Stops accepting, lets requests and streams in flight finish for up to `graceMs`, ends what is
   * left, then flushes and closes the gateway. Resolves with how many requests it had to cut.
   */
  shutdown(graceMs: number): Promise<{ cut: number }>;
  /** Shuts down at once: what is in flight is cut. */
  close(): Promise<void>;
}

/** Parses `--listen HOST:PORT` (IPv6 in brackets, port 0 for any free one); throws a message naming the fix. */
export function parseListen(value: string): ListenAddress {
  const parsed = parseListenAddress(value);
  if ('error' in parsed)
    throw new Error(`--listen: ${parsed.error}${parsed.hint === undefined ? '' : ` (${parsed.hint})`}`);
  return parsed;
}

/** Whether an address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** A gateway and the requests it is still answering. */
interface Generation {
  gateway: Gateway;
  inFlight: number;
  /** Set when a newer gateway took over; the generation retires once its last request ends. */
  successor: Gateway | undefined;
}

// How often a draining server closes keep-alive connections that went idle since the last look.
const IDLE_SWEEP_MS = 50;
// A draining server leaves idle keep-alive connections for their clients to close (#23): a
// balancer may be writing a request into one at the moment the server would close it, and a POST
// lost that way is not retried. Requests that arrive on them are answered with Connection: close.
// Node closes an idle connection itself after server.keepAliveTimeout (5 s), so the wait ends then.
const IDLE_CLOSE_MARGIN_MS = 200;
// How long cut requests get to hand their audit records over after their connections closed.
const RECORDS_AFTER_CUT_MS = 2_000;

/** Serves the gateway's app until {@link RunningServer.shutdown}; {@link RunningServer.swap} reloads it. */
export async function startServer(
  gateway: Gateway,
  listen: { host: string; port: number },
): Promise<RunningServer> {
  let current: Generation = { gateway, inFlight: 0, successor: undefined };
  const retiring = new Set<Generation>();
  const open = new Set<HttpBindings['outgoing']>();
  let draining = false;
  let drained: (() => void) | undefined;

  const retire = (generation: Generation) => {
    if (generation.successor === undefined || generation.inFlight > 0) return;
    retiring.delete(generation);
    void generation.gateway.retire(generation.successor);
  };
  // @hono/node-server hands the app Node's request and response as its env.
  const fetch = (request: Request, env: HttpBindings) => {
    const generation = current;
    generation.inFlight++;
    open.add(env.outgoing);
    // A draining server answers what still arrives on open connections, then closes them.
    if (draining) env.outgoing.setHeader('connection', 'close');
    env.outgoing.once('close', () => {
      generation.inFlight--;
      open.delete(env.outgoing);
      retire(generation);
      if (draining && open.size === 0) drained?.();
    });
    return generation.gateway.app.fetch(request, env);
  };

  // Server timeouts come from the config the gateway started with; a reload keeps them.
  const { requestTimeoutSeconds, headersTimeoutSeconds } = gateway.config.server;
  const listener = getRequestListener(
    // A Response returned here, not a promise, is written before the listener returns.
    (request, env) => refusalFor((env as HttpBindings).incoming) ?? fetch(request, env as HttpBindings),
    {
      hostname: listen.host.includes(':') ? `[${listen.host}]` : listen.host,
      errorHandler: requestErrorResponse,
    },
  );
  const server = createServer(
    {
      requestTimeout: requestTimeoutSeconds * 1000,
      headersTimeout: headersTimeoutSeconds * 1000,
      // Node checks both timeouts on this interval, 30 s unless told; a finer one keeps them close.
      connectionsCheckingInterval: 1000,
      // Node would answer a missing Host with a bare 400; the listener answers it in OpenAI's shape.
      requireHostHeader: false,
    },
    listener,
  );
  server.on('clientError', createClientErrorListener({ requestTimeoutSeconds, headersTimeoutSeconds }));
  server.on('connect', refuseConnect);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const closeAll = () => (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  const closeIdle = () =>
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();

  const running: RunningServer = {
    url: `http://${host}:${address.port}`,
    get current() {
      return current.gateway;
    },
    get inFlight() {
      return open.size;
    },
    swap(next) {
      const previous = current;
      previous.gateway.stopProbes();
      previous.successor = next;
      current = { gateway: next, inFlight: 0, successor: undefined };
      retiring.add(previous);
      retire(previous);
    },
    async shutdown(graceMs) {
      if (draining) throw new Error('the server is already shutting down');
      draining = true;
      const began = Date.now();
      // net.Server's close stops accepting without http.Server's closing of idle connections.
      const listening = new Promise<void>((resolve) =>
        NetServer.prototype.close.call(server, () => resolve()),
      );
      for (const response of open) {
        if (!response.headersSent) response.setHeader('connection', 'close');
      }
      // Idle keep-alive connections are closed only once Node would close them anyway.
      const keepAliveMs = (server as { keepAliveTimeout?: number }).keepAliveTimeout ?? 5_000;
      const idleDelay = graceMs > 0 ? Math.min(keepAliveMs + IDLE_CLOSE_MARGIN_MS, graceMs) : 0;
      let sweep: NodeJS.Timeout | undefined;
      const startSweep = setTimeout(() => {
        sweep = setInterval(closeIdle, IDLE_SWEEP_MS);
        closeIdle();
      }, idleDelay);
      let cut = 0;
      if (open.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          drained = resolve;
          timer = setTimeout(resolve, graceMs);
        });
        clearTimeout(timer);
        cut = open.size;
      }
      // Requests done before then: idle connections wait until their clients close them.
      const connections = () =>
        new Promise<number>((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));
      while (
        cut === 0 &&
        sweep === undefined &&
        Date.now() < began + idleDelay &&
        (await connections()) > 0
      ) {
        await new Promise((resolve) => setTimeout(resolve, IDLE_SWEEP_MS));
      }
      clearTimeout(startSweep);
      clearInterval(sweep);
      closeAll();
      // Stops http.Server's connection checks too.
      server.close();
      await listening;
      // A cut stream writes its audit record when its body is cancelled; wait for those first.
      for (const generation of [...retiring, current]) {
        await generation.gateway.recordsWritten(RECORDS_AFTER_CUT_MS);
      }
      for (const generation of retiring) await generation.gateway.retire(current.gateway);
      retiring.clear();
      await current.gateway.close();
      return { cut };
    },
    async close() {
      await running.shutdown(0);
    },
  };
  return running;
}
