import { XMLBuilder } from 'fast-xml-parser';
import type { Account } from '../accounts/account-schema';
import { PonteError } from '../errors/ponte-error';
import { assertXmlText, referenceCarriageReturns } from './formats/xml-text';
import { exactValue, shownName } from './written-text';

// A Mozilla autoconfig file (clientConfig v1.1, what Thunderbird fetches from autoconfig.<domain>) for the
// account's servers: IT publishes it once and every mail program that reads it sets itself up. Our own
// discovery reads the same format, which is how the export is tested. No password is ever part of it.

export function autoconfigXml(account: Account): string {
  const domain = account.email.split('@')[1] ?? account.email;
  const localPart = account.email.split('@')[0] ?? '';
  const usernameOf = (credentialId: string): string => {
    const username = account.credentials.find((credential) => credential.id === credentialId)?.username;
    // Mozilla's placeholders keep the file valid for every address at the domain: the file is for all of them.
    if (!username || username === account.email) return '%EMAILADDRESS%';
    if (username === localPart) return '%EMAILLOCALPART%';
    return exactValue(username, 'username');
  };
  const { imap, smtp, caldav, carddav } = account.services;
  // Thunderbird's reader refuses a file without an incoming and an outgoing server: never write one.
  if (!imap || !smtp) {
    throw new PonteError(
      'INVALID_INPUT',
      `An autoconfig file needs an incoming (IMAP) and an outgoing (SMTP) server; ${account.email} has ${
        imap ? 'no SMTP server' : smtp ? 'no IMAP server' : 'neither'
      }.`,
      'Add the missing mail server to the account (or export the calendars another way, e.g. --target mobileconfig).',
    );
  }
  const server = (service: NonNullable<typeof imap>) => ({
    hostname: exactValue(service.endpoint.host, 'host'),
    port: service.endpoint.port,
    socketType: service.endpoint.security === 'tls' ? 'SSL' : 'STARTTLS',
    username: usernameOf(service.credential),
    authentication: 'password-cleartext',
  });
  const dav = (service: NonNullable<typeof caldav>) => ({
    username: usernameOf(service.credential),
    authentication: 'http-basic',
    serverURL: exactValue(service.url, 'address'),
  });
  const name = shownName(account.displayName, domain, 'xml').value;
  const document = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    clientConfig: {
      '@version': '1.1',
      emailProvider: {
        '@id': domain,
        domain,
        displayName: name,
        displayShortName: name,
        incomingServer: { '@type': 'imap', ...server(imap) },
        outgoingServer: { '@type': 'smtp', ...server(smtp) },
      },
      ...(carddav ? { addressBook: { '@type': 'carddav', ...dav(carddav) } } : {}),
      ...(caldav ? { calendar: { '@type': 'caldav', ...dav(caldav) } } : {}),
    },
  };
  assertXmlText(document, 'autoconfig file');
  const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true }).build(
    document,
  ) as string;
  return referenceCarriageReturns(xml);
}
