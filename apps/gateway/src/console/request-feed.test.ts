import { describe, expect, it } from 'vitest';
import { AuditTrail } from '../audit-trail.js';
import { RequestFeed, type RequestSummary } from './request-feed.js';

function finished(id: string, keyId: string | null, blocked = false): AuditTrail {
  const trail = new AuditTrail(
    { requestId: id, method: 'POST', endpoint: '/v1/chat/completions', client: null },
    [],
    () => {},
  );
  trail.record.key_id = keyId;
  if (blocked)
    trail.decide([
      { policy: 'p', rule: 'prompt_injection', stage: 'request', action: 'block', findings: [] },
    ]);
  trail.upstreamBegan('a');
  trail.upstreamBegan('b');
  return trail;
}

describe('RequestFeed', () => {
  it('keeps the newest requests in a bounded ring, newest first, with their failover path', () => {
    const feed = new RequestFeed(3);
    for (const id of ['r1', 'r2', 'r3', 'r4']) feed.publish(finished(id, 'k'));
    expect(feed.recent().map((s) => s.record.request_id)).toEqual(['r4', 'r3', 'r2']);
    expect(feed.find('r1')).toBeUndefined();
    expect(feed.find('r3')?.attempts).toEqual(['a', 'b']);
  });

  it('counts use per key', () => {
    const feed = new RequestFeed(2);
    feed.publish(finished('r1', 'team', true));
    feed.publish(finished('r2', 'team'));
    feed.publish(finished('r3', 'team'));
    expect(feed.keyUse('team')).toMatchObject({ requests: 3, blocked: 1 });
    expect(feed.keyUse('nobody')).toEqual({ requests: 0, blocked: 0, lastSeen: null });
  });

  it('delivers batches to viewers and counts the batches a viewer behind had to lose', async () => {
    const feed = new RequestFeed(10, 5);
    const got: RequestSummary[][] = [];
    const stop = feed.subscribe({ deliver: (b) => got.push([...b]) > 0 });
    feed.subscribe({ deliver: () => false });
    feed.publish(finished('r1', null));
    feed.publish(finished('r2', null));
    await new Promise((r) => setTimeout(r, 30));
    expect(got.map((b) => b.map((s) => s.record.request_id))).toEqual([['r1', 'r2']]);
    expect(feed.dropped).toBe(1);
    stop();
    expect(feed.viewers).toBe(1);
  });

  it('queues nothing while nobody watches', async () => {
    const feed = new RequestFeed(10, 5);
    feed.publish(finished('r1', null));
    const got: RequestSummary[][] = [];
    feed.subscribe({ deliver: (b) => got.push([...b]) > 0 });
    await new Promise((r) => setTimeout(r, 30));
    expect(got).toEqual([]);
  });
});
