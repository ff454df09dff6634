import { defineConfig } from 'vitest/config';

// Unit tests sit beside their modules (src/**/x.test.ts); browser and CLI tests live in test/.
// Browser tests start real Chromium: they get long timeouts and run few at a time (2 cores here).
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
