import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@keeptrusts/gateway',
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
