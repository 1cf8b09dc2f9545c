import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import en from '../../src/shared/i18n/locales/en.json';
import { gvfsHasMount, startGvfsDaemon } from '../support/gvfs-daemon';
import { makeTempDir, removeTempDir } from '../support/temp-dir';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';
import { e2eRig } from './rig';
import { expectStep, next, openCustomServer, stepScreenshot } from './wizard';

const rig = e2eRig();
const anna =
  rig.users[0] ??
  (() => {
    throw new Error('the rig has no users');
  })();
const host = new URL(anna.webdavUrl).host;
let dir: string;
let gvfsd: { stop(): Promise<void> };

test.beforeAll(async () => {
  dir = await makeTempDir('ponte-e2e-gvfs-');
  gvfsd = await startGvfsDaemon(dir, rig.caPem);
});
test.afterAll(async () => {
  await gvfsd?.stop();
  await removeTempDir(dir);
});

const PREFS = '// Mozilla User Preferences\n\nuser_pref("mail.accountmanager.accounts", "account1");\n';

test('after the wizard: the drive, Thunderbird and Evolution found here, set up for real in one go, then each undone from the dashboard', async ({
  app,
  dataDir,
}, testInfo) => {
  // This machine's Thunderbird: a profile in the test's own HOME. Evolution's data server is installed here.
  const profile = join(dataDir, 'home/.thunderbird/p1.default-release');
  await mkdir(profile, { recursive: true });
  await writeFile(
    join(dataDir, 'home/.thunderbird/profiles.ini'),
    '[Profile0]\nName=default-release\nIsRelative=1\nPath=p1.default-release\nDefault=1\n',
  );
  await writeFile(join(profile, 'prefs.js'), PREFS);

  await openCustomServer(app);
  await app.getByLabel(en.verify.form.username).fill(anna.login);
  await app.getByLabel(en.verify.form.password, { exact: true }).fill(anna.password);
  await app.getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services.smtp)).uncheck();
  await app.locator('#imap-host').fill('127.0.0.1');
  await app.locator('#imap-port').fill(String(rig.imap.tlsPort));
  await app.getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services.caldav)).check();
  await app.locator('#caldav-url').fill(rig.caldav.url);
  await app.getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services.webdav)).check();
  await app.locator('#webdav-url').fill(anna.webdavUrl);
  await app.getByTestId('trust-file').setInputFiles(rig.caFile);
  await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
  await expect(app.getByTestId('verify-summary')).toHaveText(
    en.verify.summary.allOk_other.replace('{{count}}', '3'),
    { timeout: 15_000 },
  );
  await next(app);
  await expectStep(app, 'choose');
  await next(app);
  await app.getByRole('button', { name: en.accounts.save.submit }).click();
  await expect(app.getByTestId('account-saved')).toContainText(en.accounts.save.saved, { timeout: 15_000 });

  // Everything found here is listed and ticked; nothing has happened yet.
  const targets = app.getByTestId('computer-targets');
  for (const name of [en.targets.names.mount, en.targets.names.thunderbird, en.targets.names.evolution]) {
    await expect(
      targets.getByRole('checkbox', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }),
    ).toBeChecked();
  }
  expect(await gvfsHasMount(host)).toBe(false);
  await expectAccessible(app, 'set up on this computer');
  await stepScreenshot(app, testInfo, 'wizard-7-computer');

  await targets.getByRole('button', { name: /^Set up 3 selected$/ }).click();
  await expect(app.getByTestId('target-mount')).toContainText('Drive connected: davs://', {
    timeout: 30_000,
  });
  await expect(app.getByTestId('target-thunderbird')).toContainText('Set up in Thunderbird', {
    timeout: 30_000,
  });
  await expect(app.getByTestId('target-evolution')).toContainText('Set up for Evolution', {
    timeout: 30_000,
  });
  await expect(app.getByTestId('target-thunderbird')).toContainText(
    en.configure.warnings.thunderbirdAsksPassword,
  );
  expect(await gvfsHasMount(host)).toBe(true);
  expect(await readFile(join(dataDir, 'home/.config/gtk-3.0/bookmarks'), 'utf8')).toContain(host);
  const prefs = await readFile(join(profile, 'prefs.js'), 'utf8');
  expect(prefs).toContain('"Lavoro"');
  expect(prefs).not.toContain(anna.password);
  const sources = await readdir(join(dataDir, 'xdg-config/evolution/sources'));
  expect(sources.filter((file) => file.startsWith('ponte-')).length).toBeGreaterThanOrEqual(3);
  await expectAccessible(app, 'saved summary with everything set up');

  // The dashboard lists what is set up, each with its own undo.
  await app.getByRole('button', { name: en.wizard.showAccounts }).click();
  const card = app.getByTestId('account-card');
  await card.getByRole('button', { name: `Undo: ${en.targets.names.thunderbird}` }).click();
  await expect(card.getByTestId('target-thunderbird')).toContainText('taken back', { timeout: 15_000 });
  expect(await readFile(join(profile, 'prefs.js'), 'utf8')).toBe(PREFS);
  await card.getByRole('button', { name: `Undo: ${en.targets.names.mount}` }).click();
  await expect(card.getByTestId('target-mount')).toContainText('taken back', { timeout: 30_000 });
  expect(await gvfsHasMount(host)).toBe(false);
  expect(await readFile(join(dataDir, 'home/.config/gtk-3.0/bookmarks'), 'utf8')).toBe('');
  // Evolution stays set up, and the card says so; it can be set up again later from the same list.
  await expect(card.getByTestId('target-evolution')).toContainText('set up');
  await expect(
    card.getByRole('checkbox', {
      name: new RegExp(`^${en.targets.names.thunderbird.replace(/[()]/g, '\\$&')}`),
    }),
  ).not.toBeChecked();

  // For an Android phone: DAVx⁵'s link, and a QR code that really decodes to it (read from the screen).
  await card.getByRole('button', { name: en.targets.phone.show }).click();
  const link = await card.getByTestId('phone-link').textContent();
  expect(link).toMatch(/^caldavs:\/\//);
  expect(link).not.toContain(anna.password);
  const shot = PNG.sync.read(await card.locator('svg.qr-code').screenshot());
  expect(jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data).toBe(link);
  await expectAccessible(app, 'account card with the phone set-up shown');
});
