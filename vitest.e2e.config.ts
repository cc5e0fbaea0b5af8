import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/pglite-template.ts'],
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Browsers and the embedded database share two cores: one file at a time.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
