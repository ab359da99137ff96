// The providers' HTTP transport: undici requests over one keep-alive dispatcher. It does what a
// provider's client needs and no more: no redirects (fetch would turn a redirected POST into a GET),
// no compression, no cookies. undici's request API costs less CPU per upstream call than node:http
// (issue #14: the gateway's CPU per proxied request fell 22 % when it replaced node:http; see
// bench/README.md, session 8) and much less than the WHATWG fetch. Its own time-outs are off: each call's
// deadline is the target's (`timeout_seconds`, `stream_timeout_seconds`), passed as `signal`.
// Tests intercept it with msw through the socket-level interceptor (testkit's `setupUpstreamServer`).
import { Readable } from 'node:stream';
import { Agent, request as undiciRequest } from 'undici';

const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0 });

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

/** What a failed call rejects with: the abort's reason when it was aborted, else the error itself. */
function failure(error: unknown, signal: AbortSignal): unknown {
  return signal.aborted ? signal.reason : error;
}

/**
 * Whether a request failed on a kept-alive connection that the server closed while it sat idle:
 * the request never got an answer there, so it is sent again once, on a new connection (as Node's
 * docs advise for node:http). A connection the server closes before answering anything on it is
 * not retried: that server saw the request.
 */
function staleConnection(error: unknown): boolean {
  const { code, socket } = error as { code?: unknown; socket?: { bytesRead?: number } };
  if (code === 'UND_ERR_SOCKET') return (socket?.bytesRead ?? 0) > 0;
  // Writing into a connection the server already closed.
  return code === 'EPIPE';
}

/** Sends one request to an upstream; resolves when the response head arrived. */
export function sendUpstream(url: URL, request: UpstreamRequest): Promise<UpstreamResponse> {
  const { signal } = request;
  if (signal.aborted) return Promise.reject(signal.reason);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return Promise.reject(new Error(`unsupported protocol "${url.protocol}"`));
  const options = {
    method: request.method,
    headers: request.headers,
    body: request.body ?? null,
    signal,
    dispatcher,
  };
  const attempt = (retry: boolean): Promise<UpstreamResponse> =>
    undiciRequest(url, options).then(
      (response) => wrap(response, signal),
      (error: unknown) => {
        if (retry && !signal.aborted && staleConnection(error)) return attempt(false);
        throw failure(error, signal);
      },
    );
  return attempt(true);
}

type UndiciResponse = Awaited<ReturnType<typeof undiciRequest>>;

function wrap(response: UndiciResponse, signal: AbortSignal): UpstreamResponse {
  const status = response.statusCode;
  const { body } = response;
  // undici's body emits an 'error' when it is destroyed or aborted with no reader (a dropped body,
  // a call aborted between its head and its read): nobody is owed that error, and unheard it
  // would end the process. A reader still gets every error through its own listener.
  body.on('error', () => undefined);
  // A response that ends before its announced length, or whose connection closes, is an error.
  const head = async (maxBytes: number): Promise<string> => {
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= maxBytes) {
          body.destroy();
          return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
        }
      }
    } catch (error) {
      throw failure(error, signal);
    }
    return Buffer.concat(chunks).toString('utf8');
  };
  return {
    status,
    ok: status >= 200 && status < 300,
    text: () => body.text().catch((error: unknown) => Promise.reject(failure(error, signal))),
    head,
    stream: () => Readable.toWeb(body) as ReadableStream<Uint8Array>,
    // A short body is read and thrown away, so the connection stays open for the next call.
    discard: () => void body.dump().catch(() => undefined),
  };
}
