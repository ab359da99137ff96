import { type ChatCompletionRequest, GatewayError } from '@keeptrusts/core';
import { type StallingUpstream, startStallingUpstream } from '@keeptrusts/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { callOptions, chunk, testProvider } from './test-support/msw-openai.js';

// Streams cut short while their body is arriving need a real socket: msw's emulated one closes
// without the error a real one reports, and undici then completes a request it already aborted.
// testkit's stalling upstream stands in for the OpenAI-compatible server.

const request: ChatCompletionRequest = {
  model: 'vllm-qwen',
  messages: [{ role: 'user', content: 'Hi' }],
  stream: true,
};
let upstream: StallingUpstream | undefined;

afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

/** A server that sends one event and then neither writes nor ends; its base URL ends in /v1. */
async function stallAfterFirstEvent(): Promise<{ baseUrl: string; closed: Promise<void> }> {
  upstream = await startStallingUpstream(
    'text/event-stream',
    `data: ${JSON.stringify(chunk({ content: 'a' }))}\n\n`,
  );
  return { baseUrl: `${upstream.url}/v1`, closed: upstream.closed };
}

describe('streams over a real socket', () => {
  it('gives up on a stream that stalls after stream_timeout_seconds, and closes the connection', async () => {
    const { baseUrl, closed } = await stallAfterFirstEvent();
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
    await closed;
  });

  it('closes the upstream connection when the client aborts mid-stream', async () => {
    const { baseUrl, closed } = await stallAfterFirstEvent();
    const controller = new AbortController();
    const events = (await testProvider({ baseUrl }).chatStream(request, callOptions(controller.signal)))[
      Symbol.asyncIterator
    ]();
    await expect(events.next()).resolves.toMatchObject({ value: { content: 'a' } });
    const pending = events.next();
    const reason = new Error('client disconnected');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await closed;
  });
});
