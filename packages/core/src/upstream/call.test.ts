import { describe, expect, it } from 'vitest';
import { networkReason, startUpstreamCall, UpstreamBase } from './call.js';

describe('UpstreamBase', () => {
  it('turns credentials into a Basic header and keeps them out of URLs and messages', () => {
    const base = new UpstreamBase('http://us%40er:p%3Ass@gpu-1:11434/ollama/?token=x#frag');
    expect(base.basic).toBe(Buffer.from('us@er:p:ss').toString('base64'));
    expect(base.shown).toBe('http://gpu-1:11434/ollama');
    expect(base.url('/api/chat').href).toBe('http://gpu-1:11434/ollama/api/chat');
    expect(base.url('models').href).toBe('http://gpu-1:11434/ollama/models');
    expect(base.url('').href).toBe('http://gpu-1:11434/ollama/');
  });

  it('gives the same URL object for a path asked again', () => {
    const base = new UpstreamBase('http://localhost:8000/v1');
    expect(base.url('chat/completions')).toBe(base.url('chat/completions'));
    expect(base.basic).toBeUndefined();
  });

  it('keeps an invalid base_url until a URL is asked for, then throws', () => {
    const base = new UpstreamBase('not a url');
    expect(base.shown).toBe('(invalid base_url)');
    expect(() => base.url('api/chat')).toThrow(TypeError);
  });
});

describe('startUpstreamCall', () => {
  it('aborts with the client and says it was not the deadline', () => {
    const client = new AbortController();
    const call = startUpstreamCall(client.signal, 60);
    client.abort(new Error('gone'));
    expect(call.signal.aborted).toBe(true);
    expect(call.timedOut).toBe(false);
    call.dispose();
  });

  it('aborts at the deadline with a TimeoutError', async () => {
    const call = startUpstreamCall(new AbortController().signal, 0.01);
    await new Promise((resolve) => call.signal.addEventListener('abort', resolve, { once: true }));
    expect(call.timedOut).toBe(true);
    expect((call.signal.reason as DOMException).name).toBe('TimeoutError');
    call.dispose();
  });
});

describe('networkReason', () => {
  it('finds the system code in a cause chain or an AggregateError', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(networkReason(new Error('fetch failed', { cause: refused }))).toBe('ECONNREFUSED');
    expect(networkReason(new AggregateError([refused], 'all failed'))).toBe('ECONNREFUSED');
    expect(networkReason(new Error('plain'))).toBe('plain');
  });
});
