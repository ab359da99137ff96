import type { PolicyHooks, PolicyRequest, TextSegment } from '@keeptrusts/core';
import { chatScope, policyChainFor } from '@keeptrusts/testkit';
import { describe, expect, it } from 'vitest';
import manifest, {
  createPiiScanner,
  knownPatterns,
  type PiiDetectionConfigInput,
  piiDetection,
  piiDetectionConfigSchema,
} from './index.js';

const create = async (input: unknown): Promise<PolicyHooks> =>
  piiDetection.create(piiDetectionConfigSchema.parse(input), { policyId: 'local-privacy-policy' });

const answerOf = async (rule: unknown, text: string) =>
  (await policyChainFor(piiDetection, rule)).response(chatScope, { text, finishReason: 'stop' });

const request = (segments: readonly Omit<TextSegment, 'id'>[]): PolicyRequest => ({
  endpoint: 'chat',
  targetId: 'local-llama',
  model: 'llama3.3',
  segments: segments.map((segment, id) => ({ id, ...segment })),
  maxTokens: undefined,
  metadata: {},
});

const seedRule = {
  action: 'redact',
  patterns: ['ssn', 'credit_card', 'email'],
} satisfies PiiDetectionConfigInput;

describe('pii_detection', () => {
  it('is a policy definition of type pii_detection', () => {
    expect(piiDetection).toMatchObject({ kind: 'policy', type: 'pii_detection' });
  });

  it('redacts every segment that holds PII and reports counts per type', async () => {
    const hooks = await create(seedRule);
    const decision = await hooks.onRequest?.(
      request([
        { role: 'system', source: 'message', text: 'You are helpful.' },
        { role: 'user', source: 'message', text: 'My SSN is 514-79-5339, mail me at jane.doe@example.com' },
        {
          role: 'assistant',
          source: 'tool_arguments',
          text: '{"card":"4636 9661 8787 3712","cc":"bob@acme.com"}',
        },
        { source: 'embedding_input', text: 'nothing here' },
      ]),
    );
    expect(decision).toEqual({
      kind: 'modify',
      segments: new Map([
        [1, 'My SSN is [REDACTED:SSN], mail me at [REDACTED:EMAIL]'],
        [2, '{"card":"[REDACTED:CREDIT_CARD]","cc":"[REDACTED:EMAIL]"}'],
      ]),
      findings: [
        { type: 'ssn', count: 1 },
        { type: 'credit_card', count: 1 },
        { type: 'email', count: 2 },
      ],
    });
  });

  it('allows a prompt without PII and reports no findings', async () => {
    const hooks = await create(seedRule);
    expect(
      await hooks.onRequest?.(request([{ role: 'user', source: 'message', text: 'Hello there' }])),
    ).toEqual({
      kind: 'allow',
      findings: [],
    });
  });

  it('blocks a prompt with PII when the action is block, naming types and counts', async () => {
    const hooks = await create({ ...seedRule, action: 'block' });
    const decision = await hooks.onRequest?.(
      request([
        { role: 'user', source: 'message', text: 'SSN 514-79-5339' },
        { source: 'prompt', text: 'a@example.com and b@example.com' },
      ]),
    );
    expect(decision).toEqual({
      kind: 'block',
      code: 'pii_detected',
      reason: 'the prompt contains ssn (1), email (2)',
      findings: [
        { type: 'ssn', count: 1 },
        { type: 'email', count: 2 },
      ],
    });
  });

  it('never puts the matched text in findings or reasons', async () => {
    const values = ['514-79-5339', 'jane.doe@example.com', '4636 9661 8787 3712'];
    const text = `SSN ${values[0]}, ${values[1]}, card ${values[2]}`;
    for (const action of ['redact', 'block']) {
      const hooks = await create({ ...seedRule, action });
      const decision = await hooks.onRequest?.(request([{ role: 'user', source: 'message', text }]));
      const answer = await answerOf({ ...seedRule, action }, text);
      const reports = [
        JSON.stringify({ ...decision, segments: undefined }),
        JSON.stringify({ decisions: answer.decisions, blocked: answer.blocked }),
      ];
      for (const report of reports) for (const value of values) expect(report).not.toContain(value);
    }
  });

  // Answers go through the chain, which runs the rule's responseScanner on them (whole, or as a
  // stream in incremental mode): the policy has no separate onResponse.
  it('redacts an answer', async () => {
    expect(await answerOf(seedRule, 'Sure: your SSN is 514-79-5339.')).toMatchObject({
      text: 'Sure: your SSN is [REDACTED:SSN].',
      decisions: [{ action: 'modify', findings: [{ type: 'ssn', count: 1 }] }],
    });
  });

  it('ends an answer before the first value when the action is block', async () => {
    expect(await answerOf({ ...seedRule, action: 'block' }, 'Your card: 4636966187873712.')).toMatchObject({
      text: 'Your card: ',
      finishReason: 'content_filter',
      blocked: { code: 'pii_detection_blocked', reason: 'the answer contains credit_card' },
    });
  });

  it('allows an answer without PII', async () => {
    expect(await answerOf(seedRule, 'The capital of France is Paris.')).toMatchObject({
      text: 'The capital of France is Paris.',
      decisions: [{ action: 'allow', findings: [] }],
    });
  });

  it('uses a configured placeholder, and a custom pattern its own', async () => {
    const rule = {
      patterns: ['ssn', 'email'],
      placeholder: '<{type} removed>',
      custom: [
        { name: 'employee_id', regex: String.raw`\bEMP-\d{6}\b`, placeholder: '[EMP]', max_length: 10 },
      ],
    };
    expect(await answerOf(rule, 'EMP-004211 has SSN 514-79-5339, mail x@example.org')).toMatchObject({
      text: '[EMP] has SSN <ssn removed>, mail <email removed>',
      decisions: [
        {
          findings: [
            { type: 'employee_id', count: 1 },
            { type: 'ssn', count: 1 },
            { type: 'email', count: 1 },
          ],
        },
      ],
    });
  });

  it('counts overlapping custom matches once', async () => {
    const rule = { patterns: [], custom: [{ name: 'digits', regex: String.raw`\d{3}`, max_length: 3 }] };
    expect(await answerOf(rule, 'code 12345 ok')).toMatchObject({
      text: 'code [REDACTED:DIGITS] ok',
      decisions: [{ findings: [{ type: 'digits', count: 1 }] }],
    });
  });

  it('offers a response scanner with the same hold-back as createPiiScanner', async () => {
    const hooks = await create(seedRule);
    const scanner = createPiiScanner(seedRule);
    expect(hooks.responseScanner).toMatchObject({
      holdback: scanner.holdback,
      lookbehind: scanner.lookbehind,
    });
    expect(hooks.responseScanner?.scan('SSN 514-79-5339')).toEqual(scanner.scan('SSN 514-79-5339'));
  });
});

describe('plugin manifest', () => {
  it('names the package, its version and the policy', () => {
    expect(manifest).toMatchObject({
      kind: 'plugin',
      name: '@keeptrusts/policy-pii',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      policies: [piiDetection],
    });
  });

  it('exports the known pattern names', () => {
    expect(knownPatterns).toEqual([
      'ssn',
      'credit_card',
      'email',
      'passport_number',
      'phone',
      'ip_address',
      'iban',
    ]);
  });
});
