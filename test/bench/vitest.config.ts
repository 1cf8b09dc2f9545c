import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(__dirname, '../..');

// `npm run bench`: figures printed to the console, not pass/fail timings. Kept out of `npm test`.
export default defineConfig({
  root,
  resolve: {
    alias: { '@core': resolve(root, 'src/core'), '@shared': resolve(root, 'src/shared') },
  },
  test: {
    include: ['test/bench/**/*.bench-run.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
