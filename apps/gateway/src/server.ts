import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
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
  close(): Promise<void>;
}

/** Parses `HOST:PORT` (IPv6 in brackets); throws a message naming the expected form. */
export function parseListen(value: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (match === null || port > 65535)
    throw new Error(`--listen "${value}": expected HOST:PORT such as 127.0.0.1:41002`);
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

/** Whether an address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Serves the gateway's app; `close` stops accepting, ends open connections and closes the gateway. */
export async function startServer(
  gateway: Gateway,
  listen: { host: string; port: number },
): Promise<RunningServer> {
  const { requestTimeoutSeconds, headersTimeoutSeconds } = gateway.config.server;
  const listener = getRequestListener(
    // A Response returned here, not a promise, is written before the listener returns.
    (request, env) => refusalFor((env as HttpBindings).incoming) ?? gateway.app.fetch(request, env),
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
  return {
    url: `http://${host}:${address.port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await gateway.close();
    },
  };
}
