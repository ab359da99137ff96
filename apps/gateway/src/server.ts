import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Gateway } from './gateway.js';

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
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: gateway.app.fetch, hostname: listen.host, port: listen.port }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await gateway.close();
    },
  };
}
