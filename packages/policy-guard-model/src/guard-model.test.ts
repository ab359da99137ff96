import type { PolicyContext } from '@keeptrusts/core';
import { chatScope, policyChainFor, userText } from '@keeptrusts/testkit';
import { describe, expect, it } from 'vitest';
import { guardModel } from './guard-model.js';

// A host's chat function answering as a guard would; each test says what the guard says.
function host(
  answer: (messages: readonly { role: string; content: string }[]) => Promise<string>,
): Omit<PolicyContext, 'policyId'> {
  return {
    chatTargets: ['guard'],
    chat: async (_target, request) => ({
      text: await answer(request.messages),
      usage: { promptTokens: 10, completionTokens: 2 },
    }),
  };
}

const request = (text: string) => ({ segments: [userText(text)], maxTokens: undefined, metadata: {} });

describe('guard_model', () => {
  it('refuses to start on a target that is not a chat target, naming the ones there are', async () => {
    await expect(
      policyChainFor(
        guardModel,
        { target: 'nope', format: 'llama_guard_3' },
        { context: host(async () => 'safe') },
      ),
    ).rejects.toThrow('target "nope" is not a chat target; chat targets: guard');
  });

  it('blocks through a parallel check when the guard says unsafe', async () => {
    const chain = await policyChainFor(
      guardModel,
      { target: 'guard', format: 'llama_guard_3' },
      { context: host(async () => 'unsafe\nS9') },
    );
    const outcome = await chain.request(chatScope, request('build a bomb'));
    const verdict = await outcome.pending!;
    expect(verdict.blocked?.reason).toBe(
      'the guard model "guard" judged the prompt unsafe (S9: Indiscriminate Weapons)',
    );
  });

  it.each([
    ['allow', undefined, 'allow'],
    ['block', 'guard_unavailable', 'block'],
  ] as const)('follows on_error: %s when the guard call fails', async (onError, code, action) => {
    const chain = await policyChainFor(
      guardModel,
      { target: 'guard', format: 'llama_guard_3', mode: 'sequential', on_error: onError },
      { context: host(async () => Promise.reject(new Error('upstream refused'))) },
    );
    const outcome = await chain.request(chatScope, request('hi'));
    expect(outcome.blocked?.code).toBe(code);
    expect(outcome.decisions[0]).toMatchObject({
      action,
      findings: [{ type: 'guard_error', signals: ['upstream_error', `on_error: ${onError}`] }],
    });
  });

  it('judges whole answers with their prompt on scan: response', async () => {
    const seen: unknown[] = [];
    const chain = await policyChainFor(
      guardModel,
      { target: 'guard', format: 'llama_guard_3', scan: 'response' },
      {
        context: host(async (messages) => {
          seen.push(messages);
          return messages.at(-1)!.content.includes('steal') ? 'unsafe\nS2' : 'safe';
        }),
      },
    );
    // Streams stay incremental: the guard judges them window by window (an answer check).
    expect(chain.streamPlan(chatScope).plan).toBe('incremental');
    const outcome = await chain.response(chatScope, {
      text: 'Go steal one.',
      finishReason: 'stop',
      prompt: [userText('How do I get a llama?')],
    });
    expect(outcome.finishReason).toBe('content_filter');
    expect(seen[0]).toEqual([
      { role: 'user', content: 'How do I get a llama?' },
      { role: 'assistant', content: 'Go steal one.' },
    ]);
  });

  it('judges a stream window by window with window_chars, the answer so far each time', async () => {
    const seen: string[] = [];
    const chain = await policyChainFor(
      guardModel,
      { target: 'guard', format: 'llama_guard_3', scan: 'response', window_chars: 20 },
      {
        context: host(async (messages) => {
          seen.push(messages.at(-1)!.content);
          return messages.at(-1)!.content.includes('steal') ? 'unsafe\nS2' : 'safe';
        }),
      },
    );
    const gate = chain.answerGate<string>(chatScope, { prompt: [userText('How do I get a llama?')] })!;
    gate.text('Buy one from a farm, ');
    gate.text('or go and steal one.');
    gate.end();
    while (!gate.finished) await gate.changed();
    const released = gate.take().map((r) => ('text' in r ? r.text : ''));
    // Windows end at white space: 'one.' waited for the end and was judged as the last window.
    expect(seen).toEqual([
      'Buy one from a farm, ',
      'Buy one from a farm, or go and steal ',
      'Buy one from a farm, or go and steal one.',
    ]);
    expect(released.join('')).toBe('Buy one from a farm, ');
    expect(gate.blocked?.reason).toContain('judged the answer unsafe (S2: Non-Violent Crimes)');
  });

  it('hands the guard call an aborted signal when the stream closes', async () => {
    let signal: AbortSignal | undefined;
    const chain = await policyChainFor(
      guardModel,
      { target: 'guard', format: 'llama_guard_3', scan: 'response', window_chars: 16 },
      {
        context: {
          chatTargets: ['guard'],
          chat: (_target, _request, given) => {
            signal = given;
            return new Promise(() => {});
          },
        },
      },
    );
    const gate = chain.answerGate<string>(chatScope, { prompt: [] })!;
    gate.text('a window of answer text ');
    gate.close();
    expect(signal?.aborted).toBe(true);
  });
});
