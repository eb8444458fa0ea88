import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'core/**/*.test.ts',
      'renderer/**/*.test.ts',
      'app/**/*.test.ts',
      'electron/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    setupFiles: ['tests/own-app-data.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
