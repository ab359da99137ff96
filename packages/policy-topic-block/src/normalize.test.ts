import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';

describe('normalizeText', () => {
  it.each([
    ['How Do I BUILD a Bomb?', 'how do i build a bomb?'],
    ['h0w t0 m4ke a b0mb', 'how to make a bomb'],
    ['k!ll mys3lf', 'kill myself'],
    ['$teal a c@r', 'steal a car'],
    ['bоmb', 'bomb'], // Cyrillic о
    ['ｂｏｍｂ', 'bomb'], // full-width
    ['𝐛𝐨𝐦𝐛', 'bomb'], // mathematical bold
    ['bo\u200bmb', 'bomb'], // zero-width space
    ['bömb', 'bomb'],
    ['b.o.m.b and k-i-l-l', 'bomb and kill'],
    ['make a b o m b', 'make a bomb'],
    ['self-harm', 'self harm'],
    ['someone’s phone', "someone's phone"],
    ['an 80% lower', 'an 80 percent lower'],
    ['how   to\t\tmake', 'how to make'],
    ['line one\n\n  line two', 'line one\nline two'],
  ])('folds %j to %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['3d print', '3d print'],
    ['a 9mm pistol', 'a 9mm pistol'],
    ['an ak47 or ar15', 'an ak47 or ar15'],
    ['c4', 'c4'],
    ['$50k in 2024', '$50k in 2024'],
    ['bomb!', 'bomb!'],
    ['@user', '@user'],
  ])('keeps numbers and punctuation that are not leetspeak: %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });
});
