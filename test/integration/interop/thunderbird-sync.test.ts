import { access, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { addRigAccount } from '../../support/rig-accounts';
import { ponteWith } from '../../support/run-ponte';
import { loadedByThunderbird, syncedByThunderbird } from '../../support/thunderbird';
import { writeProfile } from '../../support/thunderbird-profile';
import { rigUser } from '../verify/rig-targets';
import { rigFetch } from '../../rig/rig-tls';
import { useTempDir } from '../../support/use-temp-dir';

// The real Thunderbird (Debian's, headless) on what `ponte configure --target thunderbird` wrote, for each
// CalDAV/CardDAV implementation of the rig: Thunderbird lists the IMAP account, the SMTP server, the chosen
// calendars with their names and colour and the address book; given the rig's CA and the password (as a
// person answers its prompts), it logs in to Dovecot and fetches the event and the contact from the server.
// After Thunderbird rewrote prefs.js, `unconfigure` leaves it none of them and no files of theirs.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const dir = useTempDir('ponte-tb-sync-', 'all');

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** The realm a server names in its Basic challenge: Thunderbird's calendar keeps logins by it. */
async function realmOf(url: string): Promise<string> {
  const client = rigFetch(rig.caPem);
  const response = await client
    .fetch(url, { method: 'PROPFIND', headers: { depth: '0' } })
    .finally(() => client.close());
  const challenge = response.headers.get('www-authenticate') ?? '';
  const realm = /realm="([^"]*)"/i.exec(challenge)?.[1];
  if (response.status !== 401 || realm === undefined) throw new Error(`${url} sent no Basic challenge`);
  return realm;
}

const serverFolders = ['Drafts', 'INBOX', 'Junk', 'Sent', 'Trash'];

describe.each(rig.davServers)('Thunderbird set up by Ponte, with $name', (server) => {
  it('lists and syncs the account, calendars and book, and keeps nothing after the undo', async () => {
    const home = join(dir(), server.url.replace(/\W+/g, '-'));
    const profile = await writeProfile(join(home, '.thunderbird', 'p0.default-release'));
    await writeFile(
      join(home, '.thunderbird', 'profiles.ini'),
      '[Profile0]\nName=default-release\nIsRelative=1\nPath=p0.default-release\nDefault=1\n',
    );
    await mkdir(join(home, '.config'), { recursive: true });
    const ponte = ponteWith(() => ({ dataDir: join(home, 'data'), home }));
    const services = ['imap', 'smtp', 'caldav', 'carddav'] as const;
    const account = await addRigAccount(ponte, rig, anna, services, [], { davUrl: server.url });
    const done = await ponte(['configure', account.id, '--target', 'thunderbird']);
    expect(done.code, done.stdout + done.stderr).toBe(0);

    const origin = new URL(server.url).origin;
    const { view, synced } = await syncedByThunderbird(profile, {
      caFile: rig.caFile,
      imap: { username: anna.login, password: anna.password },
      logins: [{ origin, realm: await realmOf(server.url), username: anna.login, password: anna.password }],
    });

    const ponteAccount = view.accounts.find((a) => a.incoming?.username === anna.login);
    expect(ponteAccount?.incoming).toMatchObject({
      type: 'imap',
      hostName: '127.0.0.1',
      port: rig.imap.tlsPort,
    });
    expect(ponteAccount?.identities.map((identity) => identity.email)).toEqual([anna.email]);
    expect(view.outgoingServers).toContainEqual(
      expect.objectContaining({ hostname: '127.0.0.1', port: rig.smtp.submissionPort, username: anna.login }),
    );
    const calendars = view.calendars.filter((calendar) => calendar.uri.startsWith(origin));
    expect(calendars.map((calendar) => calendar.name)).toContain('Lavoro');
    expect(calendars.find((calendar) => calendar.name === 'Lavoro')?.color?.toUpperCase()).toBe('#2E7D32');
    expect(calendars.every((calendar) => calendar.username === anna.login)).toBe(true);
    const books = view.addressBooks.filter((book) => book.url?.startsWith(origin));
    expect(books.map((book) => book.dirName)).toEqual(['Contatti']);

    // Logged in to Dovecot: the folders listed are the server's, not only the INBOX every profile has.
    expect(synced.imap).toEqual([{ hostName: '127.0.0.1', username: anna.login, folders: serverFolders }]);
    const lavoro = synced.calendars.find(
      (calendar) => calendar.uri === calendars.find((c) => c.name === 'Lavoro')?.uri,
    );
    expect(lavoro).toMatchObject({ items: ['Riunione di prova'], error: 0 });
    expect(synced.addressBooks).toEqual([{ url: books[0]?.url, cards: ['Giulia Rossi'] }]);

    const undo = await ponte(['unconfigure', account.id, '--target', 'thunderbird']);
    expect(undo.code, undo.stdout + undo.stderr).toBe(0);
    const after = await loadedByThunderbird(profile);
    expect(after.accounts.filter((a) => a.incoming?.username === anna.login)).toEqual([]);
    expect(after.outgoingServers.filter((s) => s.username === anna.login)).toEqual([]);
    expect(after.calendars.filter((calendar) => calendar.uri.startsWith(origin))).toEqual([]);
    expect(after.addressBooks.filter((book) => book.url?.startsWith(origin))).toEqual([]);
    expect((await readdir(profile)).filter((name) => name.startsWith('ponte_'))).toEqual([]);
    expect(await exists(join(profile, 'ImapMail', '127.0.0.1'))).toBe(false);
    await ponte(['account', 'remove', account.id]);
  }, 180_000);
});
