import { defineConfig } from 'vitest/config';

/**
 * Files that measure time (a collect answered within 250 ms while a heavy query
 * runs, a live push shown within 2 s, latency under load, a kill -9 mid-batch): they
 * run last, one at a time, with nothing else of this package beside them.
 */
const TIMED = [
  'src/heavyQuery.test.ts',
  'src/collectorLoad.test.ts',
  'src/live.browser.test.ts',
  'src/killNine.test.ts',
];

// Browser and process tests start servers and Chromium: give them room.
const limits = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'browser',
          include: ['src/**/*.test.ts'],
          exclude: TIMED,
          // Property tests draw the same cases each run, seeded from the test's name
          // (FC_SEED=random explores): their coverage guards cannot fail on draws alone.
          setupFiles: ['../packages/store/src/testing/fastCheckSeed.ts'],
          globalSetup: ['src/support/buildExamples.ts'],
          ...limits,
          // Two files at a time: each spends much of its time waiting (a page to
          // render, a server to start), so two keep a 2-core machine busy where one
          // left it half idle (this package alone: 584 s, 0.8 of a core, one at a time).
          maxWorkers: 2,
          // One module graph per worker, not one per file: each file imported the whole graph
          // again (a 40% share of the server package's CPU, 14% of the store's). Each file
          // opens its own stores and servers: files share modules, not state.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'timed',
          include: TIMED,
          ...limits,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
