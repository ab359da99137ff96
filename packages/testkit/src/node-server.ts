// Serves a fetch-style handler over node:http: each body chunk is written as soon as it is produced (one
// NDJSON line or SSE frame per write), a body stream that errors destroys the socket (the client sees EOF without a
// done line), and closing the server aborts in-flight requests so hung ones end too.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchHandler } from './handler.js';

/** A running HTTP server for a fetch handler. */
export interface ServedHandler {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops listening, ends every open connection and in-flight request; never hangs. */
  close(): Promise<void>;
}

/** Where to listen; port 0 picks a free port. */
export interface ServeOptions {
  readonly host?: string;
  readonly port?: number;
}

function toRequest(req: IncomingMessage, body: Buffer, base: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    try {
      headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
    } catch {
      // A header undici refuses is one a test cannot have meant to check.
    }
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', base), {
    method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
    signal,
  });
}

function write(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    res.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

async function send(response: Response, res: ServerResponse, method: string): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  const type = response.headers.get('content-type') ?? '';
  const streaming = type === 'application/x-ndjson' || type.startsWith('text/event-stream');
  if (method === 'HEAD' || response.body === null) {
    res.end();
    return;
  }
  if (!streaming) {
    res.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await write(res, value);
    }
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    throw error;
  }
  res.end();
}

/** Starts an HTTP server that answers every request with the handler. */
export async function serveFetchHandler(
  handler: FetchHandler,
  options: ServeOptions = {},
): Promise<ServedHandler> {
  const host = options.host ?? '127.0.0.1';
  const inFlight = new Set<AbortController>();
  let base = `http://${host}`;

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const controller = new AbortController();
    inFlight.add(controller);
    res.on('close', () => {
      inFlight.delete(controller);
      if (!res.writableFinished) controller.abort();
    });
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const response = await handler(toRequest(req, Buffer.concat(chunks), base, controller.signal));
      if (controller.signal.aborted || response.type === 'error') {
        res.destroy();
        return;
      }
      await send(response, res, req.method ?? 'GET');
    } catch {
      // Mid-stream there is no status left to change: drop the connection, as a dying upstream would.
      if (res.headersSent || controller.signal.aborted) res.destroy();
      else {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end('{"error":"simulator failure"}');
      }
    }
  }

  const server = createServer((req, res) => {
    void respond(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  base = `http://${urlHost}:${port}`;
  return {
    url: base,
    host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const controller of inFlight) controller.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
