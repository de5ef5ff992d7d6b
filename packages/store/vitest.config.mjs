import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Property tests draw the same cases each run, seeded from the test's name
    // (FC_SEED=random explores): their coverage guards cannot fail on draws alone.
    setupFiles: ['src/testing/fastCheckSeed.ts'],
    // These tests open real SQLite files, start real HTTP servers and hash passwords
    // with scrypt. CI shares 2 cores among all the packages' test runs, where Vitest's
    // 5 s default has timed out a correct test: give each test and hook 30 s.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One module graph per worker, not one per file: each file imported the whole graph
    // again (a 40% share of the server package's CPU, 14% of the store's). Each file
    // opens its own stores and servers: files share modules, not state.
    isolate: false,
  },
});
