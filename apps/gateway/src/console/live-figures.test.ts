import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { quantileMs } from './live-figures.js';

describe('quantileMs', () => {
  it('interpolates within the bucket the rank falls in, over the window only', async () => {
    const registry = new Registry();
    const h = new Histogram({ name: 'h', help: 'h', buckets: [0.01, 0.1, 1], registers: [registry] });
    const snapshot = async () => {
      const values = (await h.get()).values.filter((v) => v.metricName === 'h_bucket');
      return new Map(values.map((v) => [v.labels.le === '+Inf' ? Infinity : Number(v.labels.le), v.value]));
    };
    for (let i = 0; i < 10; i++) h.observe(5); // before the window: in +Inf
    const before = await snapshot();
    for (let i = 0; i < 9; i++) h.observe(0.005);
    h.observe(0.5);
    const after = await snapshot();
    expect(quantileMs(before, after, 0.5)).toBeCloseTo(5.6, 1);
    expect(quantileMs(before, after, 0.95)).toBeCloseTo(550, 0);
    expect(quantileMs(after, after, 0.5)).toBeNull();
  });
});
