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
      expect(text).toContain(
        'what reached Ollama: "My SSN is [REDACTED:SSN] and my email is [REDACTED:EMAIL]. Update my file."',
      );
      expect(text).toContain(
        '← On file: card [REDACTED:CREDIT_CARD], contact [REDACTED:EMAIL], SSN [REDACTED:SSN].',
      );
      expect(JSON.stringify(demo.sim?.requests.map((r) => r.body))).not.toContain('234-56-7890');
    } finally {
      await demo.stop();
    }
  });
});
