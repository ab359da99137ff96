import { connect } from 'node:net';
import { loadConfigTexts } from '@keeptrusts/core/config';
import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from './builtin-plugins.js';
import { createGateway } from './gateway.js';
import { type RunningServer, startServer } from './server.js';

let sim: OllamaSimulator;
let server: RunningServer;
let port: number;
beforeAll(async () => {
  sim = await startOllamaSimulator({ port: 0 });
  const registry = createBuiltinRegistry();
  const text = `providers:\n  targets:\n    - id: llama\n      provider: ollama:chat:llama3.3\n      base_url: ${sim.url}\nserver:\n  request_timeout_seconds: 1\n`;
  const loaded = await loadConfigTexts([{ file: 'test.yaml', text }], { registry });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  server = await startServer(await createGateway({ config: loaded.config, registry }), {
    host: '127.0.0.1',
    port: 0,
  });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.close();
  await sim?.close();
});

/** Writes raw bytes and reads until the server closes the connection (every answer here closes it). */
function raw(wire: string, options: { halfClose?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const limit = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close within 10 s; got ${JSON.stringify(received)}`));
    }, 10_000);
    socket.setEncoding('latin1').on('data', (d: string) => (received += d));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(limit);
      resolve(received);
    });
    socket.write(wire, 'latin1');
    if (options.halfClose) socket.end();
  });
}

/** The final answer's status, headers and JSON body (after any 100 Continue). */
function lastAnswer(received: string) {
  const answers = received.split(/(?=HTTP\/1\.1 \d\d\d )/).filter((a) => !a.startsWith('HTTP/1.1 100 '));
  const [head = '', body = ''] = answers.at(-1)!.split('\r\n\r\n');
  return { status: Number(head.slice(9, 12)), head: head.toLowerCase(), body: JSON.parse(body) as unknown };
}

const chat = '{"model":"llama3.3","messages":[{"role":"user","content":"hi"}]}';
const post = (headers: string) =>
  `POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n`;

describe('requests that never reach the app', () => {
  it.each([
    {
      name: 'a request line that is no HTTP',
      wire: 'GARBAGE\r\n\r\n',
      status: 400,
      code: 'invalid_request_error',
    },
    {
      name: 'a header name with a space',
      wire: 'GET /healthz HTTP/1.1\r\nHo st: x\r\n\r\n',
      status: 400,
      code: 'invalid_request_error',
    },
    {
      name: 'an unknown HTTP version',
      wire: 'GET /healthz HTTP/2.1\r\nHost: x\r\n\r\n',
      status: 400,
      code: 'invalid_request_error',
    },
    {
      name: 'headers over 16 KiB',
      wire: `GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: ${'a'.repeat(20_000)}\r\n\r\n`,
      status: 431,
      code: 'headers_too_large',
    },
    {
      name: 'a bad chunk size',
      wire: `${post('Transfer-Encoding: chunked\r\n')}zz\r\n{}\r\n0\r\n\r\n`,
      status: 400,
      code: 'invalid_request_error',
    },
    {
      name: 'Content-Length beside chunked',
      wire: `${post(`Content-Length: 5\r\nTransfer-Encoding: chunked\r\n`)}0\r\n\r\n`,
      status: 400,
      code: 'invalid_request_error',
    },
    {
      name: 'a Content-Length that is no number',
      wire: `${post('Content-Length: abc\r\n')}{}`,
      status: 400,
      code: 'invalid_request_error',
    },
    {
      name: 'no Host header in HTTP/1.1',
      wire: `GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n`,
      status: 400,
      code: 'invalid_request_error',
    },
    {
      name: 'a Host header that is no host',
      wire: 'GET /healthz HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n',
      status: 400,
      code: 'invalid_request_error',
    },
    {
      name: 'a target that is no path',
      wire: 'GET healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      status: 400,
      code: 'invalid_request_error',
    },
    {
      name: 'PRI with no version (HTTP/2 preface)',
      wire: 'PRI /v1/models\r\nHost: x\r\n\r\n',
      status: 400,
      code: 'invalid_request_error',
    },
    {
      name: 'CONNECT',
      wire: 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
      status: 405,
      code: 'method_not_allowed',
    },
    {
      name: 'a bad escape in a model id',
      wire: 'GET /v1/models/%C0%AF HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
      status: 400,
      code: 'invalid_request_error',
    },
  ])('answers $name with $status $code in OpenAI shape', async ({ wire, status, code }) => {
    const answer = lastAnswer(await raw(wire));
    expect(answer.status).toBe(status);
    expect(answer.head).toContain('content-type: application/json');
    expect(answer.body).toEqual({
      error: {
        message: expect.any(String),
        type: 'invalid_request_error',
        param: expect.toBeOneOf([null, 'model']),
        code,
      },
    });
  });

  it.each([
    { name: 'a body shorter than its Content-Length', wire: `${post('Content-Length: 100\r\n')}{"model":` },
    {
      name: 'a chunked body with no last chunk',
      wire: `${post('Transfer-Encoding: chunked\r\n')}5\r\n{"mod\r\n`,
    },
    {
      name: 'Expect: 100-continue and no body',
      wire: post('Expect: 100-continue\r\nContent-Length: 10\r\n'),
    },
    { name: 'headers that never end', wire: 'GET /healthz HTTP/1.1\r\nHost: x\r\n' },
  ])(
    'answers $name with 408 request_timeout once server.request_timeout_seconds passes',
    async ({ wire }) => {
      const answer = lastAnswer(await raw(wire));
      expect(answer.status).toBe(408);
      expect(answer.head).toContain('connection: close');
      expect(answer.body).toMatchObject({
        error: { type: 'invalid_request_error', code: 'request_timeout' },
      });
    },
  );

  it('answers a request cut short by a half-close with 400', async () => {
    const answer = lastAnswer(await raw(`${post('Content-Length: 100\r\n')}{"model":`, { halfClose: true }));
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'invalid_request_error' } } });
  });

  it('answers a fully read request followed by garbage, and closes the connection after it', async () => {
    const received = await raw(`${post(`Content-Length: ${chat.length}\r\n`)}${chat}GARBAGE\r\n\r\n`);
    expect([...received.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => m[1])).toEqual(['200']);
    expect(received.toLowerCase()).toContain('connection: close');
  });
});
