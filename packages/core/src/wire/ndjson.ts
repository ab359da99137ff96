import { PendingLine, readByteStream } from './byte-stream.js';

// Newline-delimited JSON, as Ollama streams it: one JSON value per `\n`-terminated line. Lines
// are split by the network anywhere, including inside a multi-byte UTF-8 character, so bytes
// go through one streaming TextDecoder and text is cut on newlines only.

/** Longest line the decoder buffers before giving up, in UTF-16 code units (16 Mi). */
const DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;

/** How much of a bad line an error message quotes. */
const EXCERPT_LENGTH = 120;

/** Set by NdjsonDecoder's static block: the lazy push (chunk) or end (undefined). */
let drain: (decoder: NdjsonDecoder, chunk: Uint8Array | undefined) => Generator<unknown, void, undefined>;

/** A line of an NDJSON stream that is not one JSON value, or a line longer than the limit. */
export class NdjsonParseError extends Error {
  override readonly name = 'NdjsonParseError';
  /** 1-based number of the offending line, blank lines counted. */
  readonly lineNumber: number;
  /** The start of the offending line, at most 120 characters. */
  readonly excerpt: string;

  constructor(lineNumber: number, excerpt: string, detail: string, options?: { cause?: unknown }) {
    super(`NDJSON line ${lineNumber} ${detail}: ${JSON.stringify(excerpt)}`, options);
    this.lineNumber = lineNumber;
    this.excerpt = excerpt;
  }
}

/** Settings of an {@link NdjsonDecoder}. */
export interface NdjsonDecoderOptions {
  /** Longest accepted line in UTF-16 code units; a longer one throws {@link NdjsonParseError}. */
  maxLineLength?: number;
}

/**
 * A push-style NDJSON decoder: feed it byte chunks as they arrive and it returns the values of
 * the lines they complete; call {@link NdjsonDecoder.end} once the input is over. Each line is
 * parsed once, CRLF endings and blank lines are tolerated, and a final line without a newline
 * is still decoded at the end.
 *
 * @example
 * const decoder = new NdjsonDecoder();
 * for (const chunk of chunks) for (const value of decoder.push(chunk)) handle(value);
 * for (const value of decoder.end()) handle(value);
 */
export class NdjsonDecoder {
  readonly #text = new TextDecoder('utf-8');
  readonly #maxLineLength: number;
  /** Pieces of the current, unfinished line; joined once, when its newline arrives. */
  readonly #pending = new PendingLine();
  #lineNumber = 0;
  #ended = false;

  constructor(options: NdjsonDecoderOptions = {}) {
    this.#maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  }

  /** Decodes a chunk of bytes and returns the values of every line it completes, in order. */
  push(chunk: Uint8Array): unknown[] {
    return Array.from(this.#decode(chunk));
  }

  /** Ends the input: flushes a trailing partial character and decodes an unterminated last line. */
  end(): unknown[] {
    return Array.from(this.#finish());
  }

  // Lazy forms of push() and end(): decodeNdjson yields the values before a malformed line
  // ahead of its error. The generators must be drained, which only decodeNdjson calls them for.
  static {
    drain = (decoder, chunk) => (chunk === undefined ? decoder.#finish() : decoder.#decode(chunk));
  }

  *#decode(chunk: Uint8Array): Generator<unknown, void, undefined> {
    if (this.#ended) throw new Error('NdjsonDecoder.push() called after end()');
    yield* this.#take(this.#text.decode(chunk, { stream: true }));
  }

  *#finish(): Generator<unknown, void, undefined> {
    if (this.#ended) return;
    this.#ended = true;
    yield* this.#take(this.#text.decode());
    if (this.#pending.length > 0) yield* this.#line(this.#pending.take(''));
  }

  *#take(text: string): Generator<unknown, void, undefined> {
    const lines: string[] = [];
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      lines.push(this.#pending.take(text.slice(start, newline)));
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    if (start < text.length) {
      const rest = text.slice(start);
      this.#pending.add(rest);
    }
    for (const line of lines) yield* this.#line(line);
    if (this.#pending.length > this.#maxLineLength) {
      throw new NdjsonParseError(
        this.#lineNumber + 1,
        this.#pending.head.slice(0, EXCERPT_LENGTH),
        `is longer than ${this.#maxLineLength} characters`,
      );
    }
  }

  *#line(raw: string): Generator<unknown, void, undefined> {
    this.#lineNumber += 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    if (line.length > this.#maxLineLength) {
      throw new NdjsonParseError(
        this.#lineNumber,
        line.slice(0, EXCERPT_LENGTH),
        `is longer than ${this.#maxLineLength} characters`,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new NdjsonParseError(this.#lineNumber, line.slice(0, EXCERPT_LENGTH), 'is not valid JSON', {
        cause: error,
      });
    }
    yield value;
  }
}

/** Settings of {@link decodeNdjson}. */
export interface DecodeNdjsonOptions extends NdjsonDecoderOptions {
  /**
   * Stops reading when aborted, even while a read is pending: the stream is cancelled and the
   * iterator throws the signal's reason. (A fetch body usually fails by itself on abort; this
   * also covers bodies that do not, and reports the abort's reason rather than the body's.)
   */
  signal?: AbortSignal;
}

/**
 * Reads a byte stream (a fetch body) as NDJSON and yields one value per line. Reading is pulled
 * by the consumer, so a slow consumer slows the upstream (backpressure); stopping early, a parse
 * error or an abort cancels the stream, releasing the connection. Values before a malformed
 * line are yielded before its {@link NdjsonParseError}.
 */
export async function* decodeNdjson(
  stream: ReadableStream<Uint8Array>,
  options: DecodeNdjsonOptions = {},
): AsyncGenerator<unknown, void, undefined> {
  const decoder = new NdjsonDecoder(options);
  for await (const chunk of readByteStream(stream, options.signal)) yield* drain(decoder, chunk);
  yield* drain(decoder, undefined);
}
