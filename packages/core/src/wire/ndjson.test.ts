import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeNdjson, NdjsonDecoder, NdjsonParseError } from './ndjson.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Splits `data` at the given offsets (any order, duplicates allowed). */
function splitAt(data: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.map((o) => o % (data.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of cuts) {
    chunks.push(data.subarray(start, cut));
    start = cut;
  }
  chunks.push(data.subarray(start));
  return chunks;
}

function decodeAll(chunks: readonly Uint8Array[]): unknown[] {
  const decoder = new NdjsonDecoder();
  const values: unknown[] = [];
  for (const chunk of chunks) values.push(...decoder.push(chunk));
  values.push(...decoder.end());
  return values;
}

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const value of iterable) values.push(value);
  return values;
}

// JSON values whose round trip through JSON.stringify/parse is exact (no -0, no undefined).
const jsonValue = fc.jsonValue({ stringUnit: 'binary' }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const multiByteText = fc.string({ unit: 'grapheme', maxLength: 20 });

describe('NdjsonDecoder', () => {
  it('yields the same values for any JSON values and any split of their bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(jsonValue, multiByteText), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (values, offsets, eol, terminated) => {
          const text = values.map((v) => JSON.stringify(v)).join(eol) + (terminated ? eol : '');
          expect(decodeAll(splitAt(bytes(text), offsets))).toEqual(values);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decodes a character whose bytes arrive one at a time', () => {
    const chunks = [...bytes('{"t":"€😀"}\n')].map((b) => Uint8Array.of(b));
    expect(decodeAll(chunks)).toEqual([{ t: '€😀' }]);
  });

  it('returns several values from one chunk and none from a chunk without a newline', () => {
    const decoder = new NdjsonDecoder();
    expect(decoder.push(bytes('{"a":1}\n{"b":2}\n{"c"'))).toEqual([{ a: 1 }, { b: 2 }]);
    expect(decoder.push(bytes(':3'))).toEqual([]);
    expect(decoder.push(bytes('}\n'))).toEqual([{ c: 3 }]);
    expect(decoder.end()).toEqual([]);
  });

  it('skips blank and whitespace-only lines and tolerates CRLF', () => {
    expect(decodeAll([bytes('\n\r\n  \n{"a":1}\r\n\n\t\n[2]\r\n')])).toEqual([{ a: 1 }, [2]]);
  });

  it('decodes an unterminated last line at the end', () => {
    const decoder = new NdjsonDecoder();
    expect(decoder.push(bytes('{"a":1}\n{"done":true}'))).toEqual([{ a: 1 }]);
    expect(decoder.end()).toEqual([{ done: true }]);
  });

  it.each([
    { name: 'truncated object', input: '{"a":1}\n{"b":\n', line: 2 },
    { name: 'plain text', input: '404 page not found\n', line: 1 },
    { name: 'two values on one line', input: '{"a":1}{"b":2}\n', line: 1 },
    { name: 'unterminated garbage at the end', input: '{"a":1}\n\n{"b"', line: 3 },
  ])('throws NdjsonParseError naming the line: $name', ({ input, line }) => {
    const error = (() => {
      try {
        decodeAll([bytes(input)]);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NdjsonParseError);
    expect((error as NdjsonParseError).lineNumber).toBe(line);
    expect((error as NdjsonParseError).message).toContain(`line ${line}`);
  });

  it('refuses a line longer than the limit, even before its newline arrives', () => {
    const decoder = new NdjsonDecoder({ maxLineLength: 10 });
    expect(decoder.push(bytes('{"a":1}\n{"b":'))).toEqual([{ a: 1 }]);
    expect(() => decoder.push(bytes('"0123456789"'))).toThrow(/line 2 is longer than 10 characters/);
  });

  it('refuses push after end', () => {
    const decoder = new NdjsonDecoder();
    decoder.end();
    expect(() => decoder.push(bytes('{}\n'))).toThrow(/after end/);
  });
});

describe('decodeNdjson', () => {
  it('yields values from a byte stream split anywhere', async () => {
    const data = bytes('{"message":"héllo"}\n{"done":true}\n');
    const chunks = splitAt(data, [3, 13, 14, 15]);
    await expect(collect(decodeNdjson(streamOf(chunks)))).resolves.toEqual([
      { message: 'héllo' },
      { done: true },
    ]);
  });

  it('matches the push decoder for any split', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jsonValue, { maxLength: 6 }), fc.array(fc.nat()), async (values, offsets) => {
        const text = values.map((v) => `${JSON.stringify(v)}\n`).join('');
        await expect(collect(decodeNdjson(streamOf(splitAt(bytes(text), offsets))))).resolves.toEqual(values);
      }),
      { numRuns: 100 },
    );
  });

  it('throws NdjsonParseError on a malformed line and cancels the stream', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(bytes('{"a":1}\nnot json\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const value of decodeNdjson(stream)) seen.push(value);
      })(),
    ).rejects.toBeInstanceOf(NdjsonParseError);
    expect(seen).toEqual([{ a: 1 }]);
    expect(cancelled).toBe(true);
  });

  it('cancels the stream when the consumer stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(bytes('{"n":1}\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const value of decodeNdjson(stream)) {
      expect(value).toEqual({ n: 1 });
      break;
    }
    expect(cancelled).toBe(true);
  });

  it('passes a read error through', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('{"a":1}\n'));
        controller.error(new TypeError('terminated'));
      },
    });
    await expect(collect(decodeNdjson(stream))).rejects.toThrow('terminated');
  });

  it('throws the abort reason and cancels the stream when aborted between values', async () => {
    let cancelledWith: unknown;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('{"n":1}\n'));
      },
      cancel(reason) {
        cancelledWith = reason;
      },
    });
    const controller = new AbortController();
    const reason = new Error('gave up');
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const value of decodeNdjson(stream, { signal: controller.signal })) {
          seen.push(value);
          controller.abort(reason);
        }
      })(),
    ).rejects.toBe(reason);
    expect(seen).toEqual([{ n: 1 }]);
    expect(cancelledWith).toBe(reason);
  });

  it('throws at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('already'));
    await expect(
      collect(decodeNdjson(streamOf([bytes('{}\n')]), { signal: controller.signal })),
    ).rejects.toThrow('already');
  });

  it('abandons a pending read when aborted', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('{"n":1}\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const iterator = decodeNdjson(stream, { signal: controller.signal });
    await expect(iterator.next()).resolves.toEqual({ done: false, value: { n: 1 } });
    const pending = iterator.next();
    controller.abort(new Error('client went away'));
    await expect(pending).rejects.toThrow('client went away');
    expect(cancelled).toBe(true);
  });
});
