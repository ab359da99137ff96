import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'keeptrusts-policy-keyword-deny', include: ['src/**/*.test.ts'] },
});
