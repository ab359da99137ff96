// A real HTTP upstream that starts an answer and never finishes it, for tests of what a client does
// when a stream stalls or is abandoned mid-body. msw cannot stand in for it: its emulated socket
// closes without the error a real one reports.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listening server whose every answer sends one chunk, then neither writes nor ends. */
export interface StallingUpstream {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Resolves once a client closed its connection to the server (it gave up, or was aborted). */
  readonly closed: Promise<void>;
  /** Closes every connection and the server. */
  close(): Promise<void>;
}

/** Starts a {@link StallingUpstream} that answers 200 with `contentType` and `firstChunk`. */
export async function startStallingUpstream(
  contentType: string,
  firstChunk: string,
): Promise<StallingUpstream> {
  let onClosed = (): void => undefined;
  const closed = new Promise<void>((resolve) => {
    onClosed = resolve;
  });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.write(firstChunk);
    res.on('close', onClosed);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    closed,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
