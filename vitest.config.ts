import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start real servers and child processes; two cores on CI.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Entry-point tests run the compiled app, as `npm start` does: rebuild dist/ when stale.
    globalSetup: ['./test/support/build-dist.ts'],
    // The last line names any program whose suites were skipped because it is missing.
    reporters: ['default', './test/support/skipped-services-reporter.ts'],
  },
});
