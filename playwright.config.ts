import { defineConfig } from '@playwright/test';

// The target (browser preview in Debian's Chromium, or the real Electron app) is chosen by the fixture in
// test/e2e/fixtures.ts from PONTE_E2E_TARGET, so every spec runs on both unchanged.
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
