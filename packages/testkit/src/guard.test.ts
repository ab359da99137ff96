import { describe, expect, it } from 'vitest';
import { guardReply, ollamaGuardModel } from './guard.js';
import { startOllamaSimulator } from './simulator.js';

const user = (content: string) => [{ role: 'user', content }];

describe('guardReply', () => {
  it.each([
    ['llama_guard_3', 'hello', 'safe'],
    ['llama_guard_3', 'x [unsafe]', 'unsafe\nS1'],
    ['llama_guard_3', 'x [unsafe:S1,S10]', 'unsafe\nS1,S10'],
    ['shieldgemma', 'hello', 'No'],
    ['shieldgemma', 'x [unsafe]', 'Yes'],
    ['granite_guardian', 'x [unsafe:harm]', 'Yes'],
    ['granite_guardian', 'x [unsafe:jailbreak]', 'No'],
  ] as const)('%s answers %j with %j', (format, text, answer) => {
    expect(guardReply({ format }, user(text)).text).toBe(answer);
  });

  it('says yes only about the risk or harm it is asked about', () => {
    const asked = (risk: string) => [{ role: 'system', content: risk }, ...user('x [unsafe:jailbreak]')];
    expect(guardReply({ format: 'granite_guardian' }, asked('jailbreak')).text).toBe('Yes');
    expect(guardReply({ format: 'granite_guardian' }, asked('violence')).text).toBe('No');
    const prompt = (policy: string) => user(`Human Question: x [unsafe:harassment]\n* "${policy}": …`);
    expect(guardReply({ format: 'shieldgemma' }, prompt('No Harassment')).text).toBe('Yes');
    expect(guardReply({ format: 'shieldgemma' }, prompt('No Hate Speech')).text).toBe('No');
  });

  it('takes its delay from the spec or a marker, and can answer with no verdict', () => {
    expect(guardReply({ format: 'llama_guard_3', delayMs: 150 }, user('x')).delayMs).toBe(150);
    expect(guardReply({ format: 'llama_guard_3', delayMs: 150 }, user('x [guard-delay:20]')).delayMs).toBe(
      20,
    );
    expect(guardReply({ format: 'llama_guard_3' }, user('[guard-garbage]')).text).not.toMatch(/safe/);
  });

  it('answers through the Ollama simulator as the guard model it serves, whatever the reply knob says', async () => {
    const sim = await startOllamaSimulator({
      port: 0,
      models: [ollamaGuardModel('llama-guard3:1b', { format: 'llama_guard_3' })],
    });
    try {
      sim.replyWith('a fixed reply for other models');
      const response = await fetch(`${sim.url}/api/chat`, {
        method: 'POST',
        body: JSON.stringify({ model: 'llama-guard3:1b', messages: user('x [unsafe:S3]'), stream: false }),
      });
      expect(((await response.json()) as { message: { content: string } }).message.content).toBe(
        'unsafe\nS3',
      );
    } finally {
      await sim.close();
    }
  });
});
