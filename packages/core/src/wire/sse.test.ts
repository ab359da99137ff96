import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors.js';
import type { StreamEvent } from './openai.js';
import type { ResponseMeta } from './openai-responses.js';
import { encodeSseStream, OpenAISseEncoder, SSE_DONE_FRAME, sseFrame, streamErrorBody } from './sse.js';

const meta: ResponseMeta = { id: 'chatcmpl-abc', created: 1_700_000_000, model: 'llama3.3' };
const usage = { prompt_tokens: 26, completion_tokens: 3, total_tokens: 29 };

/** Splits SSE text into its frames' data, parsing JSON ones. */
function frames(text: string): unknown[] {
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\n\n')
    .map((frame) => {
      expect(frame.startsWith('data: ')).toBe(true);
      const data = frame.slice('data: '.length);
      return data === '[DONE]' ? '[DONE]' : JSON.parse(data);
    });
}

async function* eventsOf(events: readonly StreamEvent[], failure?: unknown): AsyncGenerator<StreamEvent> {
  yield* events;
  if (failure !== undefined) throw failure;
}

async function collect(iterable: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of iterable) text += piece;
  return text;
}

const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-abc',
  object: 'chat.completion.chunk',
  created: 1_700_000_000,
  model: 'llama3.3',
  choices,
  ...extra,
});
const delta = (d: Record<string, unknown>) => ({ index: 0, delta: d, finish_reason: null, logprobs: null });

describe('OpenAISseEncoder (chat)', () => {
  const answer: StreamEvent[] = [
    { type: 'delta', content: 'Hel' },
    { type: 'delta', content: 'lo' },
    { type: 'done', finishReason: 'stop', usage },
  ];

  it('opens with the role, sends deltas, a finish chunk carrying usage, then [DONE]', () => {
    const encoder = new OpenAISseEncoder({ kind: 'chat', meta, includeUsage: false });
    const text = answer.map((e) => encoder.encode(e)).join('');
    expect(frames(text)).toEqual([
      chunk([delta({ role: 'assistant', content: '' })]),
      chunk([delta({ content: 'Hel' })]),
      chunk([delta({ content: 'lo' })]),
      chunk([{ index: 0, delta: {}, finish_reason: 'stop', logprobs: null }], { usage }),
      '[DONE]',
    ]);
    expect(encoder.ended).toBe(true);
  });

  it('with include_usage sends usage null on every chunk and a last chunk with choices []', () => {
    const encoder = new OpenAISseEncoder({ kind: 'chat', meta, includeUsage: true });
    const text = answer.map((e) => encoder.encode(e)).join('');
    expect(frames(text)).toEqual([
      chunk([delta({ role: 'assistant', content: '' })], { usage: null }),
      chunk([delta({ content: 'Hel' })], { usage: null }),
      chunk([delta({ content: 'lo' })], { usage: null }),
      chunk([{ index: 0, delta: {}, finish_reason: 'stop', logprobs: null }], { usage: null }),
      chunk([], { usage }),
      '[DONE]',
    ]);
  });

  it('repeats id, created, model and system_fingerprint on every chunk', () => {
    const encoder = new OpenAISseEncoder({
      kind: 'chat',
      meta: { ...meta, systemFingerprint: 'fp_ollama' },
      includeUsage: true,
    });
    const parsed = frames(answer.map((e) => encoder.encode(e)).join('')).filter((f) => f !== '[DONE]');
    for (const f of parsed) {
      expect(f).toMatchObject({
        id: 'chatcmpl-abc',
        created: 1_700_000_000,
        model: 'llama3.3',
        object: 'chat.completion.chunk',
        system_fingerprint: 'fp_ollama',
      });
    }
  });

  it('sends reasoning, content and tool calls of one event as separate chunks, numbering calls across the stream', () => {
    const encoder = new OpenAISseEncoder({ kind: 'chat', meta, includeUsage: false });
    const call = (id: string, name: string) => ({
      id,
      type: 'function' as const,
      function: { name, arguments: '{"city":"Tokyo"}' },
    });
    const text = [
      encoder.encode({
        type: 'delta',
        reasoning: 'hmm',
        content: 'Let me check.',
        toolCalls: [call('call_1', 'a')],
      }),
      encoder.encode({ type: 'delta', toolCalls: [call('call_2', 'b'), call('call_3', 'c')] }),
      encoder.encode({ type: 'done', finishReason: 'tool_calls', usage }),
    ].join('');
    const out = (id: string, name: string, index: number) => ({ index, ...call(id, name) });
    expect(frames(text)).toEqual([
      chunk([delta({ role: 'assistant', content: '' })]),
      chunk([delta({ reasoning: 'hmm' })]),
      chunk([delta({ content: 'Let me check.' })]),
      chunk([delta({ tool_calls: [out('call_1', 'a', 0)] })]),
      chunk([delta({ tool_calls: [out('call_2', 'b', 1), out('call_3', 'c', 2)] })]),
      chunk([{ index: 0, delta: {}, finish_reason: 'tool_calls', logprobs: null }], { usage }),
      '[DONE]',
    ]);
  });

  it('sends nothing for an empty delta after the opening chunk', () => {
    const encoder = new OpenAISseEncoder({ kind: 'chat', meta, includeUsage: false });
    expect(frames(encoder.encode({ type: 'delta', content: '' }))).toHaveLength(1);
    expect(encoder.encode({ type: 'delta' })).toBe('');
  });

  it('answers an empty stream with the role chunk, the finish chunk and [DONE]', () => {
    const encoder = new OpenAISseEncoder({ kind: 'chat', meta, includeUsage: false });
    const parsed = frames(encoder.encode({ type: 'done', finishReason: 'length', usage }));
    expect(parsed).toHaveLength(3);
    expect(parsed[1]).toMatchObject({ choices: [{ finish_reason: 'length' }] });
  });

  it('ends with an error frame and no [DONE]', () => {
    const encoder = new OpenAISseEncoder({ kind: 'chat', meta, includeUsage: false });
    const text =
      encoder.encode({ type: 'delta', content: 'Hi' }) +
      encoder.error(
        new GatewayError('upstream_error', 'an error was encountered while running the model').toOpenAI(),
      );
    expect(text.endsWith(SSE_DONE_FRAME)).toBe(false);
    expect(frames(text).at(-1)).toEqual({
      error: {
        message: 'an error was encountered while running the model',
        type: 'api_error',
        param: null,
        code: 'upstream_error',
      },
    });
    expect(() => encoder.encode({ type: 'delta', content: 'more' })).toThrow(/after the stream ended/);
  });
});

describe('OpenAISseEncoder (completion)', () => {
  const cmeta: ResponseMeta = { id: 'cmpl-xyz', created: 1_700_000_000, model: 'mistral' };
  const text = (t: string, reason: string | null, extra: Record<string, unknown> = {}) => ({
    id: 'cmpl-xyz',
    object: 'text_completion',
    created: 1_700_000_000,
    model: 'mistral',
    choices: [{ index: 0, text: t, finish_reason: reason, logprobs: null }],
    ...extra,
  });

  it('sends text_completion chunks without a role chunk, ignoring reasoning and tool calls', () => {
    const encoder = new OpenAISseEncoder({ kind: 'completion', meta: cmeta, includeUsage: false });
    const out = [
      encoder.encode({ type: 'delta', reasoning: 'thinking' }),
      encoder.encode({ type: 'delta', content: 'Once' }),
      encoder.encode({ type: 'delta', content: ' upon' }),
      encoder.encode({ type: 'done', finishReason: 'length', usage }),
    ].join('');
    expect(frames(out)).toEqual([
      text('Once', null),
      text(' upon', null),
      text('', 'length', { usage }),
      '[DONE]',
    ]);
  });

  it('with include_usage ends with a choices [] usage chunk', () => {
    const encoder = new OpenAISseEncoder({ kind: 'completion', meta: cmeta, includeUsage: true });
    const out =
      encoder.encode({ type: 'delta', content: 'A' }) +
      encoder.encode({ type: 'done', finishReason: 'stop', usage });
    expect(frames(out)).toEqual([
      text('A', null, { usage: null }),
      text('', 'stop', { usage: null }),
      {
        id: 'cmpl-xyz',
        object: 'text_completion',
        created: 1_700_000_000,
        model: 'mistral',
        choices: [],
        usage,
      },
      '[DONE]',
    ]);
  });
});

describe('encodeSseStream', () => {
  const options = { kind: 'chat', meta, includeUsage: false } as const;

  it('encodes a whole stream ending in [DONE]', async () => {
    const text = await collect(
      encodeSseStream(
        eventsOf([
          { type: 'delta', content: 'Hi' },
          { type: 'done', finishReason: 'stop', usage },
        ]),
        options,
      ),
    );
    expect(text.endsWith(SSE_DONE_FRAME)).toBe(true);
    expect(frames(text)).toHaveLength(4);
  });

  it('turns a GatewayError thrown mid-stream into its error frame, without [DONE]', async () => {
    const failure = new GatewayError('upstream_timeout', 'Ollama did not finish the stream within 120 s');
    const text = await collect(
      encodeSseStream(eventsOf([{ type: 'delta', content: 'Hi' }], failure), options),
    );
    expect(text).not.toContain('[DONE]');
    expect(frames(text).at(-1)).toEqual(failure.toOpenAI());
  });

  it('reports any other error as internal_error without its message', async () => {
    const text = await collect(encodeSseStream(eventsOf([], new Error('secret internals')), options));
    expect(text).not.toContain('secret internals');
    expect(frames(text)).toEqual([streamErrorBody(new Error('x'))]);
    expect(frames(text)[0]).toMatchObject({ error: { code: 'internal_error', type: 'api_error' } });
  });

  it('uses a custom error body when given', async () => {
    const text = await collect(
      encodeSseStream(eventsOf([], new Error('boom')), {
        ...options,
        errorBody: () => ({
          error: { message: 'custom', type: 'api_error', param: null, code: 'internal_error' },
        }),
      }),
    );
    expect(frames(text)).toEqual([
      { error: { message: 'custom', type: 'api_error', param: null, code: 'internal_error' } },
    ]);
  });

  it('reports events that end without done as an upstream_error frame', async () => {
    const text = await collect(encodeSseStream(eventsOf([{ type: 'delta', content: 'Hi' }]), options));
    expect(frames(text).at(-1)).toMatchObject({ error: { code: 'upstream_error' } });
    expect(text).not.toContain('[DONE]');
  });

  it('stops reading events after done', async () => {
    let readAfterDone = false;
    async function* events(): AsyncGenerator<StreamEvent> {
      yield { type: 'done', finishReason: 'stop', usage };
      readAfterDone = true;
      yield { type: 'delta', content: 'late' };
    }
    const text = await collect(encodeSseStream(events(), options));
    expect(readAfterDone).toBe(false);
    expect(text.endsWith(SSE_DONE_FRAME)).toBe(true);
  });
});

describe('sseFrame', () => {
  it('writes one data line and a blank line, JSON escaping newlines', () => {
    expect(sseFrame({ content: 'a\nb' })).toBe('data: {"content":"a\\nb"}\n\n');
  });
});
