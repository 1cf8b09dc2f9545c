import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { type AccountCollections, clientSetup } from '@core/targets/client-setup';
import { runPlanSteps } from '@core/targets/run-plan';
import { readPrefs } from '@core/targets/thunderbird/prefs-js';
import { thunderbirdPlan } from '@core/targets/thunderbird/thunderbird-plan';
import type { PrefValue } from '@shared/targets';
import { sampleAccount } from '../sample-account';
import { useTempDir } from '../../../../support/use-temp-dir';

const collections: AccountCollections = {
  calendars: [
    {
      url: 'https://sync.studio-rossi.ch/calendars/AB12345/work/',
      displayName: 'Lavoro',
      color: '#2E7D32FF',
      components: ['VEVENT'],
      readOnly: false,
    },
    {
      url: 'https://sync.studio-rossi.ch/calendars/AB12345/tasks/',
      displayName: 'Promemoria',
      components: ['VTODO'],
      readOnly: false,
    },
  ],
  addressBooks: [
    {
      url: 'https://sync.studio-rossi.ch:8443/dav/AB12345/contacts/',
      displayName: 'Contatti',
      readOnly: false,
    },
  ],
};

const BEFORE = [
  '// Mozilla User Preferences',
  '',
  'user_pref("mail.account.account1.server", "server1");',
  'user_pref("mail.accountmanager.accounts", "account1");',
  'user_pref("mail.accountmanager.defaultaccount", "account1");',
  'user_pref("mail.accountmanager.localfoldersserver", "server1");',
  'user_pref("mail.server.server1.type", "none");',
  '',
].join('\n');

const dir = useTempDir('ponte-tb-');
let profile: string;
beforeEach(async () => {
  profile = join(dir(), 'abcd.default-release');
  await mkdir(profile);
  await writeFile(join(profile, 'prefs.js'), BEFORE);
});

const plan = (account = sampleAccount()) =>
  thunderbirdPlan({
    setup: clientSetup(account, collections),
    profileDir: profile,
    backupDir: join(dir(), 'backups'),
  });

const str = (value: PrefValue | undefined): string => {
  if (typeof value !== 'string') throw new Error(`expected a string, got ${String(value)}`);
  return value;
};

describe('Thunderbird target', () => {
  it('writes an account whose pieces point at each other, calendars and address books, and no password', async () => {
    await runPlanSteps(plan().steps);
    const text = await readFile(join(profile, 'prefs.js'), 'utf8');
    const prefs = readPrefs(text);

    // Follow the references the way Thunderbird does: account list → account → server / identity → SMTP.
    const accounts = str(prefs.get('mail.accountmanager.accounts')).split(',');
    expect(accounts[0]).toBe('account1');
    const ours = accounts.find((id) => id !== 'account1');
    if (!ours) throw new Error('account not in the list');
    const server = str(prefs.get(`mail.account.${ours}.server`));
    expect(prefs.get(`mail.server.${server}.type`)).toBe('imap');
    expect(prefs.get(`mail.server.${server}.hostname`)).toBe('mail.studio-rossi.ch');
    expect(prefs.get(`mail.server.${server}.port`)).toBe(993);
    expect(prefs.get(`mail.server.${server}.socketType`)).toBe(3);
    expect(prefs.get(`mail.server.${server}.userName`)).toBe('anna@studio-rossi.ch');
    expect(prefs.get(`mail.server.${server}.name`)).toBe('Studio <Rossi> & Partner');
    const identity = str(prefs.get(`mail.account.${ours}.identities`));
    expect(prefs.get(`mail.identity.${identity}.useremail`)).toBe('anna@studio-rossi.ch');
    const smtp = str(prefs.get(`mail.identity.${identity}.smtpServer`));
    expect(str(prefs.get('mail.smtpservers')).split(',')).toContain(smtp);
    expect(prefs.get(`mail.smtpserver.${smtp}.hostname`)).toBe('mail.studio-rossi.ch');
    expect(prefs.get(`mail.smtpserver.${smtp}.port`)).toBe(587);
    expect(prefs.get(`mail.smtpserver.${smtp}.try_ssl`)).toBe(2);
    expect(prefs.get(`mail.smtpserver.${smtp}.username`)).toBe('anna@studio-rossi.ch');
    // The person's default account stays theirs.
    expect(prefs.get('mail.accountmanager.defaultaccount')).toBe('account1');

    // One CalDAV calendar (the tasks-only one is left out), with the sync login, and one CardDAV book.
    const calendars = [...prefs.keys()].filter((key) => /^calendar\.registry\.[^.]+\.type$/.test(key));
    expect(calendars).toHaveLength(1);
    const calendar = calendars[0]?.replace(/\.type$/, '') ?? '';
    expect(prefs.get(`${calendar}.type`)).toBe('caldav');
    expect(prefs.get(`${calendar}.uri`)).toBe(collections.calendars[0]?.url);
    expect(prefs.get(`${calendar}.name`)).toBe('Lavoro');
    expect(prefs.get(`${calendar}.color`)).toBe('#2E7D32');
    expect(prefs.get(`${calendar}.username`)).toBe('AB12345');
    const books = [...prefs.keys()].filter((key) => /^ldap_2\.servers\.[^.]+\.carddav\.url$/.test(key));
    expect(books).toHaveLength(1);
    const book = books[0]?.replace(/\.carddav\.url$/, '') ?? '';
    expect(prefs.get(`${book}.dirType`)).toBe(102);
    expect(prefs.get(`${book}.description`)).toBe('Contatti');
    expect(prefs.get(`${book}.carddav.username`)).toBe('AB12345');
    expect(str(prefs.get(`${book}.filename`))).toMatch(/\.sqlite$/);

    expect(text.toLowerCase()).not.toContain('password"');
    // A copy of the file as it was is kept in Ponte's folder, not in the profile.
    const [copy] = await readdir(join(dir(), 'backups'));
    expect(await readFile(join(dir(), 'backups', copy ?? ''), 'utf8')).toBe(BEFORE);
    expect((await readdir(profile)).sort()).toEqual(['prefs.js']);
  });

  it('the undo leaves prefs.js byte for byte as before', async () => {
    const { steps, undo } = plan();
    await runPlanSteps(steps);
    await runPlanSteps(undo);
    expect(await readFile(join(profile, 'prefs.js'), 'utf8')).toBe(BEFORE);
  });

  it('the same account always gets the same ids, so configuring again replaces instead of adding', () => {
    const account = sampleAccount();
    expect(plan(account)).toEqual(plan(structuredClone(account)));
    expect(plan(account)).not.toEqual(plan());
  });

  it('leaves mail out when the person chose not to set it up', () => {
    const account = {
      ...sampleAccount(),
      selection: { calendars: [], addressBooks: [], mountDrive: false, setUpMail: false },
    };
    expect(() =>
      thunderbirdPlan({ setup: clientSetup(account, collections), profileDir: profile, backupDir: dir() }),
    ).toThrow(/no mail, calendar or address book/);
  });
});
