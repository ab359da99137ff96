import { testPolicy } from '@keeptrusts/testkit/conformance';
import { keywordDeny } from './keyword-deny.js';

const rule = { action: 'block' as const, words: ['project-x'] };

testPolicy(keywordDeny, {
  valid: [rule, { action: 'block', words: ['a', 'b c'] }],
  invalid: [
    { config: { action: 'block', words: [] }, message: 'words: expected a list with at least 1 item(s)' },
    {
      config: { action: 'block', words: [' '] },
      message: 'words[0]: expected a text of at least 1 character(s)',
    },
    { config: { action: 'warn', words: ['x'] }, message: 'action: expected "block", got "warn"' },
    { config: { action: 'block', word: 'x' }, message: 'unknown key "word"' },
  ],
  cases: [
    {
      name: 'blocks a prompt with a denied word, ignoring case',
      config: rule,
      request: 'tell me about PROJECT-X',
      expect: { block: 'keyword_denied' },
    },
    {
      name: 'lets a word that only contains it through',
      config: { action: 'block', words: ['art'] },
      request: 'a party at the start',
      expect: 'allow',
    },
    {
      name: 'ends an answer before a denied word, streamed or whole',
      config: rule,
      response: 'The plan is called Project-X and ships soon.',
      expect: { block: 'keyword_deny_blocked', text: 'The plan is called ' },
    },
    {
      name: 'lets an answer without one through',
      config: rule,
      response: 'Nothing to see.',
      expect: 'allow',
    },
  ],
});
