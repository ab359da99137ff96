import { afterEach, describe, expect, it } from 'vitest';
import { type ServedHandler, serveFetchHandler } from './node-server.js';

let served: ServedHandler | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

describe('serveFetchHandler', () => {
  it('flushes each NDJSON chunk as soon as the handler produces it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const encoder = new TextEncoder();
    served = await serveFetchHandler(async () => {
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode('{"n":1}\n'));
          await gate; // the second line exists only after the client has read the first
          controller.enqueue(encoder.encode('{"n":2}\n'));
          controller.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/x-ndjson' } });
    });
    const response = await fetch(served.url);
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toBe('{"n":1}\n');
    release();
    const second = await reader?.read();
    expect(new TextDecoder().decode(second?.value)).toBe('{"n":2}\n');
    expect((await reader?.read())?.done).toBe(true);
  });

  it('passes method, path, headers and body to the handler', async () => {
    let seen: { method: string; url: string; auth: string | null; body: string } | undefined;
    served = await serveFetchHandler(async (request) => {
      seen = {
        method: request.method,
        url: request.url,
        auth: request.headers.get('authorization'),
        body: await request.text(),
      };
      return new Response('ok');
    });
    await (
      await fetch(`${served.url}/a/b?c=d`, {
        method: 'PUT',
        body: 'payload',
        headers: { authorization: 'Bearer t' },
      })
    ).text();
    expect(seen).toEqual({ method: 'PUT', url: `${served.url}/a/b?c=d`, auth: 'Bearer t', body: 'payload' });
  });

  it('answers 500 when the handler throws before answering', async () => {
    served = await serveFetchHandler(() => Promise.reject(new Error('boom')));
    const response = await fetch(served.url);
    expect([response.status, await response.json()]).toEqual([500, { error: 'simulator failure' }]);
  });

  it('closes even with a request that never gets an answer', async () => {
    const own = await serveFetchHandler(() => new Promise<Response>(() => undefined));
    const pending = fetch(own.url);
    await own.close();
    await expect(pending).rejects.toThrow();
  });
});
