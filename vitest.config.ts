import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Statistical validation runs long simulations; give them room without hiding a hang.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on a 2-core machine is one test process; the suite's long tests are
    // mostly child processes and worker threads waiting on each other, so two overlap well.
    maxWorkers: 2,
  },
});
