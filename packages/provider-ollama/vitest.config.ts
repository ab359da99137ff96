import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@keeptrusts/provider-ollama', include: ['src/**/*.test.ts'] },
});
