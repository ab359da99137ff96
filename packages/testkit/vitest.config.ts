import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@keeptrusts/testkit', include: ['src/**/*.test.ts'] },
});
