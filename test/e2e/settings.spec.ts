import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import en from '../../src/shared/i18n/locales/en.json';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';
import { e2eRig } from './rig';

test('reminder thresholds and start at login: checked, saved in core, kept after a reload', async ({
  app,
  dataDir,
}) => {
  await app.getByRole('navigation').getByRole('button', { name: en.nav.settings }).click();
  const reminders = app.getByLabel(en.settings.reminders);
  await expect(reminders).toHaveValue('14, 7, 3, 1');

  await reminders.fill('7, thirty');
  await reminders.press('Enter');
  await expect(app.getByText(en.settings.remindersInvalid)).toBeVisible();
  await expect(reminders).toBeFocused();
  await expectAccessible(app, 'settings with an invalid threshold');

  await reminders.fill('7 30 7');
  await app.getByRole('button', { name: en.settings.remindersSave }).click();
  await expect(app.getByRole('status')).toHaveText(en.settings.saved);
  await expect(app.getByLabel(en.settings.reminders)).toHaveValue('30, 7');

  const autostart = join(dataDir, 'xdg-config', 'autostart', 'ponte.desktop');
  // Ticked once core has written the entry (the box follows the saved setting, not the click).
  await app.getByLabel(en.settings.startAtLogin).click();
  await expect(app.getByLabel(en.settings.startAtLogin)).toBeChecked();
  await expect(app.getByRole('status')).toHaveText(en.settings.saved);
  expect(await readFile(autostart, 'utf8')).toMatch(/^Exec=.*--hidden$/m);
  // Reconnecting drives at start is on by default; turned off, it stays off.
  await expect(app.getByLabel(en.settings.reconnectDrives)).toBeChecked();
  await app.getByLabel(en.settings.reconnectDrives).click();
  await expect(app.getByLabel(en.settings.reconnectDrives)).not.toBeChecked();

  await app.reload();
  await app.getByRole('navigation').getByRole('button', { name: en.nav.settings }).click();
  await expect(app.getByLabel(en.settings.reminders)).toHaveValue('30, 7');
  await expect(app.getByLabel(en.settings.startAtLogin)).toBeChecked();
  await expect(app.getByLabel(en.settings.reconnectDrives)).not.toBeChecked();
  await app.getByLabel(en.settings.startAtLogin).click();
  await expect(app.getByLabel(en.settings.startAtLogin)).not.toBeChecked();
  await expect(app.getByRole('status')).toHaveText(en.settings.saved);
  await expect(stat(autostart)).rejects.toThrow();
});

test('settings an IT profile locked are shown as set by the organisation, not editable', async ({
  app,
  dataDir,
  ponte,
}) => {
  const rig = e2eRig();
  const anna = rig.users[0];
  if (!anna) throw new Error('the rig has no users');
  const profile = join(dataDir, 'studio.json');
  await writeFile(
    profile,
    JSON.stringify({
      profileVersion: 1,
      organisation: { name: 'Studio Test', support: { email: 'it@studio.test' } },
      accounts: [{ key: 'mail', servers: { imap: `127.0.0.1:${rig.imap.tlsPort}` }, caPem: rig.caPem }],
      settings: { reminderDays: [21, 7] },
      locked: ['reminderDays'],
    }),
  );
  const apply = await ponte(['apply', profile, '--email', anna.email, '--password-stdin'], {
    home: join(dataDir, 'home'),
    stdin: anna.password,
  });
  expect(apply.code, apply.stdout + apply.stderr).toBe(0);

  await app.reload();
  await app.getByRole('navigation').getByRole('button', { name: en.nav.settings }).click();
  await expect(app.getByTestId('managed-by')).toContainText('This computer is set up by Studio Test');
  await expect(app.getByTestId('managed-by')).toContainText('Contact: it@studio.test.');
  const reminders = app.getByLabel(en.settings.reminders);
  await expect(reminders).toHaveValue('21, 7');
  await expect(reminders).toBeDisabled();
  await expect(app.getByText(en.settings.lockedHint)).toBeVisible();
  await expect(app.getByLabel(en.settings.startAtLogin)).toBeEnabled();
  await expectAccessible(app, 'settings managed by a profile');
});
