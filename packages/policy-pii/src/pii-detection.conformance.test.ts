import { testPolicy } from '@keeptrusts/testkit/conformance';
import { piiDetection } from './pii-detection.js';

const employeeId = {
  name: 'employee_id',
  regex: String.raw`\bEMP-\d{6}\b`,
  placeholder: '[EMP]',
  max_length: 10,
};

testPolicy(piiDetection, {
  valid: [
    {},
    { action: 'redact', patterns: ['ssn', 'email'] },
    { action: 'block' },
    { patterns: [], custom: [employeeId] },
    { placeholder: '<{type} removed>' },
  ],
  invalid: [
    {
      config: { action: 'erase' },
      message: 'policies[0].rules[0].action: expected one of "redact", "block"',
    },
    {
      config: { patterns: ['ssn', 'ssnn'] },
      message: 'patterns[1]: expected one of "ssn", "credit_card", "email"',
    },
    { config: { patterns: [] }, message: 'patterns: list at least one pattern' },
    { config: { custom: [{ ...employeeId, name: 'ssn' }] }, message: '"ssn" is a built-in pattern' },
    { config: { custom: [{ ...employeeId, regex: '(' }] }, message: 'regex: invalid regular expression' },
    {
      config: { custom: [{ ...employeeId, max_length: 5000 }] },
      message: 'max_length: expected a number <= 1024, got 5000',
    },
    { config: { redact: true }, message: 'unknown key "redact"' },
  ],
  cases: [
    {
      name: 'redacts an SSN and an e-mail address in a prompt',
      config: { patterns: ['ssn', 'email'] },
      request: 'My SSN is 514-79-5339, mail me at jane.doe@example.com',
      expect: { modify: 'My SSN is [REDACTED:SSN], mail me at [REDACTED:EMAIL]' },
    },
    {
      name: 'blocks a prompt holding a card number when the action is block',
      config: { action: 'block' },
      request: 'Charge card 4636 9661 8787 3712 please',
      expect: { block: 'pii_detected' },
    },
    {
      name: 'lets a prompt without PII through',
      config: {},
      request: 'The capital of France is Paris.',
      expect: 'allow',
    },
    {
      name: 'redacts an answer, streamed or whole',
      config: {},
      response: 'Sure: your SSN is 514-79-5339, and mine is not.',
      expect: { modify: 'Sure: your SSN is [REDACTED:SSN], and mine is not.' },
    },
    {
      name: 'ends an answer before a card number when the action is block',
      config: { action: 'block' },
      response: 'Your card: 4636966187873712.',
      expect: { block: 'pii_detection_blocked', text: 'Your card: ' },
    },
    {
      name: 'lets an answer without PII through',
      config: {},
      response: 'Paris, since 508.',
      expect: 'allow',
    },
    {
      name: 'uses a custom pattern with its own placeholder',
      config: { patterns: ['email'], custom: [employeeId] },
      request: 'Badge EMP-123456 belongs to ann@example.org',
      expect: { modify: 'Badge [EMP] belongs to [REDACTED:EMAIL]' },
    },
  ],
});
