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
    // Test files in one worker share its modules instead of importing src/ afresh per file: the
    // suite's import time fell from 96 s to about 20 s of CPU, and `vitest run` from 295-305 s to
    // 198-240 s on the 2-core VM (the five-minute budget of CI). So a test must leave no changed
    // state behind (environment variables, process.exitCode, patched stdout, mocks): restore it in
    // a finally or afterEach, as the tests do. Checked with shuffled file orders
    // (`npx vitest run --sequence.shuffle.files --sequence.seed=N`, seeds 7 and 13).
    isolate: false,
  },
});
