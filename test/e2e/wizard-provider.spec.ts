import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import en from '../../src/shared/i18n/locales/en.json';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';
import { startLoginFlowServer } from '../support/nextcloud-login-flow-server';
import { e2eRig } from './rig';
import { answerTwoStep, expectStep, next, openWizard, stepScreenshot } from './wizard';

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
  const status = app.getByTestId('discovery-status');
  await expect(status).toContainText('Infomaniak');
  // What is still to fill is named as the person reads it; every Infomaniak server is from its own guide.
  await expect(status).toContainText(
    en.discovery.needsInput.replace('{{fields}}', 'Login shown on config.infomaniak.com, kDrive ID'),
  );
  await expect(status).not.toContainText('kdriveId');
  await expect(status).not.toContainText(en.discovery.unconfirmed);
  await expect(app.getByTestId('provider-note')).toContainText('kSuite');
  await stepScreenshot(app, testInfo, 'wizard-account');
  await next(app);

  await expectStep(app, 'guide');
  await answerTwoStep(app, true);
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

  // A new app password for the sync login starts where the first one did: Infomaniak's steps and page.
  await card
    .getByRole('button', { name: en.accounts.change.open.replace('{{username}}', marco.login) })
    .click();
  await expect(card.getByTestId('app-password-guide')).toBeVisible();
  await expect(card.getByTestId('app-password-guide').getByRole('button')).toHaveText(/Infomaniak/);
  await expectAccessible(app, 'change password with the provider guide');
  await card.getByRole('button', { name: en.accounts.change.close }).click();

  await card.getByRole('button', { name: en.accounts.remove }).click();
  await app.getByRole('button', { name: en.accounts.removeYes }).click();
  await expect(app.getByTestId('accounts-empty')).toBeVisible();
  expect(await keytar.getPassword('Ponte', `account:${id}:sync`)).toBeNull();
});

test('Nextcloud signs Ponte in itself (Login Flow v2): nothing pasted, the password never reaches the page', async ({
  app,
}, testInfo) => {
  if (!anna) throw new Error('the rig needs a user');
  const bodies: string[] = [];
  app.on(
    'response',
    (response) =>
      void response.text().then(
        (body) => bodies.push(body),
        () => undefined,
      ),
  );
  // Nextcloud is not packaged in Debian: a stand-in speaks Login Flow v2, with the rig's certificate, and
  // passes the rest through to the rig's Radicale and Apache on its own address.
  const webdavPath = new URL(anna.webdavUrl).pathname;
  const nextcloud = await startLoginFlowServer({
    certPem: await readFile(join(rig.dir, 'server.pem'), 'utf8'),
    keyPem: await readFile(join(rig.dir, 'server.key'), 'utf8'),
    passThrough: { caldav: rig.caldav.url, webdav: rig.webdav.url, prefix: webdavPath, caPem: rig.caPem },
  });
  try {
    await openWizard(app);
    await app.getByLabel(en.discovery.form.email).fill(anna.email);
    await app.getByLabel(en.discovery.form.provider).fill('Nextcloud');
    await app.getByRole('button', { name: en.discovery.form.use }).click();
    await next(app);
    await next(app);
    await expectStep(app, 'signin');
    await app.getByText(en.wizard.serverSettings).click();
    await app.getByTestId('trust-file').setInputFiles(rig.caFile);

    await app.getByLabel(en.nextcloud.server).fill(nextcloud.url);
    await app.getByRole('button', { name: en.nextcloud.start }).click();
    await expect(app.getByTestId('nextcloud-status')).toContainText(en.nextcloud.waiting);
    await stepScreenshot(app, testInfo, 'wizard-nextcloud-waiting');
    // What the person does in the browser page Ponte opened.
    nextcloud.grant(anna.login, anna.password);
    await expect(app.getByTestId('nextcloud-status')).toContainText(
      en.nextcloud.granted.replace('{{login}}', anna.login),
    );
    await expect(app.getByTestId('password-from-sign-in')).toBeVisible();
    await expect(app.getByLabel(en.verify.form.username)).toHaveValue(anna.login);
    await expect(app.locator('#caldav-url')).toHaveValue(`${nextcloud.url}/remote.php/dav`);
    await expect(app.locator('#webdav-url')).toHaveValue(
      `${nextcloud.url}/remote.php/dav/files/${encodeURIComponent(anna.login)}/`,
    );

    // The device password is only lent to the server that granted it: a calendar address elsewhere is refused
    // before anything is sent there.
    await app.locator('#caldav-url').fill(rig.caldav.url);
    await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
    await expect(app.getByRole('alert')).toContainText(en.errors.SIGN_IN_OTHER_SERVER.title);
    await app.getByRole('button', { name: en.wizard.back, exact: true }).click();
    await expectStep(app, 'signin');
    // Back folds the server settings away again.
    if (!(await app.locator('#caldav-url').isVisible()))
      await app.getByText(en.wizard.serverSettings).click();
    // The calendars, contacts and files are the rig's, reached through the stand-in's own address.
    await app.locator('#caldav-url').fill(`${nextcloud.url}/`);
    await app.locator('#carddav-url').fill(`${nextcloud.url}/`);
    await app.locator('#webdav-url').fill(`${nextcloud.url}${webdavPath}`);
    await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
    await expect(app.getByTestId('verify-summary')).toHaveText(
      en.verify.summary.allOk_other.replace('{{count}}', '3'),
      { timeout: 15_000 },
    );
    await next(app);
    await next(app);
    await app.getByRole('button', { name: en.accounts.save.submit }).click();
    await expect(app.getByTestId('account-saved')).toContainText(en.accounts.save.saved, { timeout: 15_000 });

    const entry = (await keytar.findCredentials('Ponte')).find((e) => e.password === anna.password);
    expect(entry?.account).toMatch(/^account:[0-9a-f-]{36}:main$/);
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) expect(body).not.toContain(anna.password);
    await keytar.deletePassword('Ponte', entry?.account ?? '');
  } finally {
    await nextcloud.close();
  }
});
