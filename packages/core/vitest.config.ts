import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@keeptrusts/core', include: ['src/**/*.test.ts'] },
});
