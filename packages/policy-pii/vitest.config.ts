import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@keeptrusts/policy-pii', include: ['src/**/*.test.ts'] },
});
