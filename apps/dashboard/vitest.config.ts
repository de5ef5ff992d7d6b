import { defineConfig } from 'vitest/config';

// Unit tests cover the pure pieces (parsing, formatting, mapping); no browser, no JSX transform needed.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bundleBudget.test.ts'],
    environment: 'node',
  },
});
