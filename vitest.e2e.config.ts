import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/pglite-template.ts'],
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Browsers and the embedded database share two cores: one file at a time.
    fileParallelism: false,
    // A screen that updates after a request may take seconds on a loaded 2-core machine: poll for up to 15 s.
    expect: { poll: { timeout: 15_000 } },
    maxWorkers: 1,
  },
});
