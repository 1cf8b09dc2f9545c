import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import en from '../../src/shared/i18n/locales/en.json';
import { rigImap } from '../support/rig-imap';
import { addRigAccount } from '../support/rig-accounts';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';
import { e2eRig } from './rig';
import { stepScreenshot } from './wizard';

// The card's "Archive old messages" against the rig's Dovecot and Apache WebDAV: what would move, then the move.

const rig = e2eRig();
const vera =
  rig.users[5] ??
  (() => {
    throw new Error('the rig has no archive user');
  })();

async function seedOld(subjects: string[]): Promise<void> {
  const client = await rigImap(rig, vera);
  try {
    for (const [index, subject] of subjects.entries()) {
      const raw = `From: ${vera.email}\r\nTo: ${vera.email}\r\nSubject: ${subject}\r\n\r\nvecchio\r\n`;
      await client.append('INBOX', raw, [], new Date(Date.UTC(2026, 0, 10 + index)));
    }
  } finally {
    await client.logout();
  }
}

async function inboxCount(): Promise<number> {
  const client = await rigImap(rig, vera);
  try {
    return (await client.mailboxOpen('INBOX')).exists;
  } finally {
    await client.logout();
  }
}

test('a PEC box archives its old messages: first what would move, then to a folder, then to a drive', async ({
  app,
  dataDir,
  ponte,
}, testInfo) => {
  await addRigAccount(ponte, rig, vera, ['imap', 'webdav'], ['--pec']);
  await seedOld(['gennaio 1', 'gennaio 2']);
  const before = await inboxCount();
  await app.reload();

  const card = app.getByTestId('account-card').filter({ hasText: vera.email });
  const panel = card.getByTestId('pec-archive');
  await panel.getByRole('button', { name: en.pec.archiveUi.open }).click();
  const folder = join(dataDir, 'archivio');
  await panel.getByLabel(en.pec.archiveUi.folderPath).fill(folder);
  await expectAccessible(app, 'archive panel');
  await panel.getByRole('button', { name: en.pec.archiveUi.preview }).click();
  const result = panel.getByTestId('pec-archive-result');
  await expect(result).toContainText(
    /^2 messages \(.+\) arrived before \d{4}-\d{2}-\d{2} and would be archived/,
  );
  expect(await inboxCount()).toBe(before);

  await panel.getByRole('button', { name: 'Archive these 2 messages' }).click();
  await expect(result).toContainText(`2 messages`, { timeout: 15_000 });
  await expect(result).toContainText(`were copied to ${folder}, checked, and removed from the server.`);
  await expect(result).toContainText(
    `The list of what moved is in ${join(folder, 'ponte-archive-manifest.json')}.`,
  );
  await expectAccessible(app, 'archive done');
  await stepScreenshot(app, testInfo, 'pec-archive-done');
  expect(await inboxCount()).toBe(before - 2);
  const files = await readdir(join(folder, '2026/01'));
  expect(files.filter((file) => file.endsWith('.eml'))).toHaveLength(2);

  // The same box's own drive, by keyboard choice of the destination.
  await seedOld(['febbraio']);
  await panel.getByRole('radio', { name: `The drive of ${vera.email} (${vera.email})` }).check();
  await panel.getByRole('button', { name: en.pec.archiveUi.preview }).click();
  await expect(result).toContainText(/^1 message \(.+\) arrived before/);
  await panel.getByRole('button', { name: en.pec.archiveUi.move_one }).click();
  await expect(result).toContainText(`1 message (`, { timeout: 15_000 });
  await expect(result).toContainText(`was copied to ${vera.webdavUrl}PEC%20archive/`);
  expect(await inboxCount()).toBe(before - 2);
});
