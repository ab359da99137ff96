import { describe, expect, it } from 'vitest';
import type { QueueEntry } from './write-queue.js';
import { WriteQueue } from './write-queue.js';

const limits = { maxPendingRecords: 3, maxPendingBytes: 1_000_000, retryIntervalMs: 0 };

/** A batch writer that writes one entry per call, each call waiting until the test releases it. */
function gatedWriter() {
  const written: number[] = [];
  const gates: (() => void)[] = [];
  const write = (entries: readonly QueueEntry[], start: number) =>
    new Promise<number>((resolve) => {
      gates.push(() => {
        written.push(entries[start]!.seq);
        resolve(1);
      });
    });
  const release = async () => {
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()!();
  };
  return { written, write, release };
}

describe('WriteQueue', () => {
  it('resolves each flush once the records before it are written, in order', async () => {
    const writer = gatedWriter();
    const queue = new WriteQueue<QueueEntry>(0, writer.write, limits);
    const order: string[] = [];
    queue.push({ seq: 1, size: 1 });
    const first = queue.flush().then(() => order.push('first'));
    queue.push({ seq: 2, size: 1 });
    const second = queue.flush().then(() => order.push('second'));
    await writer.release();
    await first;
    expect(order).toEqual(['first']);
    await writer.release();
    await second;
    expect(order).toEqual(['first', 'second']);
    expect(writer.written).toEqual([1, 2]);
  });

  it('bounds what it holds while the writer is merely slow', async () => {
    const writer = gatedWriter();
    const queue = new WriteQueue<QueueEntry>(0, writer.write, limits);
    for (let seq = 1; seq <= 3; seq++) {
      queue.reserve();
      queue.push({ seq, size: 10 });
    }
    expect(() => queue.reserve()).toThrow('the sink is slower than traffic');
    expect(queue.stats()).toEqual({
      appendedSeq: 3,
      writtenSeq: 0,
      pendingRecords: 3,
      pendingBytes: 30,
      rejectedRecords: 1,
    });
    await writer.release();
    await writer.release();
    await writer.release();
    await queue.flush();
    expect(() => queue.reserve()).not.toThrow();
  });

  it('survives an onFailure callback that throws', async () => {
    let fail = true;
    const queue = new WriteQueue<QueueEntry>(
      0,
      async () => {
        if (fail) throw new Error('boom');
        return 1;
      },
      {
        ...limits,
        onFailure: () => {
          throw new Error('callback bug');
        },
      },
    );
    queue.push({ seq: 1, size: 1 });
    await expect(queue.flush()).rejects.toThrow('boom');
    fail = false;
    await queue.flush();
    expect(queue.failed).toBe(false);
  });
});
