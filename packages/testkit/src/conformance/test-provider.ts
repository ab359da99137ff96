import {
  type CallOptions,
  CONTRACT_VERSION,
  type EndpointKind,
  GatewayError,
  type ProviderDefinition,
  type ProviderInstance,
  type StreamEvent,
  type TargetConfig,
} from '@keeptrusts/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closedPortUrl } from './closed-port.js';
import { loadOrThrow, loadValue, manifestOf } from './config-text.js';

/**
 * The upstream a provider's conformance suite drives: a simulator of the model server the provider
 * talks to, over real HTTP. The testkit's Ollama simulator is one; a provider for another server
 * brings a simulator with these knobs.
 */
export interface ProviderUpstream {
  /** Root URL of the server, the target's `base_url` by default. */
  readonly url: string;
  /** Requests received, oldest first (the suite counts them). */
  readonly requests: readonly unknown[];
  /** Requests whose client went away before the answer was complete. */
  readonly abortedRequests: readonly unknown[];
  /** Drops every knob and the request logs. */
  reset(): void;
  /** Answers every following generation request with this text. */
  replyWith(text: string): void;
  /** Answers the next inference request with this status and error message, in the server's error shape. */
  failNext(failure: { status: number; error: string }): void;
  /** Never answers the next inference request until the client goes away. */
  hangNext(): void;
  /** Ends the next streamed answer after `tokens` tokens by dropping the connection. */
  dropNextStreamAfter(tokens: number): void;
  /** Waits this long before each generated token. */
  setTokenDelay(ms: number): void;
  /** Requires `Authorization: Bearer <token>` on every request; `undefined` stops requiring it. */
  requireToken(token: string | undefined): void;
  close(): Promise<void>;
}

/** What {@link testProvider} needs besides the definition. */
export interface TestProviderOptions {
  /** Starts the upstream; called once before the suite's tests, which close it after. */
  upstream: () => Promise<ProviderUpstream>;
  /** A model the upstream serves, for every endpoint kind the provider serves. */
  models: Partial<Record<EndpointKind, string>>;
  /**
   * The target fields besides `id` and `provider`, as written in YAML (the provider's own included);
   * default `{ base_url: upstream.url }`.
   */
  target?: (upstream: ProviderUpstream) => Record<string, unknown>;
}

const REPLY = 'The upstream answers in seven words.';
const TOKEN = 'kt-conformance-token-7f3a';
const TOKEN_ENV = 'KT_CONFORMANCE_TOKEN';

/**
 * Registers a vitest suite that checks a provider against the plugin contract, the way unstorage's
 * `testDriver` checks a storage driver: its targets load with its defaults and fields, and for each
 * kind it serves it answers, streams, aborts (the upstream sees the client go), times out, maps
 * upstream failures to `GatewayError` codes, keeps tokens out of messages, probes and lists models.
 * Call it at the top level of a test file.
 *
 * @example
 * testProvider(ollamaProvider, {
 *   upstream: () => startOllamaSimulator(),
 *   models: { chat: 'llama3.3', completion: 'mistral', embedding: 'nomic-embed-text' },
 * });
 */
export function testProvider<Options>(
  definition: ProviderDefinition<Options>,
  options: TestProviderOptions,
): void {
  for (const kind of definition.kinds) {
    if (options.models[kind] === undefined) {
      throw new Error(
        `testProvider(${definition.name}): the provider serves ${kind}; give options.models.${kind}, a model the upstream serves`,
      );
    }
  }
  const manifest = manifestOf({ providers: [definition] });
  const kinds = definition.kinds;
  const first = kinds[0]!;
  let upstream: ProviderUpstream;
  let fields: Record<string, unknown>;
  const targets = new Map<EndpointKind, TargetConfig<Options>>();

  const written = (kind: EndpointKind, extra: Record<string, unknown> = {}) => ({
    id: `conformance-${kind}`,
    provider: `${definition.name}:${kind}:${options.models[kind]}`,
    ...fields,
    ...extra,
  });
  const loadTarget = async (
    value: Record<string, unknown>,
    env: Record<string, string> = {},
  ): Promise<TargetConfig<Options>> => {
    const config = await loadOrThrow(manifest, { providers: { targets: [value] } }, { env });
    return config.targets[0] as TargetConfig<Options>;
  };
  const create = (target: TargetConfig<Options>, env: Record<string, string> = {}): ProviderInstance =>
    definition.create(target, { env: (name) => env[name] });
  const at = (target: TargetConfig, signal = new AbortController().signal): CallOptions => ({
    signal,
    model: target.model,
  });

  /** One call of a kind, answered whole: what error and abort tests drive. */
  const call = (
    provider: ProviderInstance,
    kind: EndpointKind,
    target: TargetConfig,
    signal?: AbortSignal,
  ) => {
    const options = at(target, signal);
    if (kind === 'embedding') return provider.embedding({ model: target.id, input: ['hello'] }, options);
    if (kind === 'completion') return provider.completion({ model: target.id, prompt: 'Once' }, options);
    return provider.chat({ model: target.id, messages: [{ role: 'user', content: 'Hello?' }] }, options);
  };
  const stream = (
    provider: ProviderInstance,
    kind: 'chat' | 'completion',
    target: TargetConfig,
    signal?: AbortSignal,
  ) =>
    kind === 'chat'
      ? provider.chatStream(
          { model: target.id, messages: [{ role: 'user', content: 'Hello?' }], stream: true },
          at(target, signal),
        )
      : provider.completionStream({ model: target.id, prompt: 'Once', stream: true }, at(target, signal));
  const failure = async (promise: Promise<unknown>): Promise<GatewayError> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'the call should fail with a GatewayError').toBeInstanceOf(GatewayError);
    return error as GatewayError;
  };

  describe(`${definition.name} provider conformance`, () => {
    beforeAll(async () => {
      upstream = await options.upstream();
      fields = options.target?.(upstream) ?? { base_url: upstream.url };
      for (const kind of kinds) targets.set(kind, await loadTarget(written(kind)));
    });
    afterAll(async () => {
      await upstream?.close();
    });
    beforeEach(() => {
      upstream.reset();
    });

    describe('definition and config', () => {
      it('is a frozen definition made by defineProvider', () => {
        expect(definition).toMatchObject({ kind: 'provider', contract: CONTRACT_VERSION });
        expect(Object.isFrozen(definition)).toBe(true);
        expect(kinds.length).toBeGreaterThan(0);
      });

      it('loads a target of every kind it serves, resolved to this definition', () => {
        for (const kind of kinds) {
          expect(targets.get(kind)).toMatchObject({
            providerName: definition.name,
            kind,
            model: options.models[kind],
          });
          expect(targets.get(kind)?.definition).toBe(definition);
        }
      });

      it('fills in its defaults, and each alias’s, when a target writes no base_url or secret_key_ref', async () => {
        const names = [definition.name, ...Object.keys(definition.aliases)];
        for (const name of names) {
          const expected = { ...definition.defaults, ...definition.aliases[name] };
          const target = await loadTarget({
            id: 'bare',
            provider: `${name}:${first}:${options.models[first]}`,
          });
          expect(target).toMatchObject({ providerName: name, kind: first });
          expect(target.definition).toBe(definition);
          expect(target.baseUrl).toBe(expected.baseUrl?.replace(/\/+$/, ''));
          expect(target.secretKeyEnv).toBe(expected.secretKeyEnv);
        }
      });

      it(`reads a bare "${definition.name}" with a model as its first kind (${first})`, async () => {
        const target = await loadTarget({ ...written(first), provider: definition.name, model: 'm' });
        expect(target).toMatchObject({ kind: first, model: 'm' });
      });

      it('refuses a misspelt target field and a kind it does not serve, by file and line', async () => {
        const unserved = (['chat', 'completion', 'embedding'] as const).filter((k) => !kinds.includes(k));
        const value = {
          providers: {
            targets: [
              written(first, { bse_url: 'http://localhost:1' }),
              ...unserved.map((kind) => ({ id: kind, provider: `${definition.name}:${kind}:m`, ...fields })),
            ],
          },
        };
        const result = await loadValue(manifest, value);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.text).toMatch(
          /^conformance\.yaml:\d+:\d+ providers\.targets\[0\]\.bse_url: unknown key "bse_url"; expected one of: .*base_url.* \(did you mean "base_url"\?\)$/m,
        );
        for (const [i, kind] of unserved.entries()) {
          expect(result.text).toMatch(
            new RegExp(
              `^conformance\\.yaml:\\d+:\\d+ providers\\.targets\\[${i + 1}\\]\\.provider: .*${kind}`,
              'm',
            ),
          );
        }
      });
    });

    if (kinds.includes('chat')) {
      describe('chat', () => {
        it('answers with the upstream’s text, a finish reason and usage', async () => {
          upstream.replyWith(REPLY);
          const target = targets.get('chat')!;
          const result = await create(target).chat(
            { model: target.id, messages: [{ role: 'user', content: 'Hello?' }] },
            at(target),
          );
          expect(result).toMatchObject({ content: REPLY, finishReason: 'stop', toolCalls: [] });
          expectUsage(result.usage);
        });

        it('streams deltas that add up to the answer, then exactly one done event', async () => {
          upstream.replyWith(REPLY);
          const target = targets.get('chat')!;
          const events = await collect(await stream(create(target), 'chat', target));
          expectStream(events, REPLY);
        });
      });
    }

    if (kinds.includes('completion')) {
      describe('completion', () => {
        it('answers with the upstream’s text, a finish reason and usage', async () => {
          upstream.replyWith(REPLY);
          const target = targets.get('completion')!;
          const result = await create(target).completion({ model: target.id, prompt: 'Once' }, at(target));
          expect(result).toMatchObject({ text: REPLY, finishReason: 'stop' });
          expectUsage(result.usage);
        });

        it('streams deltas that add up to the answer, then exactly one done event', async () => {
          upstream.replyWith(REPLY);
          const target = targets.get('completion')!;
          expectStream(await collect(await stream(create(target), 'completion', target)), REPLY);
        });
      });
    }

    if (kinds.includes('embedding')) {
      describe('embedding', () => {
        it('embeds every input, in order, as vectors of one length', async () => {
          const target = targets.get('embedding')!;
          const input = ['alpha', 'beta', 'alpha'];
          const result = await create(target).embedding({ model: target.id, input }, at(target));
          expect(result.embeddings).toHaveLength(3);
          const length = result.embeddings[0]?.length ?? 0;
          expect(length).toBeGreaterThan(0);
          for (const vector of result.embeddings) {
            expect(vector).toHaveLength(length);
            expect(vector.every(Number.isFinite)).toBe(true);
          }
          expect(result.embeddings[2]).toEqual(result.embeddings[0]);
          expect(result.promptTokens).toBeGreaterThanOrEqual(0);
        });
      });
    }

    describe('failures', () => {
      it.each([
        { upstreamStatus: 400, code: 'invalid_request_error', status: 400 },
        { upstreamStatus: 500, code: 'upstream_error', status: 502 },
        { upstreamStatus: 503, code: 'upstream_error', status: 502 },
      ])(
        'maps an upstream $upstreamStatus to $code, keeping the upstream’s message',
        async ({ upstreamStatus, code, status }) => {
          for (const kind of kinds) {
            upstream.failNext({ status: upstreamStatus, error: `simulated ${upstreamStatus} for ${kind}` });
            const target = targets.get(kind)!;
            const error = await failure(call(create(target), kind, target));
            expect(error).toMatchObject({ code, status });
            expect(error.message).toContain(`simulated ${upstreamStatus} for ${kind}`);
          }
        },
      );

      it('fails a stream that breaks off with upstream_error', async () => {
        for (const kind of kinds.filter((k) => k !== 'embedding') as ('chat' | 'completion')[]) {
          upstream.replyWith(REPLY);
          upstream.dropNextStreamAfter(1);
          const target = targets.get(kind)!;
          const error = await failure(stream(create(target), kind, target).then(collect));
          expect(error.code).toBe('upstream_error');
        }
      });

      it('reports a refused connection as upstream_error, marked unreachable so the gateway may fail over', async () => {
        const target = { ...targets.get(first)!, baseUrl: await closedPortUrl() };
        const error = await failure(call(create(target), first, target));
        expect(error).toMatchObject({ code: 'upstream_error', status: 502, unreachable: true });
      });

      it('sends the token from secret_key_ref, or from its default variable, and never shows it', async () => {
        upstream.requireToken(TOKEN);
        const target = targets.get(first)!;
        const refused = await failure(call(create(target), first, target));
        expect(refused.code).toBe('upstream_error');
        const withRef = await loadTarget(written(first, { secret_key_ref: { env: TOKEN_ENV } }));
        await expect(call(create(withRef, { [TOKEN_ENV]: TOKEN }), first, withRef)).resolves.toBeDefined();
        if (target.secretKeyEnv !== undefined) {
          await expect(
            call(create(target, { [target.secretKeyEnv]: TOKEN }), first, target),
          ).resolves.toBeDefined();
        }
        upstream.failNext({ status: 500, error: 'the upstream failed' });
        const failed = await failure(call(create(withRef, { [TOKEN_ENV]: TOKEN }), first, withRef));
        expect(failed.message).not.toContain(TOKEN);
      });
    });

    describe('aborts and timeouts', () => {
      it('rejects with the signal’s reason when the client goes away, and the upstream sees it go', async () => {
        for (const kind of kinds) {
          const target = targets.get(kind)!;
          const seen = upstream.requests.length;
          const gone = upstream.abortedRequests.length;
          upstream.hangNext();
          const controller = new AbortController();
          const pending = call(create(target), kind, target, controller.signal);
          await vi.waitFor(() => expect(upstream.requests.length).toBeGreaterThan(seen));
          const reason = new Error('the client went away');
          controller.abort(reason);
          await expect(pending).rejects.toBe(reason);
          await vi.waitFor(() => expect(upstream.abortedRequests.length).toBeGreaterThan(gone));
        }
      });

      it('stops a stream mid-way when the client goes away, and the upstream sees it go', async () => {
        for (const kind of kinds.filter((k) => k !== 'embedding') as ('chat' | 'completion')[]) {
          const target = targets.get(kind)!;
          const gone = upstream.abortedRequests.length;
          upstream.replyWith(Array.from({ length: 200 }, (_, i) => `word${i}`).join(' '));
          upstream.setTokenDelay(10);
          const controller = new AbortController();
          const events = (await stream(create(target), kind, target, controller.signal))[
            Symbol.asyncIterator
          ]();
          await expect(events.next()).resolves.toMatchObject({ done: false, value: { type: 'delta' } });
          const reason = new Error('the client went away');
          controller.abort(reason);
          await expect(
            (async () => {
              for (;;) if ((await events.next()).done) return;
            })(),
          ).rejects.toBe(reason);
          await vi.waitFor(() => expect(upstream.abortedRequests.length).toBeGreaterThan(gone));
        }
      });

      it('gives up after timeout_seconds with upstream_timeout', async () => {
        for (const kind of kinds) {
          // Tenths of a second keep the suite quick; the loader takes whole seconds.
          const target = { ...targets.get(kind)!, timeoutSeconds: 0.2 };
          upstream.hangNext();
          const error = await failure(call(create(target), kind, target));
          expect(error).toMatchObject({ code: 'upstream_timeout', status: 504 });
        }
      });

      it('gives up on a stream after stream_timeout_seconds with upstream_timeout', async () => {
        for (const kind of kinds.filter((k) => k !== 'embedding') as ('chat' | 'completion')[]) {
          const target = { ...targets.get(kind)!, streamTimeoutSeconds: 0.2 };
          upstream.hangNext();
          const error = await failure(stream(create(target), kind, target).then(collect));
          expect(error).toMatchObject({ code: 'upstream_timeout', status: 504 });
        }
      });
    });

    describe('probe and models', () => {
      it('probes true while the upstream answers and false when nothing listens', async () => {
        const target = targets.get(first)!;
        await expect(create(target).probe(new AbortController().signal)).resolves.toBe(true);
        const gone = { ...target, baseUrl: await closedPortUrl() };
        await expect(create(gone).probe(new AbortController().signal)).resolves.toBe(false);
      });

      it('lists the upstream’s models, naming each configured model as sameModel reads names', async () => {
        const models = await create(targets.get(first)!).listModels(new AbortController().signal);
        for (const model of models) {
          expect(model).toEqual({
            id: expect.any(String),
            created: expect.any(Number),
            ownedBy: expect.any(String),
          });
        }
        for (const kind of kinds) {
          const configured = options.models[kind]!;
          expect(
            models.some((m) => definition.sameModel(configured, m.id)),
            `listModels should list ${configured}`,
          ).toBe(true);
        }
      });
    });
  });
}

function expectUsage(usage: {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}): void {
  expect(usage.prompt_tokens).toBeGreaterThanOrEqual(0);
  expect(usage.completion_tokens).toBeGreaterThan(0);
  expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
}

function expectStream(events: readonly StreamEvent[], text: string): void {
  const done = events.filter((e) => e.type === 'done');
  expect(done, 'a stream ends with exactly one done event').toHaveLength(1);
  expect(events.at(-1)).toBe(done[0]);
  expect(events.length, 'a stream of several tokens arrives in several deltas').toBeGreaterThan(2);
  const content = events.map((e) => (e.type === 'delta' ? (e.content ?? '') : '')).join('');
  expect(content).toBe(text);
  expect(done[0]).toMatchObject({ finishReason: 'stop' });
  if (done[0]?.type === 'done') expectUsage(done[0].usage);
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
