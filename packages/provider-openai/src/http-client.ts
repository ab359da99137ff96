import {
  decodeSse,
  GatewayError,
  networkReason,
  SseParseError,
  sendUpstream,
  startUpstreamCall,
  UpstreamBase,
  type UpstreamCall,
  type UpstreamResponse,
  untilAborted,
} from '@keeptrusts/core';
import { messageOf, statusError, type UpstreamPlace, upstreamMessage } from './upstream-error.js';

// The HTTP side of the provider: one request per call (core's `sendUpstream`), bounded by a deadline, tied to
// the client's signal, every failure turned into a GatewayError that names the server (never a
// credential) and keeps the server's own message.

/** Settings of an {@link OpenAIHttpClient}, taken from the target. */
export interface OpenAIHttpClientOptions {
  /** The API root, such as `http://localhost:8000/v1`; request paths are relative to it. */
  baseUrl: string;
  /** How messages name the server: `vLLM`. */
  label: string;
  /** Bounds a whole non-streaming call, body included (`timeout_seconds`). */
  timeoutSeconds: number;
  /** Bounds a whole stream, from the request to `[DONE]` (`stream_timeout_seconds`). */
  streamTimeoutSeconds: number;
  /** The bearer token, read per call so a rotated secret applies without a restart. */
  token: () => string | undefined;
  /** The variable `token` reads, named when the server refuses the gateway. */
  secretKeyEnv: string | undefined;
}

const MAX_ERROR_BODY = 64 * 1024;
type Limit = 'timeout_seconds' | 'stream_timeout_seconds';

/** Talks HTTP to one OpenAI-compatible server. */
export class OpenAIHttpClient {
  readonly #base: UpstreamBase;
  readonly #options: OpenAIHttpClientOptions;
  readonly #place: UpstreamPlace;

  constructor(options: OpenAIHttpClientOptions) {
    this.#options = options;
    this.#base = new UpstreamBase(options.baseUrl);
    this.#place = { name: `${options.label} at ${this.#base.shown}`, secretKeyEnv: options.secretKeyEnv };
  }

  /** How messages name the server: `vLLM at http://gpu-1:8000/v1`. */
  get place(): string {
    return this.#place.name;
  }

  /** POSTs a JSON body and returns the parsed JSON answer; `timeout_seconds` bounds the whole call. */
  async postJson(path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return this.#json('POST', path, body, signal);
  }

  /** GETs a JSON answer; `timeout_seconds` bounds the call. */
  async getJson(path: string, signal: AbortSignal): Promise<unknown> {
    return this.#json('GET', path, undefined, signal);
  }

  /**
   * POSTs a JSON body and resolves once the server answered with a success status, so an HTTP error
   * is still a plain GatewayError; then yields each event's parsed data until `[DONE]`. An event
   * that carries an error, a malformed event and a stream that ends without `[DONE]` throw 502s.
   * `stream_timeout_seconds` bounds the whole stream. Stopping early cancels the body.
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
    return this.#events(response, path, call, signal);
  }

  async #json(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const call = startUpstreamCall(signal, this.#options.timeoutSeconds);
    try {
      const response = await this.#send(method, path, body, call, signal, 'timeout_seconds');
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
          `${this.#place.name} answered /${path} with something that is not JSON`,
          {
            cause: error,
          },
        );
      }
      const failed = messageOf(value);
      if (failed !== undefined) throw new GatewayError('upstream_error', failed);
      return value;
    } finally {
      call.dispose();
    }
  }

  async *#events(
    response: UpstreamResponse,
    path: string,
    call: UpstreamCall,
    signal: AbortSignal,
  ): AsyncGenerator<unknown, void, undefined> {
    try {
      // decodeSse cancels the body when the stream stops early, fails or is aborted.
      // llama.cpp's server ends a failed stream with an `error: {...}` line rather than a data event.
      const events = decodeSse(response.stream(), { signal: call.signal, extraFields: ['error'] });
      for await (const event of events) {
        if (event.done) return;
        let value: unknown;
        try {
          value = JSON.parse(event.data);
        } catch (error) {
          throw new GatewayError(
            'upstream_error',
            `${this.#place.name} sent a malformed stream on /${path}: an event that is not JSON (${JSON.stringify(event.data.slice(0, 80))})`,
            { cause: error },
          );
        }
        const failed = messageOf(event.event === 'error' ? { error: value } : value);
        if (failed !== undefined) throw new GatewayError('upstream_error', failed);
        yield value;
      }
      throw new GatewayError(
        'upstream_error',
        `${this.#place.name} closed the stream before it finished (no [DONE])`,
      );
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
    limit: Limit,
  ): Promise<UpstreamResponse> {
    // Serialised before the request: a body that cannot be is the gateway's bug, never a sign that
    // the server is unreachable (which would take the target out of rotation).
    const text = body === undefined ? undefined : JSON.stringify(body);
    let response: UpstreamResponse;
    try {
      response = await sendUpstream(this.#base.url(path), {
        method,
        headers: this.#headers(text !== undefined),
        ...(text === undefined ? {} : { body: text }),
        signal: call.signal,
      });
    } catch (error) {
      throw this.#failure(error, call, signal, limit);
    }
    if (response.ok) return response;
    let answer: string;
    try {
      answer = await untilAborted(response.head(MAX_ERROR_BODY), call.signal);
    } catch (error) {
      throw this.#failure(error, call, signal, limit);
    }
    throw statusError(response.status, path, upstreamMessage(answer), this.#place);
  }

  #headers(json: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      accept: json ? 'application/json, text/event-stream' : 'application/json',
    };
    if (json) headers['content-type'] = 'application/json';
    const token = this.#options.token();
    if (token !== undefined && token !== '') headers.authorization = `Bearer ${token}`;
    else if (this.#base.basic !== undefined) headers.authorization = `Basic ${this.#base.basic}`;
    return headers;
  }

  /** What a failed request or read becomes: a timeout, the client's own abort, or a 502. */
  #failure(
    error: unknown,
    call: UpstreamCall,
    client: AbortSignal,
    limit: Limit,
    during: 'request' | 'answer' | 'stream' = 'request',
  ): unknown {
    if (call.timedOut) {
      const seconds =
        limit === 'timeout_seconds' ? this.#options.timeoutSeconds : this.#options.streamTimeoutSeconds;
      return new GatewayError(
        'upstream_timeout',
        during === 'stream'
          ? `${this.#place.name} did not finish the stream within ${seconds} s (${limit})`
          : `${this.#place.name} did not answer within ${seconds} s (${limit})`,
        { cause: error },
      );
    }
    // The client went away: nobody is left to answer, so the caller gets its own reason back.
    if (client.aborted) return client.reason;
    if (error instanceof GatewayError) return error;
    if (error instanceof SseParseError) {
      return new GatewayError(
        'upstream_error',
        `${this.#place.name} sent a malformed stream: ${error.message}`,
        {
          cause: error,
        },
      );
    }
    return new GatewayError(
      'upstream_error',
      during === 'request'
        ? `could not reach ${this.#place.name}: ${networkReason(error)}`
        : `the connection to ${this.#place.name} broke mid-${during}: ${networkReason(error)}`,
      { cause: error, unreachable: during === 'request' },
    );
  }
}
