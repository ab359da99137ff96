import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@keeptrusts/provider-openai', include: ['src/**/*.test.ts'] },
});
