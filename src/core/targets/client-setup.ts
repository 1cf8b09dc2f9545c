import { createHash } from 'node:crypto';
import type { AddressBookInfo, CalendarInfo } from '@shared/verify';
import type { Account } from '../accounts/account-schema';
import { accountServiceTargets } from '../accounts/account-builders';
import type { AccountStore } from '../accounts/account-store';
import { PonteError } from '../errors/ponte-error';
import { verifyServices } from '../verify/verify-services';
import { exactValue, shownName } from './written-text';

// What a mail/calendar program needs to know about an account, whatever the program: the mail servers and
// the very calendars and address books the person chose, each with the user name its credential uses.
// Thunderbird and Evolution are both written from this one description.

interface MailServer {
  host: string;
  port: number;
  security: 'tls' | 'starttls';
  username: string;
}

export interface ClientSetup {
  /** Short, stable and unique to the account: the suffix of every id Ponte writes into a program. */
  key: string;
  label: string;
  email: string;
  imap?: MailServer;
  smtp?: MailServer;
  calendars: { url: string; name: string; color?: string; username: string }[];
  addressBooks: { url: string; name: string; username: string }[];
  /** Some name (the account's, a calendar's from the server) had to be cleaned to be written: say so. */
  namesCleaned: boolean;
}

export interface AccountCollections {
  calendars: CalendarInfo[];
  addressBooks: AddressBookInfo[];
}

export function setupKey(accountId: string): string {
  return createHash('sha256').update(accountId).digest('hex').slice(0, 10);
}

/**
 * The account as a program sees it: mail unless the person said no, and only the chosen collections. Every
 * value passes the one rule for what may be written into a program (written-text.ts): names are cleaned,
 * addresses, user names and hosts refused when they cannot be written as they are.
 */
export function clientSetup(account: Account, collections: AccountCollections): ClientSetup {
  let namesCleaned = false;
  const name = (value: string, fallback: string): string => {
    const shown = shownName(value, fallback);
    namesCleaned ||= shown.cleaned;
    return shown.value;
  };
  const usernameOf = (credentialId: string): string =>
    exactValue(
      account.credentials.find((credential) => credential.id === credentialId)?.username ?? account.email,
      'username',
    );
  const selection = account.selection;
  const mail = selection?.setUpMail ?? true;
  const server = (service: 'imap' | 'smtp'): MailServer | undefined => {
    const configured = account.services[service];
    if (!mail || !configured) return undefined;
    const { host, port, security } = configured.endpoint;
    return { host: exactValue(host, 'host'), port, security, username: usernameOf(configured.credential) };
  };
  const chosen = (url: string, urls: readonly string[] | undefined): boolean =>
    urls === undefined || urls.includes(url);
  const imap = server('imap');
  const smtp = server('smtp');
  const caldav = account.services.caldav;
  const carddav = account.services.carddav;
  const email = exactValue(account.email, 'email');
  const calendars = caldav
    ? collections.calendars
        .filter((calendar) => chosen(calendar.url, selection?.calendars))
        .filter((calendar) => calendar.components.length === 0 || calendar.components.includes('VEVENT'))
        .map((calendar) => ({
          url: exactValue(calendar.url, 'address'),
          name: name(calendar.displayName, lastSegment(calendar.url)),
          ...(calendar.color ? { color: calendar.color.slice(0, 7) } : {}),
          username: usernameOf(caldav.credential),
        }))
    : [];
  const addressBooks = carddav
    ? collections.addressBooks
        .filter((book) => chosen(book.url, selection?.addressBooks))
        .map((book) => ({
          url: exactValue(book.url, 'address'),
          name: name(book.displayName, lastSegment(book.url)),
          username: usernameOf(carddav.credential),
        }))
    : [];
  return {
    key: setupKey(account.id),
    label: name(account.displayName, email),
    email,
    ...(imap ? { imap } : {}),
    ...(smtp ? { smtp } : {}),
    calendars,
    addressBooks,
    namesCleaned,
  };
}

/** The name clients give a collection that has none: its address's last path segment. */
const lastSegment = (url: string): string => new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? url;

/**
 * The account's calendars and address books as the server lists them now, with their names and colours,
 * read with the password from the keychain. A refused password or a dead server stops here, before any
 * program is touched, with the check's own code in the message.
 */
export async function accountCollections(store: AccountStore, account: Account): Promise<AccountCollections> {
  const { targets, trust } = await accountServiceTargets(
    account,
    (credential) => store.secret(account, credential),
    (service) => service === 'caldav' || service === 'carddav',
  );
  if (targets.length === 0) return { calendars: [], addressBooks: [] };
  const results = await verifyServices(targets, { trust });
  const failed = results.filter((result) => result.status !== 'ok');
  if (failed.length > 0) {
    throw new PonteError(
      'CHECK_FAILED',
      `Could not list the calendars and address books of ${account.email}: ${failed
        .map((result) => `${result.service} ${result.code ?? 'failed'}`)
        .join(', ')}.`,
      'Use “Check now” on the account to see what is wrong, fix it, then try again.',
    );
  }
  const collections: AccountCollections = { calendars: [], addressBooks: [] };
  for (const result of results) {
    if (result.service === 'caldav' && result.found) collections.calendars = result.found.calendars;
    if (result.service === 'carddav' && result.found) collections.addressBooks = result.found.addressBooks;
  }
  return collections;
}
