import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ChatCompletionRequest, GatewayError, type StreamEvent } from '@keeptrusts/core';
import { type StallingUpstream, startStallingUpstream } from '@keeptrusts/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { callOptions, chatDelta, testProvider } from './test-support/msw-ollama.js';

// The streaming edge cases that need a real socket: a stream that stalls, one whose connection
// drops, and a client that leaves mid-stream. A plain node:http server stands in for Ollama.

const request: ChatCompletionRequest = { model: 'llama3.3', messages: [{ role: 'user', content: 'Hi' }] };
let server: Server | undefined;
let stalling: StallingUpstream | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
  server = undefined;
  await stalling?.close();
  stalling = undefined;
});

/** Starts a server answering every request with `handler`; returns its base URL. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An Ollama that sends one content line and then neither writes nor ends. */
async function stallAfterFirstLine(): Promise<StallingUpstream> {
  stalling = await startStallingUpstream(
    'application/x-ndjson',
    `${JSON.stringify(chatDelta({ content: 'Hi' }))}\n`,
  );
  return stalling;
}

async function drain(events: AsyncIterable<StreamEvent>): Promise<{ seen: StreamEvent[]; error: unknown }> {
  const seen: StreamEvent[] = [];
  try {
    for await (const event of events) seen.push(event);
  } catch (error) {
    return { seen, error };
  }
  return { seen, error: undefined };
}

describe('streams over a real socket', () => {
  it('throws upstream_timeout mid-stream when the whole stream outlasts stream_timeout_seconds', async () => {
    const upstream = await stallAfterFirstLine();
    const baseUrl = upstream.url;
    const events = await testProvider({ baseUrl, streamTimeoutSeconds: 0.05 }).chatStream(
      request,
      callOptions(),
    );
    const { seen, error } = await drain(events);
    expect(seen).toEqual([{ type: 'delta', content: 'Hi' }]);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'upstream_timeout', status: 504 });
    expect((error as Error).message).toBe(
      `Ollama at ${baseUrl} did not finish the stream within 0.05 s (stream_timeout_seconds)`,
    );
    await upstream.closed; // the upstream connection is released
  });

  it('closes the upstream connection when the client aborts mid-stream', async () => {
    const upstream = await stallAfterFirstLine();
    const controller = new AbortController();
    const events = (
      await testProvider({ baseUrl: upstream.url }).chatStream(request, callOptions(controller.signal))
    )[Symbol.asyncIterator]();
    await expect(events.next()).resolves.toMatchObject({ value: { content: 'Hi' } });
    const pending = events.next();
    const reason = new Error('client disconnected');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await upstream.closed;
  });

  it('throws upstream_error when the connection drops mid-stream', async () => {
    const baseUrl = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(`${JSON.stringify(chatDelta({ content: 'Hi' }))}\n`, () => res.socket?.destroy());
    });
    const { seen, error } = await drain(await testProvider({ baseUrl }).chatStream(request, callOptions()));
    expect(seen).toEqual([{ type: 'delta', content: 'Hi' }]);
    expect(error).toMatchObject({ code: 'upstream_error' });
    expect((error as Error).message).toBe(
      `the connection to Ollama at ${baseUrl} broke mid-stream: closed by the server`,
    );
    // The upstream had the request: another target must not be tried.
    expect(error).toMatchObject({ unreachable: false });
  });

  it('throws upstream_error when the server ends the stream cleanly without a done line', async () => {
    const baseUrl = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end(`${JSON.stringify(chatDelta({ content: 'Hi' }))}\n`);
    });
    const { error } = await drain(await testProvider({ baseUrl }).chatStream(request, callOptions()));
    expect((error as Error).message).toMatch(/^upstream closed the stream before it finished/);
  });
});
