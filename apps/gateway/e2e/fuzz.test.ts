import { Agent, request as httpRequest } from 'node:http';
import { errorCodes } from '@keeptrusts/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, seedTargets, startStack } from './harness.js';
import {
  type Answer,
  exchange,
  isOpenAIError,
  type OddRequest,
  type Outcome,
  oddJsonBodies,
  oddRequests,
} from './odd-requests.js';

// Odd requests over raw sockets and over node:http against the built gateway and the simulator.
// Every request gets a well-formed HTTP answer; every error answer is in OpenAI's shape with a
// registered code; nothing is a 500. The server's timeouts are short here, so requests that
// never finish are answered (408) well inside the 10 s each request is given.

const bodyLimitBytes = 64 * 1024;
const limitMs = 10_000;
let stack: Stack;
let port: number;

beforeAll(async () => {
  stack = await startStack(
    `${seedTargets}server:\n  body_limit: 64kb\n  request_timeout_seconds: 2\n  headers_timeout_seconds: 1\n`,
  );
  port = Number(new URL(stack.url).port);
});
afterAll(async () => {
  await stack?.stop();
});

// A healthy simulator, no keys, no policies: upstream, auth and audit failures cannot happen here.
const impossible = new Set(['internal_error', 'invalid_api_key', 'upstream_error', 'upstream_timeout']);
const allowedStatuses = new Set([
  200,
  ...Object.entries(errorCodes)
    .filter(([code]) => !impossible.has(code) && code !== 'no_healthy_target' && code !== 'audit_unavailable')
    .map(([, { status }]) => status),
]);

/** What is wrong with an answer, if anything. */
function answerProblem(answer: Answer, method: string | undefined): string | undefined {
  if (!allowedStatuses.has(answer.status)) return `status ${answer.status}: ${answer.body.slice(0, 300)}`;
  if (answer.status < 300 || method === 'HEAD') return undefined;
  if (!answer.headers['content-type']?.startsWith('application/json'))
    return `${answer.status} with content-type ${answer.headers['content-type']}`;
  if (!isOpenAIError(answer.body))
    return `${answer.status} body not in OpenAI's error shape: ${answer.body.slice(0, 300)}`;
  const { code, type } = (JSON.parse(answer.body) as { error: { code: string; type: string } }).error;
  const registered = errorCodes[code as keyof typeof errorCodes];
  if (registered === undefined) return `unregistered code ${code}`;
  if (registered.status !== answer.status || registered.type !== type)
    return `${code} sent as ${answer.status} ${type}; registered as ${registered.status} ${registered.type}`;
  return undefined;
}

/** Lines the gateway logged at error level: the bugs it noticed in itself. */
function bugsLogged(): string[] {
  return stack
    .logs()
    .split('\n')
    .filter((line) => line.includes('"level":50'));
}

/** What is wrong with what became of a request, if anything. */
function outcomeProblems(request: OddRequest, outcome: Outcome): string[] {
  switch (outcome.kind) {
    case 'answered':
      return outcome.answers.flatMap((answer, n) => {
        const problem = answerProblem(answer, request.methods[n]);
        return problem === undefined ? [] : [`${request.label}: ${problem}`];
      });
    case 'closed':
      // A client that half-closes has left as far as Node is concerned (it aborts the request).
      return request.halfClose ? [] : [`${request.label}: closed without an answer`];
    case 'unanswered':
      return [
        `${request.label}: no answer within ${limitMs / 1000} s (got ${JSON.stringify(outcome.received)})`,
      ];
    case 'malformed':
      return [`${request.label}: ${outcome.problem} (got ${JSON.stringify(outcome.received)})`];
  }
}

async function problemsOf(batch: readonly OddRequest[]): Promise<string[]> {
  const outcomes = await Promise.all(batch.map((request) => exchange(port, request, limitMs)));
  return outcomes.flatMap((outcome, i) => outcomeProblems(batch[i]!, outcome));
}

describe('odd requests over HTTP', () => {
  it('answers malformed request lines, headers, paths, encodings, sizes and chunking in OpenAI shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(oddRequests({ bodyLimitBytes }), { minLength: 1, maxLength: 16 }),
        async (batch) => {
          expect(await problemsOf(batch)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
    expect(bugsLogged()).toEqual([]);
  }, 60_000);

  it('answers requests the client never finishes with a 408 from the server timeouts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(oddRequests({ bodyLimitBytes, stalled: true }), { minLength: 1, maxLength: 12 }),
        async (batch) => {
          expect(await problemsOf(batch)).toEqual([]);
        },
      ),
      { numRuns: 10 },
    );
    expect(bugsLogged()).toEqual([]);
  }, 60_000);

  it('answers well-formed requests with odd JSON bodies and headers, on kept-alive connections', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const routes = [
      '/v1/chat/completions',
      '/v1/completions',
      '/v1/embeddings',
      '/v1/models',
      '/v1/models/llama3.3',
    ];
    const odd = fc.record({
      path: fc.constantFrom(...routes),
      method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT'),
      body: oddJsonBodies({ bodyLimitBytes }),
      contentType: fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8'),
      metadata: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
      chunked: fc.boolean(),
    });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(odd, { minLength: 1, maxLength: 8 }), async (batch) => {
          const answers = await Promise.all(
            batch.map(
              (r) =>
                new Promise<Answer>((resolve, reject) => {
                  const req = httpRequest(
                    {
                      agent,
                      host: '127.0.0.1',
                      port,
                      path: r.path,
                      method: r.method,
                      headers: {
                        'content-type': r.contentType,
                        'x-keeptrusts-metadata-team': r.metadata,
                        // Framed either way: node:http sends a GET's body unframed unless told.
                        ...(r.chunked
                          ? { 'transfer-encoding': 'chunked' }
                          : { 'content-length': Buffer.byteLength(r.body) }),
                      },
                      timeout: limitMs,
                    },
                    (res) => {
                      let body = '';
                      res.setEncoding('utf8').on('data', (d: string) => (body += d));
                      res.on('end', () =>
                        resolve({
                          status: res.statusCode ?? 0,
                          headers: res.headers as Record<string, string>,
                          body,
                        }),
                      );
                    },
                  );
                  req.on('timeout', () => req.destroy(new Error(`no answer within ${limitMs / 1000} s`)));
                  req.on('error', reject);
                  req.end(r.body);
                }),
            ),
          );
          const problems = answers.flatMap((answer, i) => {
            const problem =
              answerProblem(answer, batch[i]!.method) ??
              (answer.status === 200 && answer.headers['content-type']?.startsWith('text/event-stream')
                ? answer.body.endsWith('data: [DONE]\n\n')
                  ? undefined
                  : `a stream that does not end with [DONE]: ${answer.body.slice(-200)}`
                : undefined);
            return problem === undefined ? [] : [`${batch[i]!.method} ${batch[i]!.path}: ${problem}`];
          });
          expect(problems).toEqual([]);
        }),
        { numRuns: 80 },
      );
    } finally {
      agent.destroy();
    }
    expect(bugsLogged()).toEqual([]);
  }, 60_000);
});
