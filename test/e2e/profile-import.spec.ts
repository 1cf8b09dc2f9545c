import en from '../../src/shared/i18n/locales/en.json';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';
import { e2eRig } from './rig';
import { expectStep, next, stepScreenshot } from './wizard';

// The wizard pre-filled from an IT profile the person chooses or drops; core validates it first.

const rig = e2eRig();
const anna =
  rig.users[0] ??
  (() => {
    throw new Error('the rig has no users');
  })();

const profile = {
  profileVersion: 1,
  organisation: { name: 'Studio Test', support: { email: 'it@studio.test' } },
  accounts: [
    {
      key: 'office',
      servers: {
        imap: `127.0.0.1:${rig.imap.tlsPort}`,
        smtp: `127.0.0.1:${rig.smtp.submissionPort}/starttls`,
        caldav: rig.caldav.url,
      },
      username: '{email}',
      caPem: rig.caPem,
      pec: true,
    },
  ],
};

test('an IT profile chosen as a file pre-fills the sign-in; the account checks out and is saved as the PEC box the profile says', async ({
  app,
}, testInfo) => {
  await app.getByRole('navigation').getByRole('button', { name: en.nav.add }).click();
  const box = app.getByTestId('profile-import');
  await box.getByLabel(en.profileImport.label).setInputFiles({
    name: 'studio.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(profile)),
  });
  await expect(box).toContainText('Profile from Studio Test. Contact: it@studio.test.');
  await box.getByLabel(en.profileImport.email).fill(anna.email);
  await expectAccessible(app, 'profile imported');
  await stepScreenshot(app, testInfo, 'wizard-profile-import');
  await box.getByRole('button', { name: en.profileImport.use }).click();

  // The sign-in step, filled from the profile: servers, user name, the organisation's CA.
  await expect(app.getByLabel(en.verify.form.username)).toHaveValue(anna.email);
  await expect(app.locator('#imap-host')).toHaveValue('127.0.0.1');
  await expect(app.locator('#imap-port')).toHaveValue(String(rig.imap.tlsPort));
  await expect(app.locator('#caldav-url')).toHaveValue(rig.caldav.url);
  await expect(app.getByText(en.verify.form.trustChosen.replace('{{name}}', 'profile CA'))).toBeVisible();
  await app.getByLabel(en.verify.form.password, { exact: true }).fill(anna.password);
  await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
  await expect(app.getByTestId('verify-summary')).toHaveText(
    en.verify.summary.allOk_other.replace('{{count}}', '3'),
    { timeout: 15_000 },
  );

  // The profile's servers are a PEC box: the save step says so already, and the saved card offers the test.
  await next(app);
  await expectStep(app, 'choose');
  await next(app);
  await expectStep(app, 'save');
  await expect(app.getByLabel(en.accounts.save.pec)).toBeChecked();
  await expectAccessible(app, 'save step with the PEC choice');
  await app.getByRole('button', { name: en.accounts.save.submit }).click();
  await expect(app.getByTestId('account-saved')).toContainText(en.accounts.save.saved, { timeout: 15_000 });
  await app.getByRole('button', { name: en.wizard.showAccounts }).click();
  const card = app.getByTestId('account-card').filter({ hasText: anna.email });
  await expect(card.getByTestId('pec-test')).toBeVisible();
});

test('a dropped profile with a password in it is refused, with where the problem is', async ({ app }) => {
  await app.getByRole('navigation').getByRole('button', { name: en.nav.add }).click();
  const text = JSON.stringify({ ...profile, accounts: [{ ...profile.accounts[0], password: 'secret' }] });
  // Runs in the page; the spec is typed for Node, hence the casts.
  const dataTransfer = await app.evaluateHandle((content) => {
    const page = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: string[], name: string, options: { type: string }) => unknown;
    };
    const transfer = new page.DataTransfer();
    transfer.items.add(new page.File([content], 'bad.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await app.getByTestId('profile-import').dispatchEvent('drop', { dataTransfer });
  const problems = app.getByTestId('profile-problems');
  await expect(problems).toContainText(en.profile.invalid);
  await expect(problems).toContainText('/accounts/0/password: a profile never holds a password');
  await expect(app.getByRole('button', { name: en.profileImport.use })).toHaveCount(0);
  await expectAccessible(app, 'profile refused');
});

test('the desktop menu’s “Import IT profile…” opens the wizard with the file button focused', async ({
  app,
}) => {
  await app.evaluate(() => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = '#import-profile';
  });
  await expect(app.getByLabel(en.profileImport.label)).toBeFocused();
});
