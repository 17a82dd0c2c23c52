import { defineConfig } from 'vitest/config';

// Real browsers with the built extension: one browser per file, Chromium and Firefox side by side.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    maxWorkers: 2,
  },
});
