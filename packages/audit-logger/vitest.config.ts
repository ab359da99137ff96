import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@keeptrusts/audit-logger', include: ['src/**/*.test.ts'] },
});
