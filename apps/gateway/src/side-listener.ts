import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server on a listener of its own beside the API one (`/metrics`, the console). */
export interface SideListener {
  /** `http://host:port`, with the port the system picked when the config said 0. */
  readonly url: string;
  /** Stops listening and ends open connections (SSE streams included). */
  close(): Promise<void>;
}

/** Starts `server` on `listen`; rejects when the address cannot be bound. */
export async function listenBeside(
  server: Server,
  listen: { host: string; port: number },
): Promise<SideListener> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
