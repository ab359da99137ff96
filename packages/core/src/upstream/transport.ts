// The providers' HTTP transport: node:http(s) requests over keep-alive agents. It does what a
// provider's client needs and no more: no redirects (fetch would turn a redirected POST into a GET),
// no compression, no cookies. That costs less CPU per upstream call than the WHATWG fetch (about
// 200 µs less in a loopback micro-benchmark; about 10 % more gateway requests/s in
// `pnpm --filter @keeptrusts/bench overhead`), and undici's fetch under msw hit an internal
// assertion when a stalled stream was aborted. msw intercepts node:http too, so a provider's HTTP
// layer stays unit-testable without a server.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { urlToHttpOptions } from 'node:url';

const agents: Readonly<Record<string, http.Agent>> = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/** What a provider sends upstream. */
export interface UpstreamRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Aborting it destroys the request, or the response if it already started. */
  readonly signal: AbortSignal;
}

/** An upstream answer whose status and headers arrived; the body is read once, one way. */
export interface UpstreamResponse {
  readonly status: number;
  readonly ok: boolean;
  /** The whole body, decoded as UTF-8. */
  text(): Promise<string>;
  /** At most `maxBytes` of the body, decoded as UTF-8; the rest is dropped with the connection. */
  head(maxBytes: number): Promise<string>;
  /** The body as a web stream; cancelling it releases the connection. */
  stream(): ReadableStream<Uint8Array>;
  /** Drops the body unread. */
  discard(): void;
}

function fail(reject: (error: unknown) => void, signal: AbortSignal) {
  return (error: unknown): void => reject(signal.aborted ? signal.reason : error);
}

/**
 * Errors of a kept-alive socket that the server closed while it sat idle: the request never
 * reached the server, so it is sent again once, on a new connection (as Node's docs advise).
 */
const STALE_SOCKET = new Set(['ECONNRESET', 'EPIPE']);

/** Where a URL points, as node:http takes it; kept per URL so a repeated call parses nothing. */
const targets = new WeakMap<URL, http.RequestOptions>();

function targetOf(url: URL): http.RequestOptions {
  let target = targets.get(url);
  if (target === undefined) {
    target = { ...urlToHttpOptions(url), agent: agents[url.protocol] };
    targets.set(url, target);
  }
  return target;
}

/** Sends one request to an upstream; resolves when the response head arrived. */
export function sendUpstream(url: URL, request: UpstreamRequest): Promise<UpstreamResponse> {
  const { signal } = request;
  if (signal.aborted) return Promise.reject(signal.reason);
  const module = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (module === undefined) return Promise.reject(new Error(`unsupported protocol "${url.protocol}"`));
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
  const options: http.RequestOptions = { ...targetOf(url), method: request.method, headers, signal };
  const attempt = (retry: boolean): Promise<UpstreamResponse> =>
    new Promise((resolve, reject) => {
      const req = module.request(options);
      let answered = false;
      req.once('error', (error: NodeJS.ErrnoException) => {
        if (retry && !answered && !signal.aborted && req.reusedSocket && STALE_SOCKET.has(error.code ?? '')) {
          resolve(attempt(false));
          return;
        }
        fail(reject, signal)(error);
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
  // A response that ends before its announced length, or whose socket closes, is an error.
  const read = (maxBytes: number): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onError = fail(reject, signal);
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= maxBytes) {
          // Settle before letting the rest go: destroying emits 'aborted' at once.
          resolve(Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'));
          res.removeAllListeners('data');
          res.destroy();
        }
      });
      res.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.once('error', onError);
      res.once('aborted', () => onError(new Error('the connection closed before the answer ended')));
    });
  return {
    status,
    ok: status >= 200 && status < 300,
    text: () => read(Number.POSITIVE_INFINITY),
    head: (maxBytes) => read(maxBytes),
    stream: () => Readable.toWeb(res) as ReadableStream<Uint8Array>,
    discard: () => res.destroy(),
  };
}
