import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@keeptrusts/policy-topic-block', include: ['src/**/*.test.ts'] },
});
