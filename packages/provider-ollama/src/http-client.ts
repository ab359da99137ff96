import {
  decodeNdjson,
  GatewayError,
  NdjsonParseError,
  networkReason,
  sendUpstream,
  startUpstreamCall,
  UpstreamBase,
  type UpstreamCall,
  type UpstreamResponse,
  untilAborted,
} from '@keeptrusts/core';

// The HTTP side of the provider: one request per call (core's `sendUpstream`), bounded by a deadline, tied
// to the client's signal, with every failure turned into a GatewayError that names Ollama's base
// URL (never a credential) and keeps Ollama's own message.

/** Settings of an {@link OllamaHttpClient}, taken from the target. */
export interface OllamaHttpClientOptions {
  /** The target's `base_url`; a path prefix (a proxy's `/ollama`) is kept. */
  baseUrl: string;
  /** Bounds a whole non-streaming call, body included (`timeout_seconds`). */
  timeoutSeconds: number;
  /** Bounds a whole stream, from the request to the last line (`stream_timeout_seconds`). */
  streamTimeoutSeconds: number;
  /** The bearer token, read per call so a rotated secret applies without a restart. */
  token: () => string | undefined;
}

/** Error bodies are short; anything longer is cut before it is read into memory. */
const MAX_ERROR_BODY = 64 * 1024;
const MAX_MESSAGE = 500;
/** The `error` text of an Ollama error body (`{"error": "..."}`), or the body itself. */
function ollamaMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    const body: unknown = JSON.parse(trimmed);
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const error = (body as { error: unknown }).error;
      if (typeof error === 'string') return error;
      if (
        typeof error === 'object' &&
        error !== null &&
        typeof (error as { message?: unknown }).message === 'string'
      ) {
        return (error as { message: string }).message;
      }
    }
  } catch {
    // Not JSON: a proxy's or gin's plain-text page; quote it.
  }
  return trimmed.length > MAX_MESSAGE ? `${trimmed.slice(0, MAX_MESSAGE)}…` : trimmed;
}

/** A GatewayError for an Ollama value that says it failed: `{"error": "..."}`. */
function errorLine(value: unknown): GatewayError | undefined {
  if (typeof value !== 'object' || value === null || !('error' in value)) return undefined;
  const error = (value as { error: unknown }).error;
  if (error === undefined || error === null) return undefined;
  return new GatewayError('upstream_error', typeof error === 'string' ? error : JSON.stringify(error));
}

/** Talks HTTP to one Ollama server. */
export class OllamaHttpClient {
  readonly #base: UpstreamBase;
  readonly #display: string;
  readonly #options: OllamaHttpClientOptions;

  constructor(options: OllamaHttpClientOptions) {
    this.#options = options;
    this.#base = new UpstreamBase(options.baseUrl);
    this.#display = this.#base.shown;
  }

  /** POSTs a JSON body and returns the parsed JSON answer; `timeout_seconds` bounds the whole call. */
  async postJson(path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const call = startUpstreamCall(signal, this.#options.timeoutSeconds);
    try {
      const response = await this.#send('POST', path, body, call, signal, 'timeout_seconds');
      let text: string;
      try {
        text = await untilAborted(response.text(), call.signal);
      } catch (error) {
        throw this.#failure(error, call, signal, 'timeout_seconds', 'answer');
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new GatewayError(
          'upstream_error',
          `Ollama at ${this.#display} sent ${path} an answer that is not JSON`,
          {
            cause: error,
          },
        );
      }
      const failed = errorLine(value);
      if (failed !== undefined) throw failed;
      return value;
    } finally {
      call.dispose();
    }
  }

  /**
   * POSTs a JSON body and resolves once Ollama answered with a success status, so an HTTP error
   * is still a plain GatewayError; then yields the NDJSON lines as they come. A line with `error`
   * throws a 502 carrying Ollama's message. `stream_timeout_seconds` bounds the whole stream.
   * Stopping early cancels the body.
   */
  async postStream(
    path: string,
    body: unknown,
    signal: AbortSignal,
  ): Promise<AsyncGenerator<unknown, void, undefined>> {
    const call = startUpstreamCall(signal, this.#options.streamTimeoutSeconds);
    let response: UpstreamResponse;
    try {
      response = await this.#send('POST', path, body, call, signal, 'stream_timeout_seconds');
    } catch (error) {
      call.dispose();
      throw error;
    }
    return this.#lines(response.stream(), call, signal);
  }

  /** GETs a JSON answer; `timeout_seconds` bounds the call. */
  async getJson(path: string, signal: AbortSignal): Promise<unknown> {
    const call = startUpstreamCall(signal, this.#options.timeoutSeconds);
    try {
      const response = await this.#send('GET', path, undefined, call, signal, 'timeout_seconds');
      let text: string;
      try {
        text = await untilAborted(response.text(), call.signal);
      } catch (error) {
        throw this.#failure(error, call, signal, 'timeout_seconds', 'answer');
      }
      try {
        return JSON.parse(text);
      } catch (error) {
        throw new GatewayError(
          'upstream_error',
          `Ollama at ${this.#display} sent ${path} an answer that is not JSON`,
          {
            cause: error,
          },
        );
      }
    } finally {
      call.dispose();
    }
  }

  /** True when `GET /` answers 200 within `timeout_seconds`; false on any failure. */
  async probe(signal: AbortSignal): Promise<boolean> {
    const call = startUpstreamCall(signal, this.#options.timeoutSeconds);
    try {
      const response = await sendUpstream(this.#base.url(''), {
        method: 'GET',
        headers: this.#headers(false),
        signal: call.signal,
      });
      response.discard();
      return response.status === 200;
    } catch {
      return false;
    } finally {
      call.dispose();
    }
  }

  async *#lines(
    body: ReadableStream<Uint8Array>,
    call: UpstreamCall,
    signal: AbortSignal,
  ): AsyncGenerator<unknown, void, undefined> {
    try {
      for await (const value of decodeNdjson(body, { signal: call.signal })) {
        const failed = errorLine(value);
        if (failed !== undefined) throw failed;
        yield value;
      }
    } catch (error) {
      throw this.#failure(error, call, signal, 'stream_timeout_seconds', 'stream');
    } finally {
      call.dispose();
    }
  }

  async #send(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    call: UpstreamCall,
    signal: AbortSignal,
    limit: 'timeout_seconds' | 'stream_timeout_seconds',
  ): Promise<UpstreamResponse> {
    // Built before the request: a body that cannot be serialised is the gateway's problem, never
    // a sign that Ollama is unreachable (which would take the target out of rotation).
    const text = body === undefined ? undefined : JSON.stringify(body);
    let response: UpstreamResponse;
    try {
      response = await sendUpstream(this.#base.url(path), {
        method,
        headers: this.#headers(body !== undefined),
        ...(text === undefined ? {} : { body: text }),
        signal: call.signal,
      });
    } catch (error) {
      throw this.#failure(error, call, signal, limit);
    }
    if (response.ok) return response;
    let answer: string;
    try {
      // Error bodies are short; anything longer is cut before it is read into memory.
      answer = await untilAborted(response.head(MAX_ERROR_BODY), call.signal);
    } catch (error) {
      throw this.#failure(error, call, signal, limit);
    }
    throw this.#statusError(response.status, path, ollamaMessage(answer));
  }

  #headers(json: boolean): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json, application/x-ndjson' };
    if (json) headers['content-type'] = 'application/json';
    const token = this.#options.token();
    if (token !== undefined && token !== '') headers.authorization = `Bearer ${token}`;
    else if (this.#base.basic !== undefined) headers.authorization = `Basic ${this.#base.basic}`;
    return headers;
  }

  /** Maps an Ollama (or proxy) error status to what the client sees, keeping Ollama's message. */
  #statusError(status: number, path: string, message: string | undefined): GatewayError {
    const cause = new Error(`HTTP ${status} from ${this.#display}/${path.replace(/^\//, '')}`);
    if (status === 400) {
      return new GatewayError(
        'invalid_request_error',
        message ?? `Ollama at ${this.#display} refused the request (HTTP 400)`,
        {
          cause,
        },
      );
    }
    if (status === 404 && message !== undefined && /model .* not found/i.test(message)) {
      // The gateway already resolved the model to this target; Ollama lacking it is the
      // deployment's problem, not the client's, so it is a 502 that names the fix.
      return new GatewayError(
        'upstream_error',
        `${message} (the target's model is not pulled on Ollama at ${this.#display}; run "ollama pull" there)`,
        { cause },
      );
    }
    if (status === 404) {
      return new GatewayError(
        'upstream_error',
        `Ollama at ${this.#display} has no ${path} (HTTP 404${message === undefined ? '' : `: ${message}`}); check that base_url is the Ollama server's root`,
        { cause },
      );
    }
    if (status === 401 || status === 403) {
      return new GatewayError(
        'upstream_error',
        `Ollama at ${this.#display} refused the gateway with HTTP ${status}${message === undefined ? '' : `: ${message}`}; check the target's secret_key_ref and the proxy in front of Ollama`,
        { cause },
      );
    }
    if (status === 504) {
      return new GatewayError(
        'upstream_timeout',
        message ?? `a proxy in front of Ollama at ${this.#display} timed out (HTTP 504)`,
        {
          cause,
        },
      );
    }
    return new GatewayError(
      'upstream_error',
      message ?? `Ollama at ${this.#display} failed with HTTP ${status}`,
      { cause },
    );
  }

  /** What a failed request or read becomes: a timeout, the client's own abort, or a 502. */
  #failure(
    error: unknown,
    call: UpstreamCall,
    client: AbortSignal,
    limit: 'timeout_seconds' | 'stream_timeout_seconds',
    during: 'request' | 'answer' | 'stream' = 'request',
  ): unknown {
    if (error instanceof GatewayError) return error;
    if (call.timedOut) {
      const seconds =
        limit === 'timeout_seconds' ? this.#options.timeoutSeconds : this.#options.streamTimeoutSeconds;
      return new GatewayError(
        'upstream_timeout',
        during === 'stream'
          ? `Ollama at ${this.#display} did not finish the stream within ${seconds} s (${limit})`
          : `Ollama at ${this.#display} did not answer within ${seconds} s (${limit})`,
        { cause: error },
      );
    }
    // The client went away: there is no one to answer, so the caller gets its own reason back.
    if (client.aborted) return client.reason;
    if (error instanceof NdjsonParseError) {
      return new GatewayError(
        'upstream_error',
        `Ollama at ${this.#display} sent a malformed stream: ${error.message}`,
        {
          cause: error,
        },
      );
    }
    return new GatewayError(
      'upstream_error',
      during === 'request'
        ? `could not reach Ollama at ${this.#display}: ${networkReason(error)}`
        : `the connection to Ollama at ${this.#display} broke mid-${during}: ${networkReason(error)}`,
      { cause: error, unreachable: during === 'request' },
    );
  }
}
