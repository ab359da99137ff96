import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ProviderUpstream } from '../conformance/test-provider.js';
import { OPENAI_FLAVOURS } from './models.js';
import { type OpenAICompatibleSimulator, startOpenAICompatibleSimulator } from './simulator.js';

describe('the simulator as a ProviderUpstream', () => {
  it('has every knob testProvider drives', () => {
    expectTypeOf<OpenAICompatibleSimulator>().toExtend<ProviderUpstream>();
  });

  it.each(OPENAI_FLAVOURS)(
    '%s: reset drops the knobs and the log, and restores the API key',
    async (flavour) => {
      const sim = await startOpenAICompatibleSimulator({ flavour, embeddings: true });
      try {
        const chat = () =>
          fetch(`${sim.url}/v1/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
          });
        sim.replyWith('fixed');
        sim.failNext({ status: 500, error: 'boom' });
        sim.requireToken('t');
        expect((await chat()).status).toBe(401);
        sim.reset();
        expect(sim.requests).toEqual([]);
        const answer = (await (await chat()).json()) as { choices: { message: { content: string } }[] };
        expect(answer.choices[0]?.message.content).toBe('You said: "hi"');
        expect(sim.completedRequests).toHaveLength(1);
      } finally {
        await sim.close();
      }
    },
  );
});
