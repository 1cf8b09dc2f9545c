import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import en from '../../src/shared/i18n/locales/en.json';
import { rotationHash } from '../../src/shared/rotation-link';
import it from '../../src/shared/i18n/locales/it.json';
import { startSilentServer } from '../support/fake-servers';
import { selfSignedCertificate } from '../support/test-certificates';
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

async function fillRig(app: Page, password: string): Promise<void> {
  await app.getByLabel(en.verify.form.username).fill(anna.login);
  await app.getByLabel(en.verify.form.password, { exact: true }).fill(password);
  await app.locator('#imap-host').fill('127.0.0.1');
  await app.locator('#imap-port').fill(String(rig.imap.tlsPort));
  await app.locator('#smtp-host').fill('127.0.0.1');
  await app.locator('#smtp-security').selectOption('starttls');
  await app.locator('#smtp-port').fill(String(rig.smtp.submissionPort));
  for (const service of ['caldav', 'carddav', 'webdav'] as const) {
    await app.getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services[service])).check();
  }
  await app.locator('#caldav-url').fill(rig.caldav.url);
  await app.locator('#carddav-url').fill(rig.caldav.url);
  await app.locator('#webdav-url').fill(anna.webdavUrl);
  await app.getByTestId('trust-file').setInputFiles(rig.caFile);
  await expect(app.getByText(en.verify.form.trustChosen.replace('{{name}}', 'ca.pem'))).toBeVisible();
}

/** Fills the form for the rig's first user, checks, and waits until all five services work. */
async function checkRigAccount(app: Page): Promise<void> {
  await openCustomServer(app);
  await fillRig(app, anna.password);
  await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
  await expect(app.getByTestId('verify-summary')).toHaveText(allFiveWork, { timeout: 15_000 });
}

const allFiveWork = en.verify.summary.allOk_other.replace('{{count}}', '5');

/** Every response the page received from core, to prove no password ever comes back. */
function recordResponses(app: Page): string[] {
  const bodies: string[] = [];
  app.on('response', (response) => {
    void response.text().then(
      (body) => bodies.push(body),
      () => undefined,
    );
  });
  return bodies;
}

test('checks all five rig services and shows what it found', async ({ app }, testInfo) => {
  const responses = recordResponses(app);
  await checkRigAccount(app);
  for (const service of ['imap', 'smtp', 'caldav', 'carddav', 'webdav']) {
    await expect(app.getByTestId(`result-${service}`)).toContainText(en.verify.status.ok);
  }
  await expect(app.getByTestId('result-caldav')).toContainText('Lavoro');
  await expect(app.getByTestId('result-caldav')).toContainText('Promemoria');
  await expect(app.getByTestId('result-carddav')).toContainText('Contatti');
  await stepScreenshot(app, testInfo, 'wizard-check');
  expect(responses.length).toBeGreaterThan(2);
  for (const body of responses) expect(body).not.toContain(anna.password);
});

test('a wrong password: says what to do, keeps what was typed, and works once corrected', async ({ app }) => {
  await openCustomServer(app);
  await fillRig(app, 'not-the-right-one');
  await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
  await expect(app.getByTestId('result-imap')).toContainText(en.verify.codes.AUTH_FAILED.title, {
    timeout: 15_000,
  });
  await expect(app.getByTestId('result-webdav')).toContainText(en.verify.codes.AUTH_FAILED.fix);
  // Nothing to go on with until it works; back to sign-in, everything typed is still there.
  await expect(app.getByRole('button', { name: en.wizard.next, exact: true })).toBeDisabled();
  await app.getByRole('button', { name: en.wizard.back }).click();
  await expectStep(app, 'signin');
  await expect(app.locator('#imap-host')).toHaveValue('127.0.0.1');
  await expect(app.getByLabel(en.verify.form.password, { exact: true })).toHaveValue('not-the-right-one');

  await app.getByLabel(en.verify.form.password, { exact: true }).fill(anna.password);
  await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
  await expect(app.getByTestId('verify-summary')).toHaveText(
    en.verify.summary.allOk_other.replace('{{count}}', '5'),
    {
      timeout: 15_000,
    },
  );
});

test('points at what is missing before checking anything', async ({ app }) => {
  await openCustomServer(app);
  await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
  await expect(app.getByText(en.verify.invalid.username)).toBeVisible();
  await expect(app.getByText(en.verify.invalid.password)).toBeVisible();
  await expect(app.getByText(en.verify.invalid.host).first()).toBeVisible();
  await expect(app.getByLabel(en.verify.form.username)).toBeFocused();
  await expect(app.getByTestId('result-imap')).toHaveCount(0);
});

test('Escape cancels a check that hangs, and closes its connections', async ({ app }) => {
  const silent = await startSilentServer();
  try {
    await openCustomServer(app);
    await app.getByLabel(en.verify.form.username).fill('someone@example.test');
    await app.getByLabel(en.verify.form.password, { exact: true }).fill('whatever-pw');
    await app.locator('#imap-host').fill('127.0.0.1');
    await app.locator('#imap-port').fill(String(silent.port));
    await app.getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services.smtp)).uncheck();
    await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();
    await expect(app.getByTestId('result-imap')).toContainText(en.verify.status.pending);
    await expect.poll(() => silent.acceptedConnections()).toBe(1);
    await app.keyboard.press('Escape');
    await expect(app.getByTestId('verify-summary')).toHaveText(en.verify.summary.cancelled);
    await expect(app.getByTestId('result-imap')).toContainText(en.verify.status.skipped);
    await expect.poll(() => silent.openConnections()).toBe(0);
  } finally {
    await silent.close();
  }
});

test('a self-signed server: shows the fingerprint to compare, trusts exactly that certificate on request', async ({
  app,
}) => {
  const cert = await selfSignedCertificate(['nas.office.test']);
  const server = createServer({ cert: cert.certPem, key: cert.keyPem }, (_req, res) =>
    res.writeHead(401).end(),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const fingerprint = new X509Certificate(cert.certPem).fingerprint256;
    await openCustomServer(app);
    await app.getByLabel(en.verify.form.username).fill('segreteria@office.test');
    await app.getByLabel(en.verify.form.password, { exact: true }).fill('nas-password');
    for (const service of ['imap', 'smtp'] as const) {
      await app
        .getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services[service]))
        .uncheck();
    }
    await app.getByLabel(en.verify.form.enable.replace('{{service}}', en.verify.services.webdav)).check();
    await app.locator('#webdav-url').fill(`https://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await app.getByRole('button', { name: en.verify.form.check, exact: true }).click();

    const row = app.getByTestId('result-webdav');
    await expect(row).toContainText(en.verify.codes.TLS_UNTRUSTED.title);
    await expect(row.getByTestId('presented-certificate')).toContainText(fingerprint);
    await row.getByRole('button', { name: en.verify.certificate.trust }).click();

    // Past TLS now: the NAS's own answer to a wrong password.
    await expect(row).toContainText(en.verify.codes.AUTH_FAILED.title);
    await app.getByRole('button', { name: en.wizard.back }).click();
    await expect(app.getByTestId('pinned-certificate')).toContainText(fingerprint);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('saves a checked account: choices kept, secret in the keychain only, card on the dashboard, removed with its secret', async ({
  app,
  dataDir,
  appOutput,
}, testInfo) => {
  // Check, save, dashboard, removal: 8–22 s seen on the two-core CI machine, close to the default 30 s bound.
  test.slow();
  const responses = recordResponses(app);
  await checkRigAccount(app);
  await next(app);
  await expectStep(app, 'choose');
  // Everything found starts selected; the person leaves one calendar out.
  await expect(app.getByRole('checkbox', { name: 'Lavoro' })).toBeChecked();
  await app.getByRole('checkbox', { name: 'Promemoria' }).uncheck();
  await expect(app.getByRole('checkbox', { name: 'Contatti' })).toBeChecked();
  await expectAccessible(app, 'choose step');
  await stepScreenshot(app, testInfo, 'wizard-choose');
  await next(app);
  await expectStep(app, 'save');
  await app.getByLabel(en.accounts.save.name).fill('Ufficio Anna');
  await app.getByLabel(en.accounts.save.lifetime).fill('90');
  // An app password made 85 days ago in the provider's page: its 90 days count from then.
  const created = new Date(Date.now() - 85 * 86_400_000).toISOString().slice(0, 10);
  await app.getByLabel(en.accounts.save.created).fill(created);
  await app.getByRole('button', { name: en.accounts.save.submit }).click();
  await expect(app.getByTestId('account-saved')).toContainText(en.accounts.save.saved, { timeout: 15_000 });
  await expect(app.getByTestId('account-saved')).toContainText(
    en.wizard.summary.calendars_one.replace('{{count}}', '1'),
  );
  await expectAccessible(app, 'saved summary');
  await stepScreenshot(app, testInfo, 'wizard-saved');

  await app.getByRole('button', { name: en.wizard.showAccounts }).click();
  const card = app.getByTestId('account-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Ufficio Anna');
  await expect(card).toContainText(en.accounts.kind['app-password']);
  await expect(card).toContainText(en.accounts.age_other.replace('{{count}}', '85'));
  await expect(card.getByTestId('credential-state')).toHaveText(
    en.accounts.badge.expiring_other.replace('{{count}}', '4'),
  );
  await expectAccessible(app, 'dashboard with an expiring password');
  // The check that proved the account is kept with it.
  await expect(card.getByTestId('last-check')).toContainText(
    `${en.verify.services.webdav}: ${en.verify.status.ok}`,
  );
  await expectAccessible(app, 'dashboard with an account');
  const saved = JSON.parse(await readFile(join(dataDir, 'accounts.json'), 'utf8')) as {
    data: { accounts: { selection: { calendars: string[]; addressBooks: string[] } }[] };
  };
  expect(saved.data.accounts[0]?.selection.calendars).toHaveLength(1);
  expect(saved.data.accounts[0]?.selection.addressBooks).toHaveLength(1);

  // The secret is in the keychain, under the account's entry, and nowhere on disk or in any response.
  const entries = await keytar.findCredentials('Ponte');
  const entry = entries.find((e) => e.password === anna.password);
  expect(entry?.account).toMatch(/^account:[0-9a-f-]{36}:main$/);
  const files = await readdir(dataDir, { recursive: true, withFileTypes: true });
  for (const file of files.filter((f) => f.isFile())) {
    expect(await readFile(join(file.parentPath, file.name), 'utf8')).not.toContain(anna.password);
  }
  for (const body of responses) expect(body).not.toContain(anna.password);
  // The app's own output (its log) printed something, and never the password.
  expect(appOutput.join('')).toContain('Ponte');
  expect(appOutput.join('')).not.toContain(anna.password);

  // Re-check from the dashboard: the password comes from the keychain, not from the page.
  await card.getByRole('button', { name: en.accounts.check }).click();
  await expect(card.getByTestId('verify-summary')).toHaveText(allFiveWork, { timeout: 15_000 });
  for (const body of responses) expect(body).not.toContain(anna.password);

  // A new password that does not work changes nothing: the old one stays in the keychain.
  await card
    .getByRole('button', { name: en.accounts.change.open.replace('{{username}}', anna.login) })
    .click();
  await card.getByLabel(en.accounts.change.label.replace('{{username}}', anna.login)).fill('a-wrong-new-one');
  await card.getByRole('button', { name: en.accounts.change.submit }).click();
  await expect(card).toContainText(en.accounts.change.notSaved, { timeout: 15_000 });
  await expect(card.locator('.change-password').getByTestId('result-imap')).toContainText(
    en.verify.codes.AUTH_FAILED.title,
  );
  expect(await keytar.getPassword('Ponte', entry?.account ?? '')).toBe(anna.password);
  await card.getByRole('button', { name: en.accounts.change.close }).click();

  // Aruba-style extension: the same password, 90 days again from today; the badge goes.
  await card
    .getByRole('button', { name: en.accounts.extend.named.replace('{{username}}', anna.login) })
    .click();
  await expect(card.getByTestId('credential-state')).toHaveCount(0);
  expect(await keytar.getPassword('Ponte', entry?.account ?? '')).toBe(anna.password);

  // A reminder's notification opens the window at this password's change form (#rotate=…), focused.
  await app.getByRole('navigation').getByRole('button', { name: en.nav.settings }).click();
  const [, accountId = '', credentialId = ''] = (entry?.account ?? '').split(':');
  await app.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, rotationHash({ accountId, credentialId }));
  const field = card.getByLabel(en.accounts.change.label.replace('{{username}}', anna.login));
  await expect(field).toBeFocused();
  await card.getByRole('button', { name: en.accounts.change.close }).click();

  await card.getByRole('button', { name: en.accounts.remove }).click();
  await app.getByRole('button', { name: en.accounts.removeYes }).click();
  await expect(app.getByTestId('accounts-empty')).toBeVisible();
  expect(await keytar.getPassword('Ponte', entry?.account ?? '')).toBeNull();
  // Neither password, the kept one nor the refused new one, ever reached the log or the page.
  for (const secret of [anna.password, 'a-wrong-new-one']) {
    expect(appOutput.join('')).not.toContain(secret);
    for (const body of responses) expect(body).not.toContain(secret);
  }
});

test('in Italian: a wrong password gets the Italian error and what to do', async ({ app }) => {
  await app.getByRole('navigation').getByRole('button', { name: en.nav.settings }).click();
  await app.getByLabel(en.settings.language).selectOption('it');
  await expect(app.locator('html')).toHaveAttribute('lang', 'it');
  await app.getByRole('navigation').getByRole('button', { name: it.nav.add }).click();
  await app.getByRole('button', { name: it.wizard.custom }).click();
  await expect(app.getByRole('heading', { name: it.wizard.steps.signin, level: 3 })).toBeVisible();
  await app.getByLabel(it.verify.form.username).fill(anna.login);
  await app.getByLabel(it.verify.form.password, { exact: true }).fill('password-sbagliata');
  await app.locator('#imap-host').fill('127.0.0.1');
  await app.locator('#imap-port').fill(String(rig.imap.tlsPort));
  await app.getByLabel(it.verify.form.enable.replace('{{service}}', it.verify.services.smtp)).uncheck();
  await app.getByTestId('trust-file').setInputFiles(rig.caFile);
  await app.getByRole('button', { name: it.verify.form.check, exact: true }).click();
  const row = app.getByTestId('result-imap');
  await expect(row).toContainText(it.verify.codes.AUTH_FAILED.title, { timeout: 15_000 });
  await expect(row).toContainText(it.verify.codes.AUTH_FAILED.fix);
  await expect(app.getByRole('heading', { name: it.wizard.steps.check, level: 3 })).toBeVisible();
});
