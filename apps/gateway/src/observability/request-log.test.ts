import type { AuditSink } from '@keeptrusts/core';
import { describe, expect, it } from 'vitest';
import { AuditTrail } from '../audit-trail.js';
import { requestLogLevel, requestLogLine } from './request-log.js';

// A sink that keeps content, so the trail holds the prompt and the answer: the line must not.
const contentSink: AuditSink = {
  wantsContent: true,
  append() {},
  flush: async () => {},
  close: async () => {},
  healthy: () => true,
};

function finishedTrail(): AuditTrail {
  const trail = new AuditTrail(
    { requestId: 'req_1', method: 'POST', endpoint: '/v1/chat/completions', client: '10.0.0.7' },
    [contentSink],
    () => {},
  );
  trail.record.key_id = 'team-a';
  trail.record.target = 'llama';
  trail.record.model = 'llama3.3';
  trail.record.prompt = 'my secret prompt';
  trail.answer({ text: 'the secret answer' });
  trail.decide([
    { policy: 'p', rule: 'pii_detection', stage: 'request', action: 'modify', findings: [] },
    { policy: 'p', rule: 'pii_detection', stage: 'response', action: 'allow', findings: [] },
    { policy: 'q', rule: 'topic_block', stage: 'request', action: 'allow', findings: [] },
    { policy: 'r', rule: 'topic_block', stage: 'response', action: 'block', findings: [] },
  ]);
  trail.upstreamBegan('llama');
  trail.upstreamDone();
  trail.record.usage = { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 };
  void trail.finish(200, null);
  return trail;
}

describe('the request log line', () => {
  it('carries ids, outcome, durations, tokens and the strongest decision per rule type', () => {
    const line = requestLogLine(finishedTrail());
    expect(line).toMatchObject({
      request_id: 'req_1',
      key_id: 'team-a',
      target: 'llama',
      model: 'llama3.3',
      status: 200,
      error_code: null,
      tokens_in: 5,
      tokens_out: 7,
      decisions: { pii_detection: 'modify', topic_block: 'block' },
    });
    expect(line.upstream_ms).toBeTypeOf('number');
    expect(line.upstream_ms!).toBeLessThanOrEqual(line.duration_ms);
  });

  it('never carries the prompt, the answer or the client address, even when a sink keeps them', () => {
    const trail = finishedTrail();
    expect(trail.record.prompt).toBe('my secret prompt');
    const text = JSON.stringify(requestLogLine(trail));
    expect(text).not.toContain('secret');
    expect(text).not.toContain('10.0.0.7');
  });

  it.each([
    [200, '/v1/chat/completions', 'info'],
    [429, '/v1/chat/completions', 'info'],
    [502, '/v1/chat/completions', 'warn'],
    [503, '/healthz', 'warn'],
    [200, '/healthz', 'debug'],
    [200, '/metrics', 'debug'],
  ] as const)('logs a %i on %s at %s', (status, endpoint, level) => {
    expect(requestLogLevel(status, endpoint)).toBe(level);
  });
});
