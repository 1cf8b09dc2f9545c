import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isThunderbirdInstalled,
  loadedByThunderbird,
  parsePrefsWithMozilla,
} from '../../support/thunderbird';
import { useTempDir } from '../../support/use-temp-dir';

// The harness other Thunderbird tests stand on: real Thunderbird must list what a prefs.js written by hand
// defines, and Mozilla's prefs parser must reject what it does not know. A missing Thunderbird fails here.

const dir = useTempDir('ponte-thunderbird-harness-');

const calendarId = '3f1c2a64-7d0e-4b8a-9c55-0e2d7f6b1a93';
const written: Record<string, string | number> = {
  'mail.accountmanager.accounts': 'account1',
  'mail.accountmanager.defaultaccount': 'account1',
  'mail.account.account1.server': 'server1',
  'mail.account.account1.identities': 'id1',
  'mail.server.server1.type': 'imap',
  'mail.server.server1.hostname': 'mail.studio-rossi.ch',
  'mail.server.server1.port': 993,
  'mail.server.server1.userName': 'anna@studio-rossi.ch',
  'mail.server.server1.socketType': 3,
  'mail.server.server1.authMethod': 3,
  'mail.server.server1.name': 'Studio Rossi',
  'mail.identity.id1.useremail': 'anna@studio-rossi.ch',
  'mail.identity.id1.fullName': 'Anna Rossi',
  'mail.identity.id1.smtpServer': 'smtp1',
  'mail.smtpservers': 'smtp1',
  'mail.smtp.defaultserver': 'smtp1',
  'mail.smtpserver.smtp1.hostname': 'smtp.studio-rossi.ch',
  'mail.smtpserver.smtp1.port': 465,
  'mail.smtpserver.smtp1.username': 'anna@studio-rossi.ch',
  'mail.smtpserver.smtp1.try_ssl': 3,
  'mail.smtpserver.smtp1.authMethod': 3,
  'mail.smtpserver.smtp1.description': 'Studio Rossi (uscita)',
  [`calendar.registry.${calendarId}.type`]: 'caldav',
  [`calendar.registry.${calendarId}.name`]: 'Lavoro',
  [`calendar.registry.${calendarId}.uri`]: 'https://dav.studio-rossi.ch/calendars/anna/work/',
  [`calendar.registry.${calendarId}.username`]: 'anna@studio-rossi.ch',
  [`calendar.registry.${calendarId}.color`]: '#2e7d32',
  'ldap_2.servers.test1.description': 'Contatti',
  'ldap_2.servers.test1.dirType': 102,
  'ldap_2.servers.test1.filename': 'abook-1.sqlite',
  'ldap_2.servers.test1.carddav.url': 'https://dav.studio-rossi.ch/addressbooks/anna/contacts/',
  'ldap_2.servers.test1.carddav.username': 'anna@studio-rossi.ch',
};

function prefsJs(prefs: Record<string, string | number>): string {
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
    .join('');
}

describe('Thunderbird harness', () => {
  it('finds Thunderbird installed', () => {
    expect(isThunderbirdInstalled(), 'Thunderbird is not installed: run `npm run setup:test`').toBe(true);
  });

  it('lists exactly the account, outgoing server, calendar and book a prefs.js defines', async () => {
    await writeFile(join(dir(), 'prefs.js'), prefsJs(written));
    const view = await loadedByThunderbird(dir());

    // Thunderbird adds a Local Folders account to any profile without one.
    expect(view.accounts.map((account) => account.incoming?.type)).toEqual(['imap', 'none']);
    expect(view.accounts[0]).toEqual({
      key: 'account1',
      incoming: {
        type: 'imap',
        hostName: 'mail.studio-rossi.ch',
        port: 993,
        username: 'anna@studio-rossi.ch',
        socketType: 3,
        authMethod: 3,
        prettyName: 'Studio Rossi',
      },
      identities: [
        { key: 'id1', email: 'anna@studio-rossi.ch', fullName: 'Anna Rossi', smtpServerKey: 'smtp1' },
      ],
    });
    expect(view.outgoingServers).toEqual([
      {
        key: 'smtp1',
        type: 'smtp',
        hostname: 'smtp.studio-rossi.ch',
        port: 465,
        username: 'anna@studio-rossi.ch',
        socketType: 3,
        authMethod: 3,
        description: 'Studio Rossi (uscita)',
      },
    ]);
    expect(view.calendars).toEqual([
      {
        id: calendarId,
        name: 'Lavoro',
        type: 'caldav',
        uri: 'https://dav.studio-rossi.ch/calendars/anna/work/',
        username: 'anna@studio-rossi.ch',
        color: '#2e7d32',
      },
    ]);
    // Every profile also has the two local books (Personal Address Book, Collected Addresses).
    expect(view.addressBooks.map((book) => book.dirPrefId).sort()).toEqual([
      'ldap_2.servers.history',
      'ldap_2.servers.pab',
      'ldap_2.servers.test1',
    ]);
    expect(view.addressBooks.filter((book) => book.dirType === 102)).toEqual([
      {
        dirPrefId: 'ldap_2.servers.test1',
        dirName: 'Contatti',
        dirType: 102,
        url: 'https://dav.studio-rossi.ch/addressbooks/anna/contacts/',
        username: 'anna@studio-rossi.ch',
      },
    ]);
    // Every preference written is still held as written, next to the ones Thunderbird adds itself; only the
    // account list has grown by Local Folders.
    expect(view.prefs).toMatchObject({ ...written, 'mail.accountmanager.accounts': 'account1,account2' });
    expect(view.prefs['mail.accountmanager.localfoldersserver']).toBe('server2');
  });

  it('reads prefs.js with libpref: an escape it does not know is an error, those it knows are decoded', async () => {
    const parsed = await parsePrefsWithMozilla(
      ['user_pref("a", "x\\ty");', 'user_pref("b", "q\\"\\\\\\n");', 'user_pref("c", "Zürich €");', ''].join(
        '\n',
      ),
    );
    expect(parsed.errors).toEqual([
      "prefs.js:1: prefs parse error: unexpected escape sequence character after '\\'",
    ]);
    expect(parsed.prefs).toEqual([
      { name: 'b', kind: 'string', value: 'q"\\\n' },
      { name: 'c', kind: 'string', value: 'Zürich €' },
    ]);
  });
});
