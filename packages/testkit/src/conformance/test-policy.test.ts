import { type AnswerTransform, allow, block, definePolicy, modify } from '@keeptrusts/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testPolicy } from './test-policy.js';

// A rule of each decision kind: blocks or masks a word in prompts, and scans answers for it.
const maskWord = definePolicy({
  type: 'mask_word',
  configSchema: z.strictObject({ action: z.enum(['mask', 'block']), word: z.string().min(2) }),
  create(config) {
    const mask = '*'.repeat(config.word.length);
    return {
      onRequest(request) {
        const hits = request.segments.filter((s) => s.text.includes(config.word));
        if (hits.length === 0) return allow();
        if (config.action === 'block') return block({ code: 'word_used', reason: 'the word is used' });
        return modify({ segments: new Map(hits.map((s) => [s.id, s.text.replaceAll(config.word, mask)])) });
      },
      responseScanner: {
        holdback: config.word.length,
        lookbehind: 0,
        scan: (text) =>
          [...text.matchAll(new RegExp(config.word, 'g'))].map((m) => ({
            start: m.index,
            end: m.index + config.word.length,
            type: 'word',
            ...(config.action === 'mask' ? { replacement: mask } : {}),
          })),
      },
    };
  },
});

testPolicy(maskWord, {
  valid: [{ action: 'mask', word: 'xy' }],
  invalid: [
    {
      config: { action: 'erase', word: 'xy' },
      message: 'action: expected one of "mask", "block", got "erase"',
    },
    {
      config: { action: 'mask', word: 'x' },
      message: /^policies\[0\]\.rules\[0\]\.word: expected a text of at least 2/,
    },
  ],
  cases: [
    {
      name: 'masks a prompt',
      config: { action: 'mask', word: 'xy' },
      request: 'a xy b',
      expect: { modify: 'a ** b' },
    },
    {
      name: 'masks each segment of a prompt',
      config: { action: 'mask', word: 'xy' },
      request: {
        segments: [
          { id: 0, role: 'system', source: 'message', text: 'no' },
          { id: 1, role: 'user', source: 'message', text: 'xyxy' },
        ],
      },
      expect: { modify: ['no', '****'] },
    },
    {
      name: 'blocks a prompt',
      config: { action: 'block', word: 'xy' },
      request: 'xy',
      expect: { block: 'word_used' },
    },
    { name: 'allows a prompt', config: { action: 'block', word: 'xy' }, request: 'x y', expect: 'allow' },
    {
      name: 'masks an answer',
      config: { action: 'mask', word: 'xy' },
      response: 'axyb',
      expect: { modify: 'a**b' },
    },
    {
      name: 'ends an answer',
      config: { action: 'block', word: 'xy' },
      response: 'ab xy cd',
      expect: { block: 'mask_word_blocked', text: 'ab ' },
    },
  ],
});

// Answer transforms, as a third party writes them: one that streams, one that needs the whole answer.
const capChars = definePolicy({
  type: 'cap_chars',
  configSchema: z.strictObject({ max: z.number().int().positive(), shout: z.boolean().default(false) }),
  create(config) {
    const shout = (text: string) => (config.shout ? text.toUpperCase() : text);
    const transform: AnswerTransform = config.shout
      ? { mode: 'buffered', apply: (text) => ({ text: shout(text.slice(0, config.max)) }) }
      : {
          mode: 'incremental',
          start() {
            let room = config.max;
            return {
              push(text) {
                const kept = text.slice(0, room);
                room -= kept.length;
                return kept.length === text.length
                  ? { text }
                  : { text: kept, finishReason: 'length', findings: [{ type: 'truncated', count: 1 }] };
              },
              end: () => ({ text: '' }),
            };
          },
        };
    return { answerTransform: transform };
  },
});

testPolicy(capChars, {
  valid: [{ max: 1 }, { max: 5, shout: true }],
  invalid: [{ config: { max: 0 }, message: 'max: expected a number > 0, got 0' }],
  cases: [
    {
      name: 'cuts an answer, streamed or whole',
      config: { max: 5 },
      response: 'abcdefgh',
      expect: { modify: 'abcde', finishReason: 'length' },
    },
    { name: 'leaves a short answer alone', config: { max: 50 }, response: 'abc', expect: 'allow' },
    {
      name: 'rewrites a whole answer',
      config: { max: 3, shout: true },
      response: 'abcdef',
      expect: { modify: 'ABC' },
    },
  ],
});

describe('testPolicy', () => {
  it('refuses a case with both a request and a response, or neither', () => {
    const config = { action: 'mask', word: 'xy' } as const;
    expect(() =>
      testPolicy(maskWord, {
        valid: [],
        invalid: [],
        cases: [{ name: 'both', config, request: 'a', response: 'b', expect: 'allow' }],
      }),
    ).toThrow('testPolicy(mask_word): case "both" needs exactly one of request and response');
    expect(() =>
      testPolicy(maskWord, { valid: [], invalid: [], cases: [{ name: 'neither', config, expect: 'allow' }] }),
    ).toThrow('case "neither" needs exactly one');
  });
});
