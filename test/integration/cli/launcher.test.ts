import { spawnSync } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '@core/platform/electron-binary';
import { useTempDir } from '../../support/use-temp-dir';

const root = join(__dirname, '../../..');
const electron = await findElectronBinary(root);

// Where Electron can be downloaded the launcher opens the real app instead; that path is the E2E run
// `npm run test:e2e:electron`. On machines without it (like CI here) this is what `npm start` does.
describe.runIf(electron.state !== 'present')('npm start without the Electron binary', () => {
  const dataDir = useTempDir('ponte-launcher-');

  it('opens the same UI in a browser’s app window on the loopback bridge, and stops it when the window closes', async () => {
    // A stand-in browser: records how it was started, loads the page and calls core as the UI would.
    const browser = join(dataDir(), 'browser');
    const record = join(dataDir(), 'browser.json');
    await writeFile(
      browser,
      `#!${process.execPath}
const app = process.argv.find((arg) => arg.startsWith('--app='))?.slice(6) ?? '';
const url = new URL(app);
const token = decodeURIComponent(url.hash.replace('#token=', ''));
(async () => {
  const page = await fetch(url.origin + '/');
  const call = await fetch(url.origin + '/api/invoke', {
    method: 'POST',
    headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'app:info' }),
  });
  require('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({
    args: process.argv.slice(2), page: page.status, html: (await page.text()).includes('<html'),
    info: await call.json(), origin: url.origin,
  }));
})();
`,
    );
    await chmod(browser, 0o755);
    const result = spawnSync(process.execPath, [join(root, 'out/main/launcher.js')], {
      env: {
        ...process.env,
        PONTE_DATA_DIR: dataDir(),
        PONTE_BROWSER: browser,
        LANG: 'it_IT.UTF-8',
        LC_ALL: '',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('come finestra di app');
    const seen = JSON.parse(await readFile(record, 'utf8')) as {
      args: string[];
      page: number;
      html: boolean;
      info: { ok: boolean; value: { shell: string } };
      origin: string;
    };
    expect(seen.args).toEqual([
      expect.stringMatching(/^--app=http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/),
      `--user-data-dir=${join(dataDir(), 'app-window')}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
    ]);
    expect([seen.page, seen.html]).toEqual([200, true]);
    expect(seen.info).toMatchObject({ ok: true, value: { shell: 'browser' } });
    // The window closed: the bridge is gone with it.
    await expect(fetch(`${seen.origin}/`)).rejects.toThrow();
  });

  it('with no browser either, explains in one paragraph what is missing, how to get it, and points to the browser preview', async () => {
    const result = spawnSync(process.execPath, [join(root, 'out/main/launcher.js')], {
      env: {
        ...process.env,
        PONTE_DATA_DIR: dataDir(),
        PONTE_BROWSER: 'none',
        LANG: 'fr_FR.UTF-8',
        LC_ALL: '',
        LANGUAGE: '',
      },
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
  });
});
