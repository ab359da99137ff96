import { PendingLine, readByteStream } from './byte-stream.js';

// Server-sent events as an OpenAI-compatible server streams them, parsed by the WHATWG HTML
// "Interpreting an event stream" rules (html.spec.whatwg.org/multipage/server-sent-events.html):
// lines end in CRLF, LF or CR (a CRLF may be cut between chunks); `:` starts a comment; a field's
// value loses one leading space; `data` lines join with LF; a blank line dispatches the event; an
// event without data is not dispatched; what follows the last blank line at the end is discarded.
// OpenAI ends a stream with `data: [DONE]`, which the decoder marks rather than parses.

/** Longest line, and longest event data, the decoder buffers before giving up (16 Mi UTF-16 units). */
const DEFAULT_MAX_LENGTH = 16 * 1024 * 1024;

/** How much of an offending line an error message quotes. */
const EXCERPT_LENGTH = 120;

/** The data of the event that ends an OpenAI stream. */
export const SSE_DONE_DATA = '[DONE]';

/** Set by SseDecoder's static block: the lazy push (chunk) or end (undefined). */
let drain: (decoder: SseDecoder, chunk: Uint8Array | undefined) => Generator<SseEvent, void, undefined>;

/** One dispatched event. */
export interface SseEvent {
  /** The `event:` field, `message` when the event named none. */
  readonly event: string;
  /** The `data:` lines, joined with `\n`. */
  readonly data: string;
  /** The last `id:` seen so far in the stream (ids carry over to later events), `''` when none. */
  readonly id: string;
  /** The last valid `retry:` seen so far, in milliseconds. */
  readonly retry: number | undefined;
  /** True for `data: [DONE]`, OpenAI's end of stream. */
  readonly done: boolean;
}

/** A line or an event longer than the decoder's limit. */
export class SseParseError extends Error {
  override readonly name = 'SseParseError';
  /** 1-based number of the offending line. */
  readonly lineNumber: number;
  /** The start of the offending line, at most 120 characters. */
  readonly excerpt: string;

  constructor(lineNumber: number, excerpt: string, detail: string) {
    super(`SSE line ${lineNumber} ${detail}: ${JSON.stringify(excerpt)}`);
    this.lineNumber = lineNumber;
    this.excerpt = excerpt;
  }
}

/** Settings of an {@link SseDecoder}. */
export interface SseDecoderOptions {
  /** Longest accepted line, in UTF-16 code units; a longer one throws {@link SseParseError}. */
  maxLineLength?: number;
  /** Longest accepted event data (its lines joined), in UTF-16 code units. */
  maxEventLength?: number;
  /**
   * Field names outside the spec whose lines are dispatched at once, each as an event of that name
   * with the line's value as its data. The spec ignores unknown fields; some servers put what
   * matters in one (llama.cpp's server ends a failed stream with an `error: {...}` line).
   */
  extraFields?: readonly string[];
}

/**
 * A push-style SSE decoder: feed it byte chunks as they arrive and it returns the events they
 * complete; call {@link SseDecoder.end} once the input is over. Chunks may be cut anywhere: inside
 * a UTF-8 character, a field name or a CRLF.
 *
 * @example
 * const decoder = new SseDecoder();
 * for (const chunk of chunks) for (const event of decoder.push(chunk)) handle(JSON.parse(event.data));
 * decoder.end();
 */
export class SseDecoder {
  // Strips a leading byte order mark, as the spec asks, and replaces invalid bytes with U+FFFD.
  readonly #text = new TextDecoder('utf-8');
  readonly #maxLineLength: number;
  readonly #maxEventLength: number;
  readonly #extraFields: ReadonlySet<string>;
  readonly #pending = new PendingLine();
  /** The last chunk ended in CR: an LF starting the next one belongs to it. */
  #afterCr = false;
  #lineNumber = 0;
  #ended = false;
  #data: string[] = [];
  #dataLength = 0;
  #event = '';
  #id = '';
  #retry: number | undefined;

  constructor(options: SseDecoderOptions = {}) {
    this.#maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LENGTH;
    this.#maxEventLength = options.maxEventLength ?? DEFAULT_MAX_LENGTH;
    this.#extraFields = new Set(options.extraFields ?? []);
  }

  /** Decodes a chunk of bytes and returns every event it completes, in order. */
  push(chunk: Uint8Array): SseEvent[] {
    return Array.from(this.#decode(chunk));
  }

  /**
   * Ends the input. Returns no event: one not yet ended by a blank line is discarded, as the spec
   * says, because a stream cut short must not pass its half-sent last event off as whole.
   */
  end(): SseEvent[] {
    return Array.from(this.#finish());
  }

  // Lazy forms of push() and end(), for decodeSse: events before an error are yielded ahead of it.
  static {
    drain = (decoder, chunk) => (chunk === undefined ? decoder.#finish() : decoder.#decode(chunk));
  }

  *#decode(chunk: Uint8Array): Generator<SseEvent, void, undefined> {
    if (this.#ended) throw new Error('SseDecoder.push() called after end()');
    yield* this.#take(this.#text.decode(chunk, { stream: true }));
  }

  *#finish(): Generator<SseEvent, void, undefined> {
    if (this.#ended) return;
    this.#ended = true;
    yield* this.#take(this.#text.decode());
    // An unterminated last line still counts as a line; an event it belongs to is not dispatched.
    if (this.#pending.length > 0) this.#line(this.#pending.take(''));
  }

  *#take(text: string): Generator<SseEvent, void, undefined> {
    let start = 0;
    if (this.#afterCr && text.length > 0) {
      this.#afterCr = false;
      if (text.charCodeAt(0) === 10) start = 1;
    }
    const lineEnd = /\r\n|\r|\n/g;
    lineEnd.lastIndex = start;
    for (let match = lineEnd.exec(text); match !== null; match = lineEnd.exec(text)) {
      // A CR at the very end may be the first half of a CRLF.
      if (match[0] === '\r' && match.index === text.length - 1) this.#afterCr = true;
      const event = this.#line(this.#pending.take(text.slice(start, match.index)));
      if (event !== undefined) yield event;
      start = lineEnd.lastIndex;
    }
    if (start < text.length) {
      const rest = text.slice(start);
      this.#pending.add(rest);
      if (this.#pending.length > this.#maxLineLength) {
        throw new SseParseError(
          this.#lineNumber + 1,
          this.#pending.head.slice(0, EXCERPT_LENGTH),
          `is longer than ${this.#maxLineLength} characters`,
        );
      }
    }
  }

  /** Interprets one line; returns the event a blank line dispatches. */
  #line(line: string): SseEvent | undefined {
    this.#lineNumber += 1;
    if (line.length > this.#maxLineLength) {
      throw new SseParseError(
        this.#lineNumber,
        line.slice(0, EXCERPT_LENGTH),
        `is longer than ${this.#maxLineLength} characters`,
      );
    }
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#event = value;
        break;
      case 'data':
        this.#dataLength += value.length + 1;
        if (this.#dataLength - 1 > this.#maxEventLength) {
          throw new SseParseError(
            this.#lineNumber,
            line.slice(0, EXCERPT_LENGTH),
            `makes the event's data longer than ${this.#maxEventLength} characters`,
          );
        }
        this.#data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.#id = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) this.#retry = Number(value);
        break;
      default:
        if (this.#extraFields.has(field)) {
          return { event: field, data: value, id: this.#id, retry: this.#retry, done: false };
        }
      // Other fields are ignored.
    }
    return undefined;
  }

  #dispatch(): SseEvent | undefined {
    const event = this.#event;
    this.#event = '';
    if (this.#data.length === 0) return undefined;
    const data = this.#data.join('\n');
    this.#data = [];
    this.#dataLength = 0;
    return {
      event: event === '' ? 'message' : event,
      data,
      id: this.#id,
      retry: this.#retry,
      done: data === SSE_DONE_DATA,
    };
  }
}

/** Settings of {@link decodeSse}. */
export interface DecodeSseOptions extends SseDecoderOptions {
  /** Stops reading when aborted, even while a read is pending; the iterator throws the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Reads a byte stream (a fetch body) as server-sent events. Reading is pulled by the consumer
 * (backpressure); stopping early, an error or an abort cancels the stream. After the `[DONE]` event
 * (yielded, `done: true`) nothing more is read and the stream is released, so a stream that ends
 * without one was cut short. Events before an {@link SseParseError} are yielded ahead of it.
 */
export async function* decodeSse(
  stream: ReadableStream<Uint8Array>,
  options: DecodeSseOptions = {},
): AsyncGenerator<SseEvent, void, undefined> {
  const decoder = new SseDecoder(options);
  for await (const chunk of readByteStream(stream, options.signal)) {
    for (const event of drain(decoder, chunk)) {
      yield event;
      if (event.done) return;
    }
  }
  yield* drain(decoder, undefined);
}
