import en from '../../src/shared/i18n/locales/en.json';
import { expect, test } from './fixtures';
import { e2eRig } from './rig';
import { answerTwoStep, expectStep, next, openWizard } from './wizard';

const rig = e2eRig();

test('fills the form from the e-mail address: a catalogued provider, then a domain found through DNS', async ({
  app,
}) => {
  await openWizard(app);
  const email = app.getByLabel(en.discovery.form.email);

  await email.fill('segreteria@pec.it');
  await app.getByRole('button', { name: en.discovery.form.find }).click();
  await expect(app.getByTestId('discovery-status')).toContainText(
    en.discovery.found.replace('{{name}}', 'Aruba PEC').replace('{{source}}', en.discovery.sources.catalog),
  );
  await next(app);
  await expectStep(app, 'guide');
  await answerTwoStep(app, true);
  await next(app);
  await expectStep(app, 'signin');
  await expect(app.locator('#imap-host')).toHaveValue('imaps.pec.aruba.it');
  await expect(app.locator('#smtp-port')).toHaveValue('465');
  await expect(app.getByLabel(en.verify.form.username)).toHaveValue('segreteria@pec.it');

  // Back to the first step (what was found is still shown); Enter in the address field runs the search.
  await app.getByRole('button', { name: en.wizard.back }).click();
  await app.getByRole('button', { name: en.wizard.back }).click();
  await expectStep(app, 'account');
  await expect(email).toHaveValue('segreteria@pec.it');
  await email.fill(`anna@${rig.dns.domain}`);
  await email.press('Enter');
  await expect(app.getByTestId('discovery-status')).toContainText(en.discovery.sources.srv);
  // No provider known here, so no app-password guide: straight to sign-in, the guide marked as skipped.
  await next(app);
  await expectStep(app, 'signin');
  await expect(app.locator('.step-list li.skipped')).toHaveText(
    `${en.wizard.steps.guide} (${en.wizard.skipped})`,
  );
  await expect(app.locator('#imap-host')).toHaveValue(`mail.${rig.dns.domain}`);
  await expect(app.locator('#imap-port')).toHaveValue(String(rig.imap.tlsPort));
  await expect(app.locator('#caldav-url')).toHaveValue(
    new RegExp(`^https://dav\\.${rig.dns.domain.replace('.', '\\.')}:`),
  );
});

test('picks a provider from the searchable list; an OAuth-only one is refused with the reason', async ({
  app,
}) => {
  await openWizard(app);
  await app.getByLabel(en.discovery.form.email).fill('anna@studio-rossi.ch');
  const picker = app.getByLabel(en.discovery.form.provider);
  const use = app.getByRole('button', { name: en.discovery.form.use });
  await expect(use).toBeDisabled();

  await picker.fill('Infomaniak');
  await use.click();
  await expect(app.getByTestId('discovery-status')).toContainText(
    en.discovery.found.replace('{{name}}', 'Infomaniak').replace('{{source}}', en.discovery.sources.chosen),
  );
  // kDrive needs the drive's id first: said by its label (issue 22), and its row left unticked.
  await expect(app.getByTestId('discovery-status')).toContainText('kDrive ID');
  await next(app);
  await answerTwoStep(app, true);
  await next(app);
  await expectStep(app, 'signin');
  await expect(app.locator('#imap-host')).toHaveValue('mail.infomaniak.com');
  await expect(app.locator('#webdav-url')).toHaveCount(0);
  // Two passwords: the mailbox's, and the Infomaniak account's app password with its short login.
  await expect(app.getByRole('group', { name: 'Password of the e-mail address' })).toBeVisible();
  const sync = app.getByRole('group', {
    name: 'Application password of the Infomaniak account (calendars and contacts)',
  });
  await expect(sync.getByLabel(en.verify.form.username)).toHaveValue('');
  await expect(sync).toContainText('The short login shown on config.infomaniak.com');
  await app.getByRole('button', { name: en.wizard.back }).click();
  await app.getByRole('button', { name: en.wizard.back }).click();

  await picker.fill('Outlook.com (Hotmail, Live, MSN)');
  await use.click();
  await expect(app.getByTestId('discovery-status')).toContainText(
    en.discovery.unsupported.replace('{{name}}', 'Outlook.com (Hotmail, Live, MSN)'),
  );
  await expect(app.getByRole('button', { name: en.wizard.next, exact: true })).toHaveCount(0);
});

test('with a provider known to use app passwords, a refused password says so and offers its page', async ({
  app,
}) => {
  const anna = rig.users[0];
  if (!anna) throw new Error('the rig has no users');
  await openWizard(app);
  await app.getByLabel(en.discovery.form.email).fill(anna.email);
  await app.getByLabel(en.discovery.form.provider).fill('Aruba PEC');
  await app.getByRole('button', { name: en.discovery.form.use }).click();
  await next(app);
  await expectStep(app, 'guide');
  // Aruba's password for programs exists only with two-step verification: asked, not assumed.
  await expect(app.getByRole('button', { name: en.wizard.next, exact: true })).toBeDisabled();
  await answerTwoStep(app, false);
  await expect(app.getByTestId('app-password-guide')).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: 'Aruba PEC' })).toContainText(
    en.wizard.twoStep.usualPassword.replace('{{provider}}', 'Aruba PEC').slice(0, 40),
  );
  await answerTwoStep(app, true);
  // The guide: why, Aruba's own steps, the 90-day lifetime, and the button to its page.
  const guide = app.getByTestId('app-password-guide');
  await expect(guide).toContainText(en.appPassword.why['with-2fa'].replace('{{provider}}', 'Aruba PEC'));
  await expect(guide.locator('ol li')).toHaveCount(3);
  await expect(guide).toContainText(en.appPassword.lifetime.replace('{{days}}', '90'));
  if (process.env.PONTE_UPDATE_SCREENSHOTS === '1') {
    await guide.screenshot({ path: 'test/e2e/screenshots/guide-aruba-pec.png' });
  }
  // The system could not open the page (no browser: a stand-in answer for this one call): said, with the address.
  await app.route('**/api/invoke', async (route) => {
    const body = route.request().postDataJSON() as { channel?: string };
    if (body.channel !== 'links:open') return route.continue();
    return route.fulfill({
      json: { ok: false, error: { code: 'INTERNAL', message: 'no browser could be started' } },
    });
  });
  await guide
    .getByRole('button', { name: en.verify.form.createAppPassword.replace('{{provider}}', 'Aruba PEC') })
    .click();
  await expect(guide.getByRole('alert')).toContainText(en.links.openFailed);
  await expect(guide.getByRole('alert')).toContainText('https://account.aruba.it/pec');
  await app.unroute('**/api/invoke');
  await next(app);
  await expect(app.locator('#imap-host')).toHaveValue('imaps.pec.aruba.it');
  // Pointed at the rig instead of Aruba (no Internet here), with a wrong password.
  await app.getByText(en.wizard.serverSettings).click();
  await app.locator('#imap-host').fill('127.0.0.1');
  await app.locator('#imap-port').fill(String(rig.imap.tlsPort));
  await app.getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services.smtp)).uncheck();
  await app.getByLabel(en.verify.form.password, { exact: true }).fill('my-usual-password');
  await app.getByTestId('trust-file').setInputFiles(rig.caFile);
  await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
  const row = app.getByTestId('result-imap');
  await expect(row).toContainText(
    en.verify.codes.AUTH_FAILED.fixAppPassword.replace('{{provider}}', 'Aruba PEC'),
  );
  await expect(
    row.getByRole('button', { name: en.verify.form.createAppPassword.replace('{{provider}}', 'Aruba PEC') }),
  ).toBeVisible();
});
