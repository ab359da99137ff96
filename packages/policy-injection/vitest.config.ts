import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@keeptrusts/policy-injection', include: ['src/**/*.test.ts'] },
});
