import fc from 'fast-check';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Account } from '@core/accounts/account-schema';
import type { PlanStep } from '@shared/targets';
import { type AccountCollections, clientSetup, type ClientSetup } from '@core/targets/client-setup';
import { formatUserPrefLine } from '@core/targets/formats/libpref';
import { runPlanSteps } from '@core/targets/run-plan';
import { thunderbirdIds, thunderbirdPlan } from '@core/targets/thunderbird/thunderbird-plan';
import { exactValue } from '@core/targets/written-text';
import { fuzzSeed, hostileString, NAMED_HOSTILE, noFileCanHold } from '../../support/hostile-strings';
import {
  askThunderbird,
  type MozillaPrefsReading,
  parsePrefsWithMozilla,
  type ThunderbirdView,
} from '../../support/thunderbird';
import { OWN_ACCOUNT_PREFS, writeProfile } from '../../support/thunderbird-profile';
import { sampleAccount } from '../../unit/core/targets/sample-account';
import { useTempDir } from '../../support/use-temp-dir';

// Hostile strings in every field Ponte writes into Thunderbird — the account's name and user names, and the
// calendar and address-book names a server sends — read back by real Thunderbird (Debian's, headless): each
// value loads exactly as meant (or Ponte refused it and wrote nothing), and no preference outside Ponte's
// own changes. Mozilla's own parser (libpref) reads Ponte's string grammar for thousands more.

describe('prefs.js strings, read by Mozilla’s own parser', () => {
  it('reads every hostile value exactly as Ponte wrote it, with no parse error', async () => {
    const values = [...NAMED_HOSTILE, ...fc.sample(hostileString, { seed: fuzzSeed(), numRuns: 3000 })];
    const writable = values.filter((value) => !noFileCanHold(value));
    for (const value of values.filter(noFileCanHold)) {
      expect(() => formatUserPrefLine('ponte.test', value)).toThrowError(
        expect.objectContaining({ code: 'UNWRITABLE_VALUE' }),
      );
    }
    const text = writable
      .map((value, index) => `${formatUserPrefLine(`ponte.test.${index}`, value)}\n`)
      .join('');
    const reading = await parsePrefsWithMozilla(text);
    expect(reading.errors).toEqual([]);
    expect(reading.prefs).toEqual(
      writable.map((value, index) => ({ name: `ponte.test.${index}`, kind: 'string', value })),
    );
  }, 60_000);

  it('would not with JSON’s escapes: the test can tell (a tab, a form feed)', async () => {
    const reading = await parsePrefsWithMozilla(
      ['a\tb', 'a\fb'].map((value, index) => `user_pref("p${index}", ${JSON.stringify(value)});\n`).join(''),
    );
    expect(reading.errors).toHaveLength(2);
    expect(reading.prefs).toEqual([]);
  }, 60_000);
});

const dir = useTempDir('ponte-thunderbird-hostile-', 'all');

/**
 * The sample account renamed, with every login `login`, on mail servers of its own (Thunderbird keeps one
 * account per server and user name, and would drop a second one with the same login).
 */
function hostileAccount(id: string, name: string, login: string, host: string, email: string): Account {
  const account = sampleAccount();
  const { imap, smtp } = account.services;
  return {
    ...account,
    id,
    email,
    displayName: name,
    credentials: account.credentials.map((credential) => ({ ...credential, username: login })),
    services: {
      ...account.services,
      ...(imap ? { imap: { ...imap, endpoint: { ...imap.endpoint, host } } } : {}),
      ...(smtp ? { smtp: { ...smtp, endpoint: { ...smtp.endpoint, host } } } : {}),
    },
  };
}

/** Thunderbird's outgoing-server user name is a byte string (ACString): the UTF-8 bytes, one per character. */
const asByteString = (value: string): string => Buffer.from(value, 'utf8').toString('latin1');

/**
 * A collection address with the name in its path, as the URL parser hands on a server's href: quotes and
 * controls percent-encoded, `'` `(` `)` `;` `!` `$` `&` `=` `@` raw. Separators are replaced so each stays
 * one distinct path segment; cut at 300 characters (a longer href is left out by parseCalendars, tested there).
 */
const hostileUrl = (kind: string, key: string, index: number, name: string): string =>
  new URL(
    `${kind}/${key}/${index}-${name.slice(0, 300).replace(/[/\\?#.%]/g, '_')}/`,
    'https://sync.studio-rossi.ch/',
  ).href;

/** Addresses a mail server would take, each with a character prefs.js or a naive writer would stumble on. */
const EMAILS = [
  'anna@studio-rossi.ch',
  "o'brien+tag@studio-rossi.ch",
  'x");user_pref(@studio-rossi.ch',
  '"quoted\\"local"@studio-rossi.ch',
];

const collectionsNamed = (names: readonly string[], key: string): AccountCollections => ({
  calendars: names.map((name, index) => ({
    url: hostileUrl('calendars', key, index, name),
    displayName: name,
    components: ['VEVENT'],
    readOnly: false,
  })),
  addressBooks: names.map((name, index) => ({
    url: hostileUrl('books', key, index, name),
    displayName: name,
    readOnly: false,
  })),
});

describe('Ponte’s Thunderbird set-up with hostile values, read back by Thunderbird', () => {
  it('loads every account, server, calendar and book exactly as meant, and changes nothing else', async () => {
    const strings = [...NAMED_HOSTILE, ...fc.sample(hostileString, { seed: fuzzSeed(), numRuns: 40 })];
    const baseline = join(dir(), 'baseline');
    const profile = join(dir(), 'profile');
    await writeProfile(baseline);
    await cp(baseline, profile, { recursive: true });

    // Eight accounts, each with a hostile name and login; every hostile string also names a calendar and a
    // book. A login Ponte must refuse stops that account before anything is written.
    const setups: ClientSetup[] = [];
    const undos: PlanStep[][] = [];
    for (let index = 0; index < 8; index += 1) {
      const name = strings[(index * 7) % strings.length] ?? '';
      const login = strings[(index * 11 + 3) % strings.length] ?? '';
      const email = EMAILS[index % EMAILS.length] ?? '';
      const account = hostileAccount(`hostile-${index}`, name, login, `mail${index}.studio-rossi.ch`, email);
      const collections = collectionsNamed(strings.slice(index * 4, index * 4 + 4), `k${index}`);
      let refusal: unknown;
      try {
        exactValue(login, 'username');
      } catch (error) {
        refusal = error;
      }
      if (refusal) {
        expect(() => clientSetup(account, collections)).toThrowError(
          expect.objectContaining({ code: 'UNWRITABLE_VALUE' }),
        );
        continue;
      }
      const setup = clientSetup(account, collections);
      const plan = thunderbirdPlan({ setup, profileDir: profile, backupDir: join(dir(), 'backups') });
      await runPlanSteps(plan.steps);
      setups.push(setup);
      undos.push(plan.undo);
    }
    expect(setups.length).toBeGreaterThan(3);
    const baselineText = await readFile(join(baseline, 'prefs.js'), 'utf8');
    const writtenText = await readFile(join(profile, 'prefs.js'), 'utf8');

    // What Thunderbird loaded: every account, server, calendar and book as meant.
    const view = (await askThunderbird({ profileDir: profile })).view as ThunderbirdView;
    for (const setup of setups) expectLoaded(view, setup);

    // What the file says, as Mozilla's own parser reads it, before Thunderbird rewrote it: it differs from
    // the person's file only inside Ponte's own branches and in the two lists Ponte appends to. (Thunderbird's
    // own start adds profile paths and random ids, so its held preferences are compared for the person's
    // own values only, below.)
    const ours = setups.flatMap((setup) => ownBranches(setup));
    const [before, after] = await Promise.all([
      parsePrefsWithMozilla(baselineText),
      parsePrefsWithMozilla(writtenText),
    ]);
    expect([before.errors, after.errors]).toEqual([[], []]);
    const asMap = (prefs: MozillaPrefsReading['prefs']) =>
      new Map(prefs.map((pref) => [pref.name, pref.value]));
    const [was, is] = [asMap(before.prefs), asMap(after.prefs)];
    const changed = [...new Set([...was.keys(), ...is.keys()])].filter((key) => was.get(key) !== is.get(key));
    const unexplained = changed.filter(
      (key) =>
        !ours.some((branch) => key.startsWith(branch)) &&
        !['mail.accountmanager.accounts', 'mail.smtpservers'].includes(key),
    );
    expect(unexplained.map((key) => [key, was.get(key), is.get(key)])).toEqual([]);
    expect(is.get('mail.accountmanager.accounts')).toBe(
      ['account1', ...setups.map((setup) => thunderbirdIds(setup.key).account)].join(','),
    );
    expect(view.prefs['mail.server.server1.hostname']).toBe('imap.own.example');
    expect(view.prefs['mail.accountmanager.defaultaccount']).toBe('account1');

    // Thunderbird has rewritten prefs.js in its own way (raw control characters, its own escapes): the undo
    // still finds every one of Ponte's preferences and leaves the person's own.
    for (const undo of undos) await runPlanSteps(undo);
    const undone = await parsePrefsWithMozilla(await readFile(join(profile, 'prefs.js'), 'utf8'));
    expect(undone.errors).toEqual([]);
    const left = undone.prefs.filter((pref) => ours.some((branch) => pref.name.startsWith(branch)));
    expect(left).toEqual([]);
    const kept = asMap(undone.prefs);
    for (const [key, value] of OWN_ACCOUNT_PREFS) {
      // Thunderbird added its Local Folders account (account2) to the list itself.
      if (key === 'mail.accountmanager.accounts') expect(kept.get(key)).toBe('account1,account2');
      else expect(kept.get(key), key).toBe(value);
    }
  }, 120_000);
});

function ownBranches(setup: ClientSetup): string[] {
  const ids = thunderbirdIds(setup.key);
  return [
    `mail.account.${ids.account}.`,
    `mail.server.${ids.server}.`,
    `mail.identity.${ids.identity}.`,
    `mail.smtpserver.${ids.smtp}.`,
    ...setup.calendars.map((calendar) => `calendar.registry.${ids.calendar(calendar.url)}.`),
    ...setup.addressBooks.map((book) => `ldap_2.servers.${ids.addressBook(book.url)}.`),
  ];
}

function expectLoaded(view: ThunderbirdView, setup: ClientSetup): void {
  const ids = thunderbirdIds(setup.key);
  const account = view.accounts.find((entry) => entry.key === ids.account);
  const what = JSON.stringify(setup.label);
  expect(account?.incoming, what).toMatchObject({
    type: 'imap',
    hostName: setup.imap?.host,
    port: setup.imap?.port,
    username: setup.imap?.username,
    prettyName: setup.label,
  });
  expect(account?.identities.map((identity) => identity.email)).toEqual([setup.email]);
  expect(
    view.outgoingServers.find((server) => server.key === ids.smtp),
    what,
  ).toMatchObject({
    hostname: setup.smtp?.host,
    username: asByteString(setup.smtp?.username ?? ''),
    description: setup.label,
  });
  for (const calendar of setup.calendars) {
    expect(
      view.calendars.find((entry) => entry.id === ids.calendar(calendar.url)),
      JSON.stringify(calendar.name),
    ).toMatchObject({
      type: 'caldav',
      name: calendar.name,
      uri: calendar.url,
      username: calendar.username,
    });
  }
  for (const book of setup.addressBooks) {
    expect(
      view.addressBooks.find((entry) => entry.dirPrefId === `ldap_2.servers.${ids.addressBook(book.url)}`),
      JSON.stringify(book.name),
    ).toMatchObject({ dirType: 102, dirName: book.name, url: book.url, username: book.username });
  }
}
