import en from '../../src/shared/i18n/locales/en.json';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';
import { e2eRig } from './rig';
import { answerTwoStep, expectStep, next, openWizard } from './wizard';

const rig = e2eRig();

test('every screen passes axe-core: home, settings, each wizard step with its errors and results', async ({
  app,
}) => {
  await expectAccessible(app, 'home (empty)');
  await app.getByRole('button', { name: en.nav.settings }).click();
  await expectAccessible(app, 'settings');

  await openWizard(app);
  await expectAccessible(app, 'wizard: account step');
  await app.getByLabel(en.discovery.form.email).fill('segreteria@pec.it');
  await app.getByRole('button', { name: en.discovery.form.find }).click();
  await expect(app.getByTestId('discovery-status')).toContainText('Aruba PEC');
  await expectAccessible(app, 'wizard: account step, provider found');
  await next(app);
  await expect(app.getByTestId('two-step-question')).toBeVisible();
  await expectAccessible(app, 'wizard: two-step question');
  await answerTwoStep(app, true);
  await expect(app.getByTestId('app-password-guide')).toBeVisible();
  await expectAccessible(app, 'wizard: app-password guide');
  await next(app);
  await expectStep(app, 'signin');
  await app.getByText(en.wizard.serverSettings).click();
  await app.getByLabel(en.verify.form.username).fill('');
  await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
  await expect(app.getByText(en.verify.invalid.username)).toBeVisible();
  await expectAccessible(app, 'wizard: sign-in with errors');

  await app.locator('#imap-host').fill('127.0.0.1');
  await app.locator('#imap-port').fill(String(rig.imap.tlsPort));
  await app.getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services.smtp)).uncheck();
  await app.getByLabel(en.verify.form.username).fill('segreteria@pec.it');
  await app.getByLabel(en.verify.form.password, { exact: true }).fill('not-the-password');
  await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
  await expect(app.getByTestId('verify-summary')).toBeVisible({ timeout: 15_000 });
  await expectAccessible(app, 'wizard: check results with a failure');
});
