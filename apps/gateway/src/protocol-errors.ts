import { type IncomingMessage, maxHeaderSize, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { RequestError } from '@hono/node-server';
import { GatewayError } from '@keeptrusts/core';

// Requests that never reach the Hono app (Node's parser refused them, they timed out, or the
// adapter could not make a URL of them) still get an answer in OpenAI's error shape.

/** The server's timeouts, named as the operator wrote them, for the 408's message. */
export interface ServerTimeouts {
  requestTimeoutSeconds: number;
  headersTimeoutSeconds: number;
}

/**
 * A `clientError` listener: answers what Node's HTTP parser rejects (400, 431 for headers over
 * the size limit, 413 for chunk extensions) and requests that time out (408), then closes the
 * connection. A reset or any other socket error just destroys it.
 */
export function createClientErrorListener(timeouts: ServerTimeouts): (error: Error, socket: Duplex) => void {
  // The parser reports every chunk that arrives after its first error again; one answer is enough.
  const answered = new WeakSet<Duplex>();
  return (error, socket) => {
    if (answered.has(socket)) return;
    answered.add(socket);
    const inFlight = responseOn(socket);
    // A response whose request is still arriving belongs to the request that failed.
    const problem = describe(error as NodeError, timeouts, inFlight !== undefined && !inFlight.req.complete);
    if (problem === undefined) {
      socket.destroy();
    } else if (inFlight?.req.complete && !inFlight.headersSent) {
      // Bytes that follow a fully read request (often its own unframed body) are no request: its
      // answer says the connection closes, so a client that keeps connections does not reuse it.
      inFlight.setHeader('connection', 'close');
    } else {
      answerInTurn(socket, problem);
    }
  };
}

/** A `connect` listener: the gateway is no proxy, so CONNECT gets a 405 instead of a silent close. */
export function refuseConnect(_request: unknown, socket: Duplex): void {
  // Node hands the socket over without an error listener; a reset must not crash the process.
  socket.on('error', () => socket.destroy());
  answerAndClose(
    socket,
    new GatewayError('method_not_allowed', 'CONNECT is not supported: the gateway is not a proxy'),
  );
}

/** What the Hono adapter could not turn into a Request (bad Host header, a target that is no URL). */
export function requestErrorResponse(error: unknown): Response {
  const problem =
    error instanceof RequestError
      ? new GatewayError(
          'invalid_request_error',
          `the request cannot be routed: ${error.message}. Send a path that starts with "/" and a Host header of the form host[:port]`,
        )
      : new GatewayError('internal_error', 'the gateway failed to read the request');
  return Response.json(problem.toOpenAI(), { status: problem.status });
}

/**
 * The answer to a parsed request the app must not see: an HTTP/1.1 request without a Host header
 * (RFC 9112 §3.2), which Node would answer bare, and a `PRI` request (HTTP/2's preface without
 * its version), after which Node closes the connection at once, so the answer must be written
 * before this returns.
 */
export function refusalFor(incoming: IncomingMessage): Response | undefined {
  let problem: GatewayError | undefined;
  if (incoming.method === 'PRI') {
    problem = new GatewayError(
      'invalid_request_error',
      'PRI starts an HTTP/2 connection; the gateway speaks HTTP/1.1 only',
    );
  } else if (incoming.httpVersion === '1.1' && incoming.headers.host === undefined) {
    problem = new GatewayError(
      'invalid_request_error',
      'an HTTP/1.1 request needs a Host header; send Host: host[:port]',
    );
  }
  return problem === undefined ? undefined : Response.json(problem.toOpenAI(), { status: problem.status });
}

interface NodeError extends Error {
  code?: string;
  /** llhttp's own words for a parse error, such as "Invalid method encountered". */
  reason?: string;
}

function describe(
  error: NodeError,
  timeouts: ServerTimeouts,
  headersParsed: boolean,
): GatewayError | undefined {
  const code = error.code ?? '';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new GatewayError(
      'request_timeout',
      headersParsed
        ? `the request body did not arrive in full within ${timeouts.requestTimeoutSeconds} s (server.request_timeout_seconds); send as many bytes as Content-Length says, and end a chunked body with a zero-length chunk`
        : `the request headers did not arrive within ${timeouts.headersTimeoutSeconds} s (server.headers_timeout_seconds)`,
    );
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new GatewayError(
      'headers_too_large',
      `the request line and headers are larger than ${maxHeaderSize} bytes; send fewer or shorter headers`,
    );
  }
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') {
    return new GatewayError('request_too_large', 'the chunk extensions of the body are too large; send none');
  }
  if (code.startsWith('HPE_')) {
    const reason = error.reason ?? error.message;
    return new GatewayError(
      'invalid_request_error',
      `the request is not valid HTTP/1.1: ${reason} (${code}); check the request line, the header syntax and the body framing (Content-Length or Transfer-Encoding: chunked)`,
    );
  }
  return undefined;
}

/** The response Node has attached to the connection, if any. */
function responseOn(socket: Duplex): ServerResponse | undefined {
  return (socket as { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;
}

/** Answers after the answer to an earlier request on the connection, which already said keep-alive. */
function answerInTurn(socket: Duplex, problem: GatewayError): void {
  const inFlight = responseOn(socket);
  if (inFlight?.req.complete && !inFlight.writableFinished) {
    inFlight.once('finish', () => answerInTurn(socket, problem));
    return;
  }
  if (!socket.writable || inFlight?.headersSent === true) socket.destroy();
  else answerAndClose(socket, problem);
}

function answerAndClose(socket: Duplex, problem: GatewayError): void {
  const body = JSON.stringify(problem.toOpenAI());
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
      'content-type: application/json\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
  // Destroying at once can turn the close into a reset that discards the answer before the client
  // reads it; a client that does not close its side in a second is cut off.
  const linger = setTimeout(() => socket.destroy(), 1000);
  linger.unref();
  socket.once('close', () => clearTimeout(linger));
}
