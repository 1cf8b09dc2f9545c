import type { Locator, Page } from '@playwright/test';
import en from '../../src/shared/i18n/locales/en.json';
import { expect, test } from './fixtures';
import { e2eRig } from './rig';

const rig = e2eRig();
const anna =
  rig.users[0] ??
  (() => {
    throw new Error('the rig has no users');
  })();

/** Presses Tab until `target` has the focus: proves it is reachable, in order, without a mouse. */
async function tabTo(app: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await app.keyboard.press('Tab');
  }
  throw new Error(`not reached with ${limit} presses of Tab: ${target.toString()}`);
}

test('keyboard only: through the wizard to a check, its results, and back with everything kept', async ({
  app,
}) => {
  await app.getByRole('navigation').getByRole('button', { name: en.nav.add }).focus();
  await app.keyboard.press('Enter');
  await tabTo(app, app.getByRole('button', { name: en.wizard.custom }));
  await app.keyboard.press('Enter');
  // Each step starts at its title, so a screen reader announces where the person is.
  await expect(app.getByRole('heading', { name: en.wizard.steps.signin, level: 3 })).toBeFocused();

  await app.keyboard.press('Tab');
  await expect(app.getByLabel(en.verify.form.username)).toBeFocused();
  await app.keyboard.type(anna.login);
  await tabTo(app, app.getByLabel(en.verify.form.password, { exact: true }));
  await app.keyboard.type('not-the-password');
  await tabTo(app, app.locator('#imap-host'));
  await app.keyboard.type('127.0.0.1');
  await tabTo(app, app.locator('#imap-port'));
  await app.keyboard.press('ControlOrMeta+a');
  await app.keyboard.type(String(rig.imap.tlsPort));
  // Space toggles a checkbox: SMTP off.
  await tabTo(app, app.getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services.smtp)));
  await app.keyboard.press('Space');
  // A file chooser is the system's own dialog, not ours: the CA file is handed over directly.
  await app.getByTestId('trust-file').setInputFiles(rig.caFile);
  await tabTo(app, app.getByRole('button', { name: en.verify.form.check, exact: true }));
  await app.keyboard.press('Enter');

  await expect(app.getByTestId('result-imap')).toContainText(en.verify.codes.AUTH_FAILED.title, {
    timeout: 15_000,
  });
  await expect(app.getByRole('heading', { name: en.wizard.steps.check, level: 3 })).toBeFocused();
  await tabTo(app, app.getByRole('button', { name: en.wizard.back }));
  await app.keyboard.press('Enter');
  await expect(app.getByLabel(en.verify.form.username)).toHaveValue(anna.login);
  await expect(app.locator('#imap-port')).toHaveValue(String(rig.imap.tlsPort));
});
