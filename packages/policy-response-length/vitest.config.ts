import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@keeptrusts/policy-response-length', include: ['src/**/*.test.ts'] },
});
