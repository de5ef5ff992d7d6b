import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The conformance suites (`@parcours/store/conformance`) are the store's source,
    // and check errors with instanceof: the engine must see the same classes, so the
    // tests read `@parcours/store` from source too.
    alias: [
      {
        find: /^@parcours\/store$/,
        replacement: fileURLToPath(new URL('../store/src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['src/**/*.test.ts'],
    // Property tests draw the same cases each run, seeded from the test's name
    // (FC_SEED=random explores): their coverage guards cannot fail on draws alone.
    setupFiles: ['../store/src/testing/fastCheckSeed.ts'],
    // Each suite starts a real clickhouse-server (a few seconds on a busy 2-core
    // machine) and runs property tests against it and SQLite: generous, explicit limits.
    testTimeout: 120_000,
    hookTimeout: 90_000,
    // Two suites at a time, each with its own server: one suite alternates between
    // Node (SQLite, fast-check) and ClickHouse, so two keep both cores busy; one at a
    // time left a core idle and made this package CI's longest task (14.6 min).
    maxWorkers: 2,
    // One module graph per worker, not one per file: each file imported the whole graph
    // again (a 40% share of the server package's CPU, 14% of the store's). Each file
    // opens its own stores and servers: files share modules, not state.
    isolate: false,
  },
});
