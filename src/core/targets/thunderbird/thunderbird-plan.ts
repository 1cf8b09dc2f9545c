import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ListEntry, PrefEntry, TargetPlan } from '@shared/targets';
import { PonteError } from '../../errors/ponte-error';
import type { ClientSetup } from '../client-setup';
import { stableUuid } from '../stable-uuid';

// The account as Thunderbird preferences: an IMAP account with its identity and SMTP server, a CalDAV
// calendar per chosen calendar (calendar.registry) and a CardDAV address book per chosen book (ldap_2.servers,
// directory type 102). Every id carries the account's key, so the undo removes exactly Ponte's branches and
// list items. No password is written: Thunderbird asks once per server and keeps it in its own store.

const SOCKET = { tls: 3, starttls: 2 } as const;
const PASSWORD_CLEARTEXT = 3;
const CARDDAV_DIRECTORY = 102;

export interface ThunderbirdIds {
  account: string;
  server: string;
  identity: string;
  smtp: string;
  calendar: (url: string) => string;
  addressBook: (url: string) => string;
}

export function thunderbirdIds(key: string): ThunderbirdIds {
  return {
    account: `account_ponte_${key}`,
    server: `server_ponte_${key}`,
    identity: `id_ponte_${key}`,
    smtp: `smtp_ponte_${key}`,
    calendar: (url) => stableUuid(key, url).toLowerCase(),
    addressBook: (url) => `ponte_${key}_${createHash('sha256').update(url).digest('hex').slice(0, 8)}`,
  };
}

export interface ThunderbirdPlanInput {
  setup: ClientSetup;
  /** The profile folder holding prefs.js. */
  profileDir: string;
  /** Ponte's own folder for copies of prefs.js taken before each change. */
  backupDir: string;
}

export function thunderbirdPlan({ setup, profileDir, backupDir }: ThunderbirdPlanInput): TargetPlan {
  const ids = thunderbirdIds(setup.key);
  const prefs: PrefEntry[] = [];
  const ifAbsent: PrefEntry[] = [];
  const lists: ListEntry[] = [];
  const branches: string[] = [];
  const set = (branch: string, values: Record<string, string | number | boolean>): void => {
    branches.push(`${branch}.`);
    for (const [name, value] of Object.entries(values)) prefs.push({ key: `${branch}.${name}`, value });
  };

  const { imap, smtp } = setup;
  if (imap) {
    set(`mail.account.${ids.account}`, { server: ids.server, identities: ids.identity });
    set(`mail.server.${ids.server}`, {
      type: 'imap',
      name: setup.label,
      hostname: imap.host,
      port: imap.port,
      socketType: SOCKET[imap.security],
      authMethod: PASSWORD_CLEARTEXT,
      userName: imap.username,
      login_at_startup: true,
    });
    set(`mail.identity.${ids.identity}`, {
      useremail: setup.email,
      valid: true,
      ...(smtp ? { smtpServer: ids.smtp } : {}),
    });
    lists.push({ key: 'mail.accountmanager.accounts', item: ids.account });
    ifAbsent.push({ key: 'mail.accountmanager.defaultaccount', value: ids.account });
    if (smtp) {
      set(`mail.smtpserver.${ids.smtp}`, {
        description: setup.label,
        hostname: smtp.host,
        port: smtp.port,
        try_ssl: SOCKET[smtp.security],
        authMethod: PASSWORD_CLEARTEXT,
        username: smtp.username,
      });
      lists.push({ key: 'mail.smtpservers', item: ids.smtp });
      ifAbsent.push({ key: 'mail.smtp.defaultserver', value: ids.smtp });
    }
  }
  for (const calendar of setup.calendars) {
    set(`calendar.registry.${ids.calendar(calendar.url)}`, {
      type: 'caldav',
      name: calendar.name,
      uri: calendar.url,
      username: calendar.username,
      ...(calendar.color ? { color: calendar.color } : {}),
      'cache.enabled': true,
      'calendar-main-in-composite': true,
    });
  }
  for (const book of setup.addressBooks) {
    const id = ids.addressBook(book.url);
    set(`ldap_2.servers.${id}`, {
      description: book.name,
      dirType: CARDDAV_DIRECTORY,
      filename: `${id}.sqlite`,
      'carddav.url': book.url,
      'carddav.username': book.username,
    });
  }
  if (prefs.length === 0) {
    throw new PonteError(
      'INVALID_INPUT',
      `${setup.email} has no mail, calendar or address book for Thunderbird.`,
    );
  }

  const file = join(profileDir, 'prefs.js');
  const closed = { kind: 'require-closed', program: 'thunderbird', profile: profileDir } as const;
  const backup = { kind: 'backup-file', file, to: backupDir } as const;
  return {
    target: 'thunderbird',
    location: profileDir,
    steps: [closed, backup, { kind: 'set-prefs', file, prefs, ifAbsent, lists }],
    undo: [
      closed,
      backup,
      { kind: 'remove-profile-data', file, profile: profileDir, branches },
      { kind: 'remove-prefs', file, branches, lists, ifEquals: ifAbsent },
    ],
    warnings: ['thunderbirdAsksPassword', ...(setup.namesCleaned ? (['namesCleaned'] as const) : [])],
  };
}
