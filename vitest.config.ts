import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/pglite-template.ts'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite is ~340 MB per instance and initdb is CPU-bound: two workers fit the 2-core machine.
    maxWorkers: 2,
  },
});
