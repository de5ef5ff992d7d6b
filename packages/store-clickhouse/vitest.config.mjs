import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each suite starts a real clickhouse-server (a few seconds on a busy 2-core
    // machine) and runs property tests against it and SQLite: generous, explicit limits.
    testTimeout: 120_000,
    hookTimeout: 90_000,
  },
});
