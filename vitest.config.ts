import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Statistical validation runs long simulations; give them room without hiding a hang.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
