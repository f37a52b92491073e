import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // The last line of a run counts the skipped tests and names what they lacked (a tool, ../shared, dist/).
    reporters: ['default', './test/helpers/skip-summary.ts'],
    // Commands pick their language from the locale when --lang is absent: tests run in a neutral
    // locale so a Japanese developer machine gets the same results (tests that want ja say so).
    env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  },
});
