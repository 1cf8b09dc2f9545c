import { createHash } from 'node:crypto';
import type { AddressBookInfo, CalendarInfo } from '@shared/verify';
import type { Account } from '../accounts/account-schema';
import { accountTargets } from '../accounts/account-builders';
import type { AccountStore } from '../accounts/account-store';
import { PonteError } from '../errors/ponte-error';
import { verifyServices } from '../verify/verify-services';

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
}

export interface AccountCollections {
  calendars: CalendarInfo[];
  addressBooks: AddressBookInfo[];
}

export function setupKey(accountId: string): string {
  return createHash('sha256').update(accountId).digest('hex').slice(0, 10);
}

/** The account as a program sees it: mail unless the person said no, and only the chosen collections. */
export function clientSetup(account: Account, collections: AccountCollections): ClientSetup {
  const usernameOf = (credentialId: string): string =>
    account.credentials.find((credential) => credential.id === credentialId)?.username ?? account.email;
  const selection = account.selection;
  const mail = selection?.setUpMail ?? true;
  const server = (service: 'imap' | 'smtp'): MailServer | undefined => {
    const configured = account.services[service];
    if (!mail || !configured) return undefined;
    return { ...configured.endpoint, username: usernameOf(configured.credential) };
  };
  const chosen = (url: string, urls: readonly string[] | undefined): boolean =>
    urls === undefined || urls.includes(url);
  const imap = server('imap');
  const smtp = server('smtp');
  const caldav = account.services.caldav;
  const carddav = account.services.carddav;
  return {
    key: setupKey(account.id),
    label: account.displayName,
    email: account.email,
    ...(imap ? { imap } : {}),
    ...(smtp ? { smtp } : {}),
    calendars: caldav
      ? collections.calendars
          .filter((calendar) => chosen(calendar.url, selection?.calendars))
          .filter((calendar) => calendar.components.length === 0 || calendar.components.includes('VEVENT'))
          .map((calendar) => ({
            url: calendar.url,
            name: calendar.displayName,
            ...(calendar.color ? { color: calendar.color.slice(0, 7) } : {}),
            username: usernameOf(caldav.credential),
          }))
      : [],
    addressBooks: carddav
      ? collections.addressBooks
          .filter((book) => chosen(book.url, selection?.addressBooks))
          .map((book) => ({
            url: book.url,
            name: book.displayName,
            username: usernameOf(carddav.credential),
          }))
      : [],
  };
}

/**
 * The account's calendars and address books as the server lists them now, with their names and colours,
 * read with the password from the keychain. A refused password or a dead server stops here, before any
 * program is touched, with the check's own code in the message.
 */
export async function accountCollections(store: AccountStore, account: Account): Promise<AccountCollections> {
  const { targets, trust } = await accountTargets(
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
