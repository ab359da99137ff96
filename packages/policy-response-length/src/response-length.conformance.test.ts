import { testPolicy } from '@keeptrusts/testkit/conformance';
import { responseLength } from './response-length.js';

const long = 'one two three four five six seven eight nine ten eleven twelve';

testPolicy(responseLength, {
  valid: [
    { action: 'truncate', max_tokens: 1 },
    { action: 'truncate', max_tokens: 4096 },
  ],
  invalid: [
    { config: { action: 'truncate', max_tokens: 0 }, message: 'max_tokens: expected a number > 0, got 0' },
    { config: { action: 'truncate', max_tokens: 2.5 }, message: 'max_tokens: expected an integer, got 2.5' },
    { config: { action: 'cut', max_tokens: 5 }, message: 'action: expected "truncate", got "cut"' },
    { config: { action: 'truncate' }, message: 'max_tokens: required: expected a number' },
  ],
  cases: [
    {
      name: 'caps the tokens a request asks for',
      config: { action: 'truncate', max_tokens: 5 },
      request: {
        segments: [{ id: 0, role: 'user', source: 'message', text: 'Tell me a story.' }],
        maxTokens: 500,
      },
      expect: { maxTokens: 5 },
    },
    {
      name: 'caps a request that asks for no limit',
      config: { action: 'truncate', max_tokens: 5 },
      request: 'Tell me a story.',
      expect: { maxTokens: 5 },
    },
    {
      name: 'leaves a request that asks for fewer tokens alone',
      config: { action: 'truncate', max_tokens: 5 },
      request: { segments: [{ id: 0, role: 'user', source: 'message', text: 'Hi' }], maxTokens: 3 },
      expect: 'allow',
    },
    {
      name: 'cuts an answer that runs over, streamed or whole',
      config: { action: 'truncate', max_tokens: 4 },
      response: long,
      expect: { modify: 'one two three four ', finishReason: 'length' },
    },
    {
      name: 'leaves a short answer alone',
      config: { action: 'truncate', max_tokens: 50 },
      response: long,
      expect: 'allow',
    },
  ],
});
