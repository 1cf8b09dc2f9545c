import en from '../../src/shared/i18n/locales/en.json';
import { addRigAccount } from '../support/rig-accounts';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';
import { e2eRig } from './rig';
import { stepScreenshot } from './wizard';

// The card's "Test this PEC box" against the rig's PEC provider simulator: real SMTP submission, real
// receipts in Dovecot, read by core over IMAP and shown step by step.

const rig = e2eRig();
const paola =
  rig.users[3] ??
  (() => {
    throw new Error('the rig has no PEC user');
  })();

test('a PEC account proves it sends and receives, says why not when a box does not exist, and stops waiting on Escape', async ({
  app,
  ponte,
}, testInfo) => {
  // Saved as IT would from a script; the app then lists it.
  await addRigAccount(ponte, rig, paola, ['imap'], ['--smtp', `127.0.0.1:${rig.pec.port}`, '--pec']);
  await app.reload();

  const card = app.getByTestId('account-card').filter({ hasText: paola.email });
  const panel = card.getByTestId('pec-test');
  await panel.getByRole('button', { name: en.pec.ui.open }).click();
  await expectAccessible(app, 'PEC test panel');
  await panel.getByRole('button', { name: en.pec.ui.start }).click();

  const result = panel.getByTestId('pec-test-result');
  await expect(result).toContainText(en.pec.test.outcome.delivered, { timeout: 30_000 });
  await expect(result).toContainText(`Accepted by ${rig.pec.gestore} at`);
  await expect(result).toContainText(`Delivered to ${paola.email} at`);
  await expect(panel.getByTestId('pec-test-steps')).toContainText('Accepted by the provider at');
  await expectAccessible(app, 'PEC test delivered');
  await stepScreenshot(app, testInfo, 'pec-test-delivered');

  // A box that does not exist: the provider's own reason.
  await panel.getByLabel(en.pec.ui.to).fill(`nessuno@${rig.dns.domain}`);
  await panel.getByRole('button', { name: en.pec.ui.start }).click();
  await expect(result).toContainText(en.pec.test.outcome['not-delivered'], { timeout: 30_000 });
  await expect(result).toContainText(`Not delivered to nessuno@${rig.dns.domain}: ${en.pec.errors.altro}.`);
  await expect(result).toContainText(`5.1.1 - ${rig.pec.gestore} - indirizzo non valido`);

  // A provider that never answers: once accepted, Escape stops the wait and says what is known.
  await panel.getByLabel(en.pec.ui.to).fill(`ufficio@${rig.pec.silentDomain}`);
  await panel.getByRole('button', { name: en.pec.ui.start }).click();
  await expect(panel.getByTestId('pec-test-steps')).toContainText('Accepted by the provider at', {
    timeout: 30_000,
  });
  const stopped = Date.now();
  await expect(panel.getByRole('button', { name: en.pec.ui.stopWaiting })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(result).toContainText(en.pec.test.outcome['no-delivery'], { timeout: 10_000 });
  expect(Date.now() - stopped).toBeLessThan(10_000);

  // Check now also reads how full the box is (the rig's boxes hold 100 MiB).
  await card.getByRole('button', { name: en.accounts.check }).click();
  await expect(card.getByTestId('mailbox-quota')).toContainText(/Mailbox: .+ of 105 MB used \(\d+%\)/, {
    timeout: 15_000,
  });
  await expectAccessible(app, 'mailbox quota');
});
