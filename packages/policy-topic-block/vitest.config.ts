import { defineProject } from 'vitest/config';

export default defineProject({
  // The first matcher in each test file compiles the shared trie (about 70,000 phrases since #20)
  // and the learned models once; on a loaded shared machine that alone can pass vitest's 5 s default.
  test: { name: '@keeptrusts/policy-topic-block', include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
