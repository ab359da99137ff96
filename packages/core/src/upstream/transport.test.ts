import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendUpstream } from './transport.js';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
  server = undefined;
});

const post = (url: URL, signal = new AbortController().signal) =>
  sendUpstream(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', signal });

describe('sendUpstream', () => {
  it('sends again, on a new connection, when a kept-alive socket turns out closed', async () => {
    // The second request on any connection finds it closed, as when the server's idle timeout
    // fires just as the request goes out.
    const served = new WeakMap<object, number>();
    let connections = 0;
    server = createServer((req, res) => {
      const count = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, count);
      if (count > 1) {
        req.socket.destroy();
        return;
      }
      res.end('ok');
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat`);
    expect(await (await post(url)).text()).toBe('ok');
    expect(await (await post(url)).text()).toBe('ok');
    expect(connections).toBe(2);
  });

  it('does not send again when the first connection fails', async () => {
    let requests = 0;
    server = createServer((req) => {
      requests++;
      req.socket.destroy();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
    await expect(post(url)).rejects.toMatchObject({ code: 'UND_ERR_SOCKET', message: 'other side closed' });
    expect(requests).toBe(1);
  });

  it('refuses a protocol other than http and https', async () => {
    await expect(post(new URL('ftp://ollama.test/x'))).rejects.toThrow('unsupported protocol "ftp:"');
  });

  it('rejects with the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('client left');
    controller.abort(reason);
    await expect(post(new URL('http://127.0.0.1:9/x'), controller.signal)).rejects.toBe(reason);
  });
});
