import plist from 'plist';
import type { Account } from '../accounts/account-schema';
import type { AccountStore } from '../accounts/account-store';
import { safeFileName } from './formats/file-name';
import { assertXmlText } from './formats/xml-text';
import { stableUuid } from './stable-uuid';
import { exactValue, shownName } from './written-text';

// An Apple configuration profile (.mobileconfig) carrying the account's calendars (CalDAV), contacts (CardDAV)
// and mail (IMAP + SMTP) for a Mac, an iPhone or an iPad. Passwords are left out unless the person asks:
// the device then asks for them once, and keeps them in its own keychain.

export interface MobileconfigOptions {
  /** Passwords by credential id, only when the person chose to include them. */
  passwords?: Record<string, string>;
}

type PlistDict = { [key: string]: plist.PlistValue };

export function mobileconfig(saved: Account, options: MobileconfigOptions = {}): string {
  // Names cleaned, addresses and user names refused when they cannot be written (written-text.ts).
  const account = { ...saved, displayName: shownName(saved.displayName, saved.email, 'xml').value };
  const identifier = `app.ponte.account.${account.id}`;
  const usernameOf = (credentialId: string): string =>
    exactValue(
      account.credentials.find((credential) => credential.id === credentialId)?.username ?? account.email,
      'username',
    );
  const passwordOf = (credentialId: string): string | undefined => options.passwords?.[credentialId];
  const payload = (kind: string, type: string, name: string, body: PlistDict): PlistDict => ({
    PayloadType: type,
    PayloadVersion: 1,
    PayloadIdentifier: `${identifier}.${kind}`,
    PayloadUUID: stableUuid(account.id, kind),
    PayloadDisplayName: name,
    ...body,
  });
  const content: PlistDict[] = [];

  for (const [service, prefix, type] of [
    ['caldav', 'CalDAV', 'com.apple.caldav.account'],
    ['carddav', 'CardDAV', 'com.apple.carddav.account'],
  ] as const) {
    const dav = account.services[service];
    if (!dav) continue;
    const url = new URL(dav.url);
    const password = passwordOf(dav.credential);
    content.push(
      payload(service, type, `${prefix} — ${account.displayName}`, {
        [`${prefix}AccountDescription`]: account.displayName,
        [`${prefix}HostName`]: url.hostname,
        [`${prefix}Port`]: Number(url.port || 443),
        [`${prefix}UseSSL`]: true,
        [`${prefix}PrincipalURL`]: url.href,
        [`${prefix}Username`]: usernameOf(dav.credential),
        ...(password ? { [`${prefix}Password`]: password } : {}),
      }),
    );
  }

  const { imap, smtp } = account.services;
  if (imap) {
    const incoming = passwordOf(imap.credential);
    const outgoing = smtp ? passwordOf(smtp.credential) : undefined;
    content.push(
      payload('mail', 'com.apple.mail.managed', `Mail — ${account.displayName}`, {
        EmailAccountDescription: account.displayName,
        EmailAccountName: account.displayName,
        EmailAccountType: 'EmailTypeIMAP',
        EmailAddress: account.email,
        IncomingMailServerAuthentication: 'EmailAuthPassword',
        IncomingMailServerHostName: imap.endpoint.host,
        IncomingMailServerPortNumber: imap.endpoint.port,
        // True means TLS from the first byte; with STARTTLS the device upgrades the connection itself.
        IncomingMailServerUseSSL: imap.endpoint.security === 'tls',
        IncomingMailServerUsername: usernameOf(imap.credential),
        ...(incoming ? { IncomingPassword: incoming } : {}),
        ...(smtp
          ? {
              OutgoingMailServerAuthentication: 'EmailAuthPassword',
              OutgoingMailServerHostName: smtp.endpoint.host,
              OutgoingMailServerPortNumber: smtp.endpoint.port,
              OutgoingMailServerUseSSL: smtp.endpoint.security === 'tls',
              OutgoingMailServerUsername: usernameOf(smtp.credential),
              ...(outgoing ? { OutgoingPassword: outgoing } : {}),
            }
          : {}),
      }),
    );
  }

  const profile: PlistDict = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: identifier,
    PayloadUUID: stableUuid(account.id, 'profile'),
    PayloadDisplayName: `${account.displayName} (Ponte)`,
    PayloadDescription: `Calendars, contacts and mail for ${account.email}.`,
    PayloadRemovalDisallowed: false,
    PayloadContent: content,
  };
  assertXmlText(profile, 'configuration profile');
  return plist.build(profile);
}

/** The file's name: the account's display name, kept to characters every file system takes. */
export const mobileconfigFileName = (account: Account): string =>
  `${safeFileName(account.displayName.replace(/[^\p{L}\p{N}._-]+/gu, '-'), 'Ponte').value}.mobileconfig`;

/** The profile for a saved account; with `withPassword`, its passwords come from the keychain into the file. */
export async function accountMobileconfig(
  store: AccountStore,
  id: string,
  withPassword: boolean,
): Promise<string> {
  const account = await store.get(id);
  const passwords: Record<string, string> = {};
  if (withPassword) {
    for (const credential of account.credentials)
      passwords[credential.id] = await store.secret(account, credential.id);
  }
  return mobileconfig(account, withPassword ? { passwords } : {});
}
