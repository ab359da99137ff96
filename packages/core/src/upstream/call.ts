// What a provider's HTTP client needs around each upstream call: a deadline tied to the client's
// signal, a read that gives up when either aborts, the system error behind a failed request, and the
// target's `base_url`.

/** A call's deadline and its link to the client's signal. */
export interface UpstreamCall {
  /** Aborts when the client goes away or the deadline passes. */
  readonly signal: AbortSignal;
  /** Whether the deadline, not the client, ended the call. */
  readonly timedOut: boolean;
  /** Clears the timer and the link to the client's signal; call it once the call is over. */
  dispose(): void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Starts a call bounded by `seconds` and by the client's signal. */
export function startUpstreamCall(client: AbortSignal, seconds: number): UpstreamCall {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort(client.reason);
  if (client.aborted) onAbort();
  else client.addEventListener('abort', onAbort, { once: true });
  // setTimeout fires at once for delays past 2^31-1 ms (~24.8 days); cap rather than misfire.
  const timer = setTimeout(
    () => {
      timedOut = true;
      controller.abort(new DOMException(`no answer within ${seconds} s`, 'TimeoutError'));
    },
    Math.min(seconds * 1000, MAX_TIMER_MS),
  );
  // An abandoned stream must not keep the process alive; the abort still fires while it runs.
  timer.unref();
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      client.removeEventListener('abort', onAbort);
    },
  };
}

/** Rejects with the signal's reason as soon as it aborts, whatever the body implementation does. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The system error code (ECONNREFUSED, ENOTFOUND…) behind a failed request, or its message. */
export function networkReason(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    // undici's name for a connection the server closed (FIN) before the answer ended.
    if (code === 'UND_ERR_SOCKET' && current.message === 'other side closed') return 'closed by the server';
    const inner: unknown = (current as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner[0] instanceof Error) {
      current = inner[0];
      continue;
    }
    if (current.cause === undefined) return current.message;
    current = current.cause;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * A target's `base_url` as a provider's client uses it: `http://user:pass@host` becomes a Basic
 * auth header and the URL keeps no credentials, query or fragment. An invalid URL is kept as
 * written and fails at the first {@link UpstreamBase.url}, inside the call's error handling.
 */
export class UpstreamBase {
  /** What messages may show: no credentials, query, fragment or trailing `/`. */
  readonly shown: string;
  /** `user:password` from the URL, base64-encoded for a Basic `Authorization` header. */
  readonly basic: string | undefined;
  /** What request paths resolve against, ending in `/`. */
  readonly #base: string;
  /** Resolved URLs per API path: a client calls the same three or four paths over and over. */
  readonly #urls = new Map<string, URL>();

  constructor(baseUrl: string) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      this.shown = '(invalid base_url)';
      this.basic = undefined;
      this.#base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
      return;
    }
    if (url.username !== '' || url.password !== '') {
      this.basic = Buffer.from(
        `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`,
      ).toString('base64');
      url.username = '';
      url.password = '';
    }
    url.search = '';
    url.hash = '';
    this.shown = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
    this.#base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  }

  /** The URL of an API path below the base (`api/chat`, `/v1/models`); kept, so a repeat parses nothing. */
  url(path: string): URL {
    let url = this.#urls.get(path);
    if (url === undefined) {
      url = new URL(path.replace(/^\//, ''), this.#base);
      this.#urls.set(path, url);
    }
    return url;
  }
}
