import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSse, SseDecoder, type SseEvent, SseParseError } from './sse-decoder.js';

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

function decodeAll(chunks: readonly Uint8Array[], decoder = new SseDecoder()): SseEvent[] {
  const events: SseEvent[] = [];
  for (const chunk of chunks) events.push(...decoder.push(chunk));
  events.push(...decoder.end());
  return events;
}

const decodeText = (text: string) => decodeAll([bytes(text)]);

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterable) values.push(value);
  return values;
}

const message = (data: string, more: Partial<SseEvent> = {}): SseEvent => ({
  event: 'message',
  data,
  id: '',
  retry: undefined,
  done: false,
  ...more,
});

// A model event and the text a server may send for it: fields in any order the spec allows,
// comments between them, `field: value` or `field:value`, and any line ending per line.
const noEol = (s: string) => !/[\r\n]/.test(s);
const value = fc.string({ unit: 'grapheme', maxLength: 12 }).filter(noEol);
const modelEvent = fc.record({
  event: fc.option(fc.stringMatching(/^[a-z.]{1,8}$/), { nil: undefined }),
  data: fc.array(value, { minLength: 1, maxLength: 4 }),
  id: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,6}$/), { nil: undefined }),
  comment: fc.option(value, { nil: undefined }),
  spaced: fc.boolean(),
});
type ModelEvent = typeof modelEvent extends fc.Arbitrary<infer T> ? T : never;

function serialise(events: readonly ModelEvent[], eols: readonly string[]): string {
  let i = 0;
  let last = '';
  // A CR line ending followed by an LF one would read as one CRLF: send CRLF for the second.
  const eol = () => {
    const next = eols[i++ % eols.length] ?? '\n';
    last = last === '\r' && next === '\n' ? '\r\n' : next;
    return last;
  };
  const field = (name: string, v: string, spaced: boolean) =>
    // Without the space a value starting with one would lose it; such a value needs the space.
    `${name}:${spaced || v.startsWith(' ') ? ' ' : ''}${v}${eol()}`;
  return events
    .map((e) => {
      let text = e.comment === undefined ? '' : `:${e.comment}${eol()}`;
      if (e.event !== undefined) text += field('event', e.event, e.spaced);
      if (e.id !== undefined) text += field('id', e.id, e.spaced);
      for (const line of e.data) text += field('data', line, e.spaced);
      return `${text}${eol()}`;
    })
    .join('');
}

function expected(events: readonly ModelEvent[]): SseEvent[] {
  let id = '';
  return events.map((e) => {
    if (e.id !== undefined) id = e.id;
    const data = e.data.join('\n');
    return { event: e.event ?? 'message', data, id, retry: undefined, done: data === '[DONE]' };
  });
}

describe('SseDecoder', () => {
  it('yields the same events for any events, line endings and split of their bytes', () => {
    fc.assert(
      fc.property(
        fc.array(modelEvent, { maxLength: 8 }),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (events, eols, offsets) => {
          const text = serialise(events, eols);
          expect(decodeAll(splitAt(bytes(text), offsets))).toEqual(expected(events));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decodes OpenAI chunks and marks [DONE]', () => {
    expect(decodeText('data: {"choices":[]}\n\ndata: [DONE]\n\n')).toEqual([
      message('{"choices":[]}'),
      message('[DONE]', { done: true }),
    ]);
  });

  it('joins data lines with LF and strips only one leading space', () => {
    expect(decodeText('data:  two\ndata\ndata:x\n\n')).toEqual([message(' two\n\nx')]);
  });

  it('keeps a CRLF cut between chunks as one line ending', () => {
    expect(decodeAll([bytes('data: a\r'), bytes('\n\r'), bytes('\ndata: b\r\n\r\n')])).toEqual([
      message('a'),
      message('b'),
    ]);
  });

  it('decodes a character whose bytes arrive one at a time', () => {
    const chunks = [...bytes('data: €😀\n\n')].map((b) => Uint8Array.of(b));
    expect(decodeAll(chunks)).toEqual([message('€😀')]);
  });

  it('ignores comments, unknown fields, a field named with a space, and events without data', () => {
    expect(decodeText(': keep-alive\n\nfoo: bar\ndata : x\n\nevent: ping\n\ndata: y\n\n')).toEqual([
      message('y'),
    ]);
  });

  it('dispatches lines of the extra fields it was given at once, as events of that name', () => {
    const decoder = new SseDecoder({ extraFields: ['error'] });
    const text = 'data: {"a":1}\n\nerror: {"code":500,"message":"boom"}\n\nfoo: ignored\n\n';
    expect(decoder.push(bytes(text))).toEqual([
      { event: 'message', data: '{"a":1}', id: '', retry: undefined, done: false },
      { event: 'error', data: '{"code":500,"message":"boom"}', id: '', retry: undefined, done: false },
    ]);
    expect(decodeText('error: {"code":500}\n\n')).toEqual([]);
  });

  it('names events, carries the last id over, and ignores an id holding NUL and a retry not all digits', () => {
    expect(
      decodeText(
        'event: delta\nid: 7\nretry: 1500\ndata: a\n\ndata: b\n\nid: x\0y\nretry: 2s\ndata: c\n\nid\ndata: d\n\n',
      ),
    ).toEqual([
      message('a', { event: 'delta', id: '7', retry: 1500 }),
      message('b', { id: '7', retry: 1500 }),
      message('c', { id: '7', retry: 1500 }),
      message('d', { retry: 1500 }),
    ]);
  });

  it('strips a byte order mark at the start only', () => {
    expect(decodeAll([Uint8Array.of(0xef, 0xbb, 0xbf), bytes('data: \ufeffa\n\n')])).toEqual([
      message('\ufeffa'),
    ]);
  });

  it('discards an event not ended by a blank line when the input ends', () => {
    expect(decodeText('data: whole\n\ndata: half')).toEqual([message('whole')]);
    expect(decodeText('data: whole\n\ndata: half\n')).toEqual([message('whole')]);
  });

  it('refuses a line longer than the limit, even before its end arrives', () => {
    const decoder = new SseDecoder({ maxLineLength: 10 });
    expect(decoder.push(bytes('data: a\n\ndata: '))).toEqual([message('a')]);
    expect(() => decoder.push(bytes('0123456789'))).toThrow(/line 3 is longer than 10 characters/);
  });

  it('refuses an event whose data lines add up to more than the limit', () => {
    const decoder = new SseDecoder({ maxEventLength: 8 });
    expect(decoder.push(bytes('data: 1234\ndata: 567\n'))).toEqual([]);
    const error = (() => {
      try {
        decoder.push(bytes('data: 89\n'));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SseParseError);
    expect((error as SseParseError).message).toBe(
      'SSE line 3 makes the event\'s data longer than 8 characters: "data: 89"',
    );
  });

  it('refuses push after end', () => {
    const decoder = new SseDecoder();
    decoder.end();
    expect(() => decoder.push(bytes('data: x\n\n'))).toThrow(/after end/);
  });
});

describe('decodeSse', () => {
  it('matches the push decoder for any split', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(modelEvent, { maxLength: 5 }),
        fc.array(fc.nat()),
        async (events, offsets) => {
          const text = serialise(
            events.filter((e) => e.data.join('\n') !== '[DONE]'),
            ['\n'],
          );
          await expect(collect(decodeSse(streamOf(splitAt(bytes(text), offsets))))).resolves.toEqual(
            decodeText(text),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('stops reading at [DONE] and releases the stream', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('data: 1\n\ndata: [DONE]\n\ndata: after\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(collect(decodeSse(stream))).resolves.toEqual([
      message('1'),
      message('[DONE]', { done: true }),
    ]);
    expect(cancelled).toBe(true);
  });

  it('yields the events before an oversized line, then throws and cancels the stream', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(bytes(`data: a\n\ndata: ${'x'.repeat(20)}\n\n`));
      },
      cancel() {
        cancelled = true;
      },
    });
    const seen: SseEvent[] = [];
    await expect(
      (async () => {
        for await (const event of decodeSse(stream, { maxLineLength: 10 })) seen.push(event);
      })(),
    ).rejects.toBeInstanceOf(SseParseError);
    expect(seen).toEqual([message('a')]);
    expect(cancelled).toBe(true);
  });

  it('throws the abort reason and cancels the stream when aborted while a read is pending', async () => {
    let cancelledWith: unknown;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('data: 1\n\n'));
      },
      cancel(reason) {
        cancelledWith = reason;
      },
    });
    const controller = new AbortController();
    const reason = new Error('client went away');
    const iterator = decodeSse(stream, { signal: controller.signal });
    await expect(iterator.next()).resolves.toEqual({ done: false, value: message('1') });
    const pending = iterator.next();
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(cancelledWith).toBe(reason);
  });

  it('passes a read error through', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('data: a\n\n'));
        controller.error(new TypeError('terminated'));
      },
    });
    await expect(collect(decodeSse(stream))).rejects.toThrow('terminated');
  });
});
