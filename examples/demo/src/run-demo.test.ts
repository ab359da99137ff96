import { describe, expect, it } from 'vitest';
import { runDemo } from './run-demo.js';

describe('the demo', () => {
  it('runs its chat, stream and embedding through the gateway and the simulator', async () => {
    const lines: string[] = [];
    const demo = await runDemo({ port: 0, out: (line) => lines.push(line) });
    try {
      const text = lines.join('\n');
      expect(text).toMatch(/← .*gradient descent/i);
      expect(text).toMatch(/SSE chunks, final usage=\{"prompt_tokens":\d+,"completion_tokens":\d+/);
      expect(text).toContain('← 768 dimensions');
      expect(demo.sim?.requests.map((r) => r.path)).toEqual(['/api/chat', '/api/chat', '/api/embed']);
    } finally {
      await demo.stop();
    }
  });
});
