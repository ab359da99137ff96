import { describe, expect, it } from 'vitest';
import { goDecodeBase64 } from './go-base64.js';

describe('goDecodeBase64', () => {
  it('decodes padded standard base64', () => {
    expect(goDecodeBase64('aGk=')).toEqual(Uint8Array.from([104, 105]));
    expect(goDecodeBase64('aGVsbG8=\n')).toEqual(new TextEncoder().encode('hello'));
  });

  it.each([
    ['data:image/png;base64,iVBORw0=', 'illegal base64 data at input byte 4'],
    ['aGk', 'illegal base64 data at input byte 0'],
    ['aG=k', 'illegal base64 data at input byte 2'],
    ['aGk=x', 'illegal base64 data at input byte 4'],
  ])('reports %j at the byte Go reports', (input, message) => {
    expect(goDecodeBase64(input)).toBe(message);
  });
});
