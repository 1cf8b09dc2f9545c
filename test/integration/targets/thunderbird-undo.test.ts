import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientSetup } from '@core/targets/client-setup';
import { runPlanSteps } from '@core/targets/run-plan';
import { thunderbirdIds, thunderbirdPlan } from '@core/targets/thunderbird/thunderbird-plan';
import { loadedByThunderbird } from '../../support/thunderbird';
import { writeProfile } from '../../support/thunderbird-profile';
import { sampleAccount } from '../../unit/core/targets/sample-account';
import { useTempDir } from '../../support/use-temp-dir';

// Thunderbird makes files of its own for what Ponte set up (the IMAP account's local folder, each CardDAV
// book's database). After Thunderbird ran and rewrote prefs.js, the undo leaves Thunderbird with none of
// Ponte's entries and none of their files — and the person's own account and folder as they were.

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

const dir = useTempDir('ponte-thunderbird-undo-', 'all');

describe('taking Ponte’s Thunderbird set-up back after Thunderbird ran', () => {
  it('removes the entries and their files, and nothing of the person’s', async () => {
    const profile = await writeProfile(join(dir(), 'profile'));
    const setup = clientSetup(sampleAccount(), {
      calendars: [],
      addressBooks: [
        {
          url: 'https://sync.studio-rossi.ch:8443/dav/AB12345/contacts/',
          displayName: 'Contatti',
          readOnly: false,
        },
      ],
    });
    const plan = thunderbirdPlan({ setup, profileDir: profile, backupDir: join(dir(), 'backups') });
    await runPlanSteps(plan.steps);
    const ids = thunderbirdIds(setup.key);
    const book = `${ids.addressBook('https://sync.studio-rossi.ch:8443/dav/AB12345/contacts/')}.sqlite`;

    // Thunderbird runs (offline) and makes its files: a local folder per IMAP server, the book's database.
    const first = await loadedByThunderbird(profile);
    expect(first.accounts.map((account) => account.key)).toContain(ids.account);
    expect(await exists(join(profile, 'ImapMail', 'mail.studio-rossi.ch'))).toBe(true);
    expect(await exists(join(profile, 'ImapMail', 'imap.own.example'))).toBe(true);
    expect(await exists(join(profile, book))).toBe(true);

    await runPlanSteps(plan.undo);
    expect(await exists(join(profile, 'ImapMail', 'mail.studio-rossi.ch'))).toBe(false);
    expect(await exists(join(profile, book))).toBe(false);
    expect((await readdir(profile)).filter((name) => name.startsWith('ponte_'))).toEqual([]);
    expect(await exists(join(profile, 'ImapMail', 'imap.own.example'))).toBe(true);

    const after = await loadedByThunderbird(profile);
    expect(after.accounts.map((account) => account.key)).not.toContain(ids.account);
    expect(after.accounts.map((account) => account.key)).toContain('account1');
    expect(after.outgoingServers.map((server) => server.key)).not.toContain(ids.smtp);
    expect(after.addressBooks.map((entry) => entry.dirPrefId)).not.toContain(
      `ldap_2.servers.${ids.addressBook('https://sync.studio-rossi.ch:8443/dav/AB12345/contacts/')}`,
    );
    expect(Object.keys(after.prefs).filter((key) => key.includes('ponte'))).toEqual([]);
  }, 120_000);
});
