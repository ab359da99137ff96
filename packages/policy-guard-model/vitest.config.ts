import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@keeptrusts/policy-guard-model', include: ['src/**/*.test.ts'] },
});
