import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@core': resolve(__dirname, 'src/core'),
  '@shared': resolve(__dirname, 'src/shared'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/rig/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The rig is one set of servers: files share it, one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
