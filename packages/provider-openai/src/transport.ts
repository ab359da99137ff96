// The provider's HTTP transport: node:http(s) requests over keep-alive agents, and nothing more (no
// redirects, no compression, no cookies). Chosen over fetch for two reasons: it costs less per call
// on the gateway's hot path (provider-ollama measured it), and in this package's msw tests undici's
// fetch hit an internal assertion, an uncaught exception, when a stalled stream was aborted by its
// deadline. msw intercepts node:http as well, so the HTTP layer stays unit-testable without a server.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

const agents: Readonly<Record<string, http.Agent>> = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/** What the client sends. */
export interface UpstreamRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Aborting it destroys the request, or the response if it already started. */
  readonly signal: AbortSignal;
}

/** An answer whose status and headers arrived; its body is read once, one way. */
export interface UpstreamResponse {
  readonly status: number;
  readonly ok: boolean;
  /** The whole body, decoded as UTF-8. */
  text(): Promise<string>;
  /** At most `maxBytes` of the body, decoded as UTF-8; the rest is dropped with the connection. */
  head(maxBytes: number): Promise<string>;
  /** The body as a web stream; cancelling it releases the connection. */
  stream(): ReadableStream<Uint8Array>;
}

// A kept-alive socket the server closed while it sat idle fails before the request reached the
// server; such a request is sent once more, on a new connection, as Node's documentation advises.
const STALE_SOCKET = new Set(['ECONNRESET', 'EPIPE']);

/** Sends one request; resolves when the response head arrived. */
export function send(url: URL, request: UpstreamRequest): Promise<UpstreamResponse> {
  const { signal } = request;
  if (signal.aborted) return Promise.reject(signal.reason);
  const module = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (module === undefined) return Promise.reject(new Error(`unsupported protocol "${url.protocol}"`));
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
  const attempt = (retry: boolean): Promise<UpstreamResponse> =>
    new Promise((resolve, reject) => {
      const req = module.request(url, {
        method: request.method,
        headers,
        agent: agents[url.protocol],
        signal,
      });
      let answered = false;
      req.once('error', (error: NodeJS.ErrnoException) => {
        if (retry && !answered && !signal.aborted && req.reusedSocket && STALE_SOCKET.has(error.code ?? '')) {
          resolve(attempt(false));
          return;
        }
        reject(signal.aborted ? signal.reason : error);
      });
      req.once('response', (res) => {
        answered = true;
        resolve(wrap(res, signal));
      });
      req.end(request.body);
    });
  return attempt(true);
}

function wrap(res: http.IncomingMessage, signal: AbortSignal): UpstreamResponse {
  const status = res.statusCode ?? 0;
  const read = (maxBytes: number): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onError = (error: unknown): void => reject(signal.aborted ? signal.reason : error);
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= maxBytes) {
          resolve(Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'));
          res.removeAllListeners('data');
          res.destroy();
        }
      });
      res.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.once('error', onError);
      // A body that ends before its announced length, or whose socket closes, is an error.
      res.once('aborted', () => onError(new Error('the connection closed before the answer ended')));
    });
  return {
    status,
    ok: status >= 200 && status < 300,
    text: () => read(Number.POSITIVE_INFINITY),
    head: (maxBytes) => read(maxBytes),
    stream: () => Readable.toWeb(res) as ReadableStream<Uint8Array>,
  };
}
