import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ChatCompletionRequest, GatewayError } from '@keeptrusts/core';
import { afterEach, describe, expect, it } from 'vitest';
import { callOptions, chunk, testProvider } from './test-support/msw-openai.js';

// Streams cut short while their body is arriving need a real socket: msw's emulated one closes
// without the error a real one reports, and undici then completes a request it already aborted.
// A plain node:http server stands in for the OpenAI-compatible server.

const request: ChatCompletionRequest = {
  model: 'vllm-qwen',
  messages: [{ role: 'user', content: 'Hi' }],
  stream: true,
};
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
  server = undefined;
});

/** Starts a server answering every request with `handler`; returns its base URL (with `/v1`). */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

/** Sends one event, then neither writes nor ends; reports when the client leaves. */
function stallAfterFirstEvent(onClose: () => void) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(`data: ${JSON.stringify(chunk({ content: 'a' }))}\n\n`);
    res.on('close', onClose);
  };
}

describe('streams over a real socket', () => {
  it('gives up on a stream that stalls after stream_timeout_seconds, and closes the connection', async () => {
    let closed = (): void => undefined;
    const upstreamClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const baseUrl = await serve(stallAfterFirstEvent(() => closed()));
    const events = await testProvider({ baseUrl, streamTimeoutSeconds: 0.1 }).chatStream(
      request,
      callOptions(),
    );
    const seen: unknown[] = [];
    const error = await (async () => {
      try {
        for await (const event of events) seen.push(event);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(seen).toEqual([{ type: 'delta', content: 'a' }]);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'upstream_timeout' });
    expect((error as Error).message).toContain('did not finish the stream within 0.1 s');
    await upstreamClosed;
  });

  it('closes the upstream connection when the client aborts mid-stream', async () => {
    let closed = (): void => undefined;
    const upstreamClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const baseUrl = await serve(stallAfterFirstEvent(() => closed()));
    const controller = new AbortController();
    const events = (await testProvider({ baseUrl }).chatStream(request, callOptions(controller.signal)))[
      Symbol.asyncIterator
    ]();
    await expect(events.next()).resolves.toMatchObject({ value: { content: 'a' } });
    const pending = events.next();
    const reason = new Error('client disconnected');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await upstreamClosed;
  });
});
