import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { _electron, chromium, test as base, type Page } from '@playwright/test';
import { type Ponte, ponteWith } from '../support/run-ponte';
import { filesHolding, sampleProcesses, textsHolding } from '../support/secret-sweep';
import { makeTempDir, removeTempDir } from '../support/temp-dir';
import { e2eRig } from './rig';
import { bridgeAddress } from '../../src/web-bridge/bridge-address';

const root = join(__dirname, '../..');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=en-US'];

interface Fixtures {
  /** A fresh PONTE_DATA_DIR per test: nothing leaks between specs or into the developer's own data. */
  dataDir: string;
  /** The `ponte` command on the test's data folder: what IT would run from a script beside the app. */
  ponte: Ponte;
  /** The app's first window, whichever target runs it. */
  app: Page;
  /** Everything the app's process printed (its log), for tests that prove no secret is in it. */
  appOutput: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument.
  dataDir: async ({}, use) => {
    const dir = await makeTempDir('ponte-e2e-');
    await use(dir);
    await removeTempDir(dir);
  },

  ponte: async ({ dataDir }, use) => {
    await use(ponteWith(() => ({ dataDir })));
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument.
  appOutput: async ({}, use) => {
    await use([]);
  },

  app: async ({ dataDir, appOutput }, use, testInfo) => {
    // The rig's description (with its users' passwords) is the tests' own: the app never gets it, so a
    // password found in its processes' environments would be one it put there.
    const inherited = { ...process.env };
    delete inherited.PONTE_RIG_INFO;
    const env = {
      ...inherited,
      PONTE_DATA_DIR: dataDir,
      // Start at login writes an autostart entry under here, never into the real ~/.config.
      XDG_CONFIG_HOME: join(dataDir, 'xdg-config'),
      // The file manager's bookmarks (a connected drive) are written under here, never the real home.
      HOME: join(dataDir, 'home'),
      // Pages Ponte opens "in the browser" go to xdg-open, which runs $BROWSER: here, nothing.
      BROWSER: 'true',
      LANG: 'en_US.UTF-8',
      LANGUAGE: 'en',
    };
    if (process.env.PONTE_E2E_TARGET === 'electron') {
      const electronApp = await _electron.launch({ args: [root], cwd: root, env });
      const page = await electronApp.firstWindow();
      await use(page);
      await electronApp.close();
      return;
    }

    const bridge = spawn(process.execPath, [join(root, 'out/main/web-bridge.js')], { cwd: root, env });
    // Listening from the spawn on: the bridge may print its address before the browser is up.
    // Generous: on a loaded two-core CI machine a cold start has taken over 10 s.
    const address = bridgeAddress(bridge, 30_000);
    address.catch(() => undefined); // awaited below; a failed browser launch must not leave it unhandled
    const secrets = e2eRig().users;
    // The bridge and every process it starts (gio, xdg-open…), sampled while the test runs.
    const processes = sampleProcesses(secrets, { root: bridge.pid ?? -1, intervalMs: 50 });
    bridge.stdout.on('data', (chunk: Buffer) => appOutput.push(chunk.toString()));
    bridge.stderr.on('data', (chunk: Buffer) => appOutput.push(chunk.toString()));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const url = await address;
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      const seen: Record<string, string> = {};
      const answers: Promise<void>[] = [];
      page.on('console', (message) => {
        seen[`console #${Object.keys(seen).length}`] = message.text();
        void testInfo.attach('console', { body: message.text() });
      });
      // Every answer the bridge gave the page: what IPC returns in the desktop app.
      page.on('response', (response) => {
        if (new URL(response.url()).pathname !== '/api/invoke') return;
        const name = `answer #${answers.length} to ${channelOf(response.request().postData())}`;
        answers.push(
          response.text().then(
            (body) => void (seen[name] = body),
            () => undefined,
          ),
        );
      });
      await page.goto(url);
      await use(page);
      // The sweep: no rig password in what the page was sent, logged or shows, nor in what the app printed
      // or wrote. (This browser is the fixture's own, so Playwright records no trace of it; what a trace would
      // hold — network answers, console, the page — is searched here directly.) (Typed into a field is the person's own copy, not a leak, and is not searched.)
      await Promise.all(answers);
      seen['text on the screen'] = await page
        .locator('body')
        .innerText()
        .catch(() => '');
      seen['app log'] = appOutput.join('');
      const leaks = [
        ...textsHolding(seen, secrets),
        ...(await filesHolding(dataDir, secrets)),
        ...processes.stop().leaks.map((cmdline) => `the process ${cmdline}`),
      ];
      if (leaks.length > 0) throw new Error(`A rig password leaked into: ${leaks.join(', ')}`);
    } finally {
      processes.stop();
      await browser.close();
      bridge.kill('SIGTERM');
    }
  },
});

/** The IPC channel a bridge request named (its input, which may carry a password, is not kept). */
function channelOf(postData: string | null): string {
  try {
    const { channel } = JSON.parse(postData ?? '{}') as { channel?: unknown };
    return typeof channel === 'string' ? channel : '?';
  } catch {
    return '?';
  }
}

export { expect } from '@playwright/test';
