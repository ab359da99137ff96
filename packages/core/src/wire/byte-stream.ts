/**
 * Reads a byte stream (a fetch body) chunk by chunk for the stream decoders. Reading is pulled by
 * the consumer (backpressure). Stopping early, an error in the consumer's loop or an abort cancels
 * the stream, releasing the connection; an abort also ends a read that is still pending, throwing
 * the signal's reason (a fetch body usually fails by itself on abort; this covers bodies that do
 * not, and reports the abort's reason rather than the body's).
 */
export async function* readByteStream(
  stream: ReadableStream<Uint8Array>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array, void, undefined> {
  signal?.throwIfAborted();
  const reader = stream.getReader();
  let onAbort: (() => void) | undefined;
  const aborted =
    signal === undefined
      ? undefined
      : new Promise<never>((_, reject) => {
          onAbort = () => reject(signal.reason);
          signal.addEventListener('abort', onAbort, { once: true });
        });
  // Only ever awaited through Promise.race; this keeps an unraced abort from being "unhandled".
  aborted?.catch(() => undefined);
  let finished = false;
  try {
    for (;;) {
      // Checked first: a read that is already settled would win the race below.
      signal?.throwIfAborted();
      const { done, value } = await (aborted === undefined
        ? reader.read()
        : Promise.race([reader.read(), aborted]));
      if (done) break;
      yield value;
    }
    finished = true;
  } finally {
    if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    if (!finished) {
      // A rejected cancel only means the stream had already failed; the original error wins.
      await reader.cancel(signal?.reason).catch(() => undefined);
    }
    reader.releaseLock();
  }
}

/**
 * The pieces of a line whose end has not arrived yet, joined once, when it does: chunks split
 * lines anywhere, and joining per chunk would copy a long line over and over.
 */
export class PendingLine {
  #parts: string[] = [];
  /** Characters held so far, for the decoders' line-length caps. */
  length = 0;

  add(piece: string): void {
    this.#parts.push(piece);
    this.length += piece.length;
  }

  /** The first piece held, for an excerpt in an error message. */
  get head(): string {
    return this.#parts[0] ?? '';
  }

  /** The whole line, ending with `last`; empties the buffer. */
  take(last: string): string {
    if (this.#parts.length === 0) return last;
    this.#parts.push(last);
    const line = this.#parts.join('');
    this.#parts = [];
    this.length = 0;
    return line;
  }
}
