import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@keeptrusts/word-model', include: ['src/**/*.test.ts'] },
});
