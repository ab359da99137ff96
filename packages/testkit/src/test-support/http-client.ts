// Test clients for the simulator: fetch helpers for JSON and NDJSON, and a node:http client that reports
// how a response ended (cleanly, or with the connection torn down mid-stream).
import { request as httpRequest } from 'node:http';

/** POSTs a JSON body (or a raw string) and returns the response. */
export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Reads an NDJSON body into parsed lines, checking that every line ends with `\n`. */
export async function ndjson(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  if (text !== '' && !text.endsWith('\n'))
    throw new Error(`NDJSON body does not end with a newline: ${text}`);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** How a node:http exchange went. */
export interface RawExchange {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** Body chunks as the client received them. */
  readonly chunks: readonly string[];
  /** True when the response ended normally; false when the connection was torn down. */
  readonly complete: boolean;
}

/** Sends a request with node:http and collects the response, including a torn-down one. */
export function rawRequest(
  url: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: string[] = [];
      let settled = false;
      const finish = (complete: boolean): void => {
        if (settled) return;
        settled = true;
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: chunks.join(''),
          chunks,
          complete,
        });
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => chunks.push(chunk));
      res.on('end', () => finish(res.complete));
      res.on('error', () => finish(false));
      res.on('close', () => finish(res.complete));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
