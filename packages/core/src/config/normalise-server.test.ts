import { describe, expect, it } from 'vitest';
import { parseSize } from './normalise-server.js';

describe('parseSize', () => {
  it.each([
    [2048, 2048],
    ['512b', 512],
    ['1kb', 1000],
    ['1KiB', 1024],
    ['1.5 mb', 1_500_000],
    ['2mib', 2 * 1024 * 1024],
  ])('reads %j as %i bytes', (written, bytes) => {
    expect(parseSize(written)).toBe(bytes);
  });
});
