import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Browser tests share two cores with the whole suite; a second is too short a wait for a page under that load.
    expect: { poll: { timeout: 5_000 } },
  },
});
