import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import en from '../../src/shared/i18n/locales/en.json';
import { gvfsHasMount, startGvfsDaemon } from '../support/gvfs-daemon';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';
import { e2eRig } from './rig';
import { expectStep, next, openCustomServer } from './wizard';

const rig = e2eRig();
const anna =
  rig.users[0] ??
  (() => {
    throw new Error('the rig has no users');
  })();
const host = new URL(anna.webdavUrl).host;
let dir: string;
let gvfsd: { stop(): void };

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ponte-e2e-gvfs-'));
  gvfsd = await startGvfsDaemon(dir, rig.caPem);
});
test.afterAll(async () => {
  gvfsd?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('the drive: connected from the wizard’s summary for real (GVfs), shown on the dashboard, disconnected there', async ({
  app,
  dataDir,
}) => {
  await openCustomServer(app);
  await app.getByLabel(en.verify.form.username).fill(anna.login);
  await app.getByLabel(en.verify.form.password, { exact: true }).fill(anna.password);
  for (const service of ['imap', 'smtp'] as const) {
    await app.getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services[service])).uncheck();
  }
  await app.getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services.webdav)).check();
  await app.locator('#webdav-url').fill(anna.webdavUrl);
  await app.getByTestId('trust-file').setInputFiles(rig.caFile);
  await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
  await expect(app.getByTestId('verify-summary')).toHaveText(en.verify.summary.allOk_one, {
    timeout: 15_000,
  });
  await next(app);
  await expectStep(app, 'choose');
  await expect(app.getByRole('checkbox', { name: /as a drive/ })).toBeChecked();
  await next(app);
  await app.getByRole('button', { name: en.accounts.save.submit }).click();
  await expect(app.getByTestId('account-saved')).toContainText(en.accounts.save.saved, { timeout: 15_000 });

  await app.getByRole('button', { name: en.targets.drive.connect }).click();
  const drive = app.getByTestId('drive-target');
  await expect(drive).toContainText('Drive connected: davs://', { timeout: 30_000 });
  expect(await gvfsHasMount(host)).toBe(true);
  const bookmarks = join(dataDir, 'home/.config/gtk-3.0/bookmarks');
  expect(await readFile(bookmarks, 'utf8')).toContain(host);
  await expectAccessible(app, 'saved summary with the drive connected');

  await app.getByRole('button', { name: en.wizard.showAccounts }).click();
  const card = app.getByTestId('account-card');
  await expect(card.getByTestId('drive-target')).toContainText('Drive connected: davs://');
  await card.getByRole('button', { name: en.targets.drive.disconnect }).click();
  await expect(card.getByTestId('drive-target')).toContainText(en.targets.drive.disconnected, {
    timeout: 30_000,
  });
  expect(await gvfsHasMount(host)).toBe(false);
  expect(await readFile(bookmarks, 'utf8')).toBe('');
});
