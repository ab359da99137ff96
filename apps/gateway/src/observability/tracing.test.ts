import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveGateway, startLiveGateway } from '../test-support/live-gateway.js';

/** A span as OTLP/HTTP JSON carries it, attributes flattened. */
interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  kind: number;
  start: bigint;
  end: bigint;
  attributes: Record<string, unknown>;
  status: { code?: number } | undefined;
  service: unknown;
}

type OtlpValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  arrayValue?: { values: OtlpValue[] };
};
const otlpValue = (v: OtlpValue): unknown =>
  v.stringValue ??
  (v.intValue !== undefined ? Number(v.intValue) : (v.boolValue ?? v.arrayValue?.values.map(otlpValue)));
const flatten = (attributes: { key: string; value: OtlpValue }[] = []) =>
  Object.fromEntries(attributes.map((a) => [a.key, otlpValue(a.value)]));

// A stand-in OpenTelemetry collector: it takes OTLP/HTTP JSON at /v1/traces, as a collector does.
const spans: ReceivedSpan[] = [];
const bodies: string[] = [];
let receiver: Server;
let sim: OllamaSimulator;
let live: LiveGateway;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (d: string) => (body += d));
    request.on('end', () => {
      if (request.url === '/v1/traces' && request.headers['content-type'] === 'application/json') {
        bodies.push(body);
        const parsed = JSON.parse(body) as {
          resourceSpans: {
            resource: { attributes: { key: string; value: OtlpValue }[] };
            scopeSpans: { spans: Record<string, unknown>[] }[];
          }[];
        };
        for (const rs of parsed.resourceSpans) {
          const service = flatten(rs.resource.attributes)['service.name'];
          for (const ss of rs.scopeSpans) {
            for (const s of ss.spans) {
              spans.push({
                traceId: s.traceId as string,
                spanId: s.spanId as string,
                parentSpanId: (s.parentSpanId as string | undefined) || undefined,
                name: s.name as string,
                kind: s.kind as number,
                start: BigInt(s.startTimeUnixNano as string),
                end: BigInt(s.endTimeUnixNano as string),
                attributes: flatten(s.attributes as { key: string; value: OtlpValue }[]),
                status: s.status as { code?: number } | undefined,
                service,
              });
            }
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  sim = await startOllamaSimulator({ port: 0 });
  live = await startLiveGateway(`providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: ${sim.url}
policies:
  - id: privacy
    rules:
      - type: pii_detection
        action: redact
        patterns: [ssn]
telemetry:
  otlp_endpoint: http://127.0.0.1:${(receiver.address() as AddressInfo).port}
  service_name: gateway-under-test
`);
});
afterAll(async () => {
  await live?.close();
  await sim?.close();
  receiver?.close();
});

async function spansOf(traceId: string, count: number): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = spans.filter((s) => s.traceId === traceId);
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('OpenTelemetry traces', () => {
  it('exports a server span per request with policy and upstream children, continuing the client’s trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const clientSpan = '00f067aa0ba902b7';
    const client = new OpenAI({
      baseURL: `${live.url}/v1`,
      apiKey: 'none',
      maxRetries: 0,
      defaultHeaders: { traceparent: `00-${traceId}-${clientSpan}-01` },
    });
    sim.replyWith('a short answer');
    const answer = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'my SSN is 234-56-7890' }],
    });

    const found = await spansOf(traceId, 4);
    const byName = Object.fromEntries(found.map((s) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual([
      'POST /v1/chat/completions',
      'chat llama3.3',
      'policies request',
      'policies response',
    ]);
    const root = byName['POST /v1/chat/completions']!;
    expect(root.parentSpanId).toBe(clientSpan);
    expect(root.kind).toBe(2); // SERVER
    expect(root.service).toBe('gateway-under-test');
    expect(root.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/v1/chat/completions',
      'http.response.status_code': 200,
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'llama3.3',
      'keeptrusts.target': 'llama',
      'keeptrusts.request_id': answer._request_id,
    });
    const upstream = byName['chat llama3.3']!;
    expect(upstream.kind).toBe(3); // CLIENT
    expect(upstream.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'ollama',
      'gen_ai.request.model': 'llama3.3',
      'gen_ai.usage.input_tokens': answer.usage!.prompt_tokens,
      'gen_ai.usage.output_tokens': answer.usage!.completion_tokens,
      'gen_ai.response.finish_reasons': ['stop'],
      'server.address': '127.0.0.1',
    });
    // OpenTelemetry's SDK takes a span's start from Date.now(), whole milliseconds, and its end as
    // start plus a performance.now() duration; so two spans' times compare only to within 1 ms.
    const clock = 1_000_000n;
    for (const child of [upstream, byName['policies request']!, byName['policies response']!]) {
      expect(child.parentSpanId).toBe(root.spanId);
      expect({
        name: child.name,
        startsInside: child.start + clock >= root.start,
        endsInside: child.end <= root.end + clock,
      }).toEqual({ name: child.name, startsInside: true, endsInside: true });
    }
    expect(byName['policies request']!.end <= upstream.start + clock).toBe(true);
    expect(byName['policies request']!.attributes['keeptrusts.policy.decisions']).toBe(1);
  });

  it('marks an upstream failure on both spans, and starts a new trace without a traceparent', async () => {
    sim.failNext({ status: 500, error: 'model runner crashed' });
    const client = new OpenAI({ baseURL: `${live.url}/v1`, apiKey: 'none', maxRetries: 0 });
    const error = await client.chat.completions
      .create({ model: 'llama', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e as InstanceType<typeof OpenAI.APIError>);
    const requestId = (error as InstanceType<typeof OpenAI.APIError>).requestID;
    const deadline = Date.now() + 10_000;
    let root: ReceivedSpan | undefined;
    while (root === undefined && Date.now() < deadline) {
      root = spans.find((s) => s.attributes['keeptrusts.request_id'] === requestId);
      if (root === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(root).toBeDefined();
    expect(root!.parentSpanId).toBeUndefined();
    expect(root!.status?.code).toBe(2); // ERROR
    expect(root!.attributes['error.type']).toBe('upstream_error');
    const upstream = (await spansOf(root!.traceId, 3)).find((s) => s.kind === 3);
    expect(upstream?.status?.code).toBe(2);
    expect(upstream?.attributes['error.type']).toBe('upstream_error');
  });

  it('exports no prompt or answer text', () => {
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body).not.toContain('234-56-7890');
      expect(body).not.toContain('a short answer');
    }
  });
});
