import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '@core/platform/electron-binary';

const root = join(__dirname, '../../..');
const electron = await findElectronBinary(root);

// Where Electron can be downloaded the launcher opens the real app instead; that path is the E2E run
// `npm run test:e2e:electron`. On machines without it (like CI here) this is what `npm start` does.
describe.runIf(electron.state !== 'present')('npm start without the Electron binary', () => {
  it('explains in one paragraph what is missing, how to get it, and points to the browser preview', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ponte-launcher-'));
    try {
      const result = spawnSync(process.execPath, [join(root, 'out/main/launcher.js')], {
        env: { ...process.env, PONTE_DATA_DIR: dataDir, LANG: 'fr_FR.UTF-8', LC_ALL: '', LANGUAGE: '' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.status).toBe(1);
      const paragraphs = result.stderr
        .split(/\n\s*\n/)
        .filter((text) => text.includes('Electron') && text.length > 200);
      expect(paragraphs).toHaveLength(1);
      expect(paragraphs[0]).toContain('npx install-electron');
      expect(paragraphs[0]).toContain('npm run dev:web');
      expect(paragraphs[0]).toMatch(/navigateur/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
