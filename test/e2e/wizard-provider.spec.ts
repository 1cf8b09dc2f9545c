import keytar from 'keytar';
import en from '../../src/shared/i18n/locales/en.json';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';
import { e2eRig } from './rig';
import { expectStep, next, openWizard, stepScreenshot } from './wizard';

const rig = e2eRig();
const [anna, marco] = rig.users;

test('a catalog provider with two passwords, pointed at the rig: every step, then the account on the dashboard', async ({
  app,
}, testInfo) => {
  if (!anna || !marco) throw new Error('the rig needs two users');
  await openWizard(app);
  await app.getByLabel(en.discovery.form.email).fill(anna.email);
  await app.getByLabel(en.discovery.form.provider).fill('Infomaniak');
  await app.getByRole('button', { name: en.discovery.form.use }).click();
  await expect(app.getByTestId('discovery-status')).toContainText('Infomaniak');
  await stepScreenshot(app, testInfo, 'wizard-account');
  await next(app);

  await expectStep(app, 'guide');
  await expect(app.getByTestId('app-password-guide')).toBeVisible();
  await stepScreenshot(app, testInfo, 'wizard-guide');
  await next(app);

  // Sign-in: the mailbox password, and the account's app password with another login (here the rig's
  // second user, so the servers really see two different credentials).
  await expectStep(app, 'signin');
  const mailbox = app.getByRole('group', { name: 'Password of the e-mail address' });
  await mailbox.getByLabel(en.verify.form.password, { exact: true }).fill(anna.password);
  const sync = app.getByRole('group', {
    name: 'Application password of the Infomaniak account (calendars and contacts)',
  });
  // kDrive's password is not asked for: the drive needs its id first and is not ticked.
  await expect(
    app.getByRole('group', { name: 'Application password of the Infomaniak account (kDrive)' }),
  ).toHaveCount(0);
  await sync.getByLabel(en.verify.form.username).fill(marco.login);
  await sync.getByLabel(en.verify.form.password, { exact: true }).fill(marco.password);
  // The servers are Infomaniak's; no Internet here, so point them at the rig.
  await app.getByText(en.wizard.serverSettings).click();
  await app.locator('#imap-host').fill('127.0.0.1');
  await app.locator('#imap-port').fill(String(rig.imap.tlsPort));
  await app.locator('#smtp-host').fill('127.0.0.1');
  await app.locator('#smtp-port').fill(String(rig.smtp.tlsPort));
  await app.locator('#caldav-url').fill(rig.caldav.url);
  await app.locator('#carddav-url').fill(rig.caldav.url);
  await app.getByTestId('trust-file').setInputFiles(rig.caFile);
  await stepScreenshot(app, testInfo, 'wizard-signin');
  await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();

  await expectStep(app, 'check');
  await expect(app.getByTestId('verify-summary')).toHaveText(
    en.verify.summary.allOk_other.replace('{{count}}', '4'),
    { timeout: 15_000 },
  );
  await stepScreenshot(app, testInfo, 'wizard-check-two-credentials');
  await next(app);
  await expectStep(app, 'choose');
  await next(app);
  await expectStep(app, 'save');
  // The catalog says what each password is; the mailbox password does not expire.
  await expect(app.getByLabel(en.accounts.save.kind)).toHaveValue('mailbox-password');
  await expectAccessible(app, 'wizard: save step');
  await stepScreenshot(app, testInfo, 'wizard-save');
  await app.getByRole('button', { name: en.accounts.save.submit }).click();
  await expect(app.getByTestId('account-saved')).toContainText(
    en.wizard.summary.secrets_other.replace('{{count}}', '2'),
    { timeout: 15_000 },
  );

  await app.getByRole('button', { name: en.wizard.showAccounts }).click();
  const card = app.getByTestId('account-card');
  await expect(card).toContainText(`${en.accounts.kind['mailbox-password']} · ${anna.login}`);
  await expect(card).toContainText(`${en.accounts.kind['app-password']} · ${marco.login}`);
  const entries = (await keytar.findCredentials('Ponte')).filter((e) => e.account.startsWith('account:'));
  const id = entries.find((e) => e.password === anna.password)?.account.split(':')[1] ?? 'missing';
  expect(await keytar.getPassword('Ponte', `account:${id}:main`)).toBe(anna.password);
  expect(await keytar.getPassword('Ponte', `account:${id}:sync`)).toBe(marco.password);

  await card.getByRole('button', { name: en.accounts.remove }).click();
  await app.getByRole('button', { name: en.accounts.removeYes }).click();
  await expect(app.getByTestId('accounts-empty')).toBeVisible();
  expect(await keytar.getPassword('Ponte', `account:${id}:sync`)).toBeNull();
});
