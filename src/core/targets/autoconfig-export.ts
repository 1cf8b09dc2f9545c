import { XMLBuilder } from 'fast-xml-parser';
import type { Account } from '../accounts/account-schema';
import { assertXmlText } from './formats/xml-text';
import { exactValue, shownName } from './written-text';

// A Mozilla autoconfig file (clientConfig v1.1, what Thunderbird fetches from autoconfig.<domain>) for the
// account's servers: IT publishes it once and every mail program that reads it sets itself up. Our own
// discovery reads the same format, which is how the export is tested. No password is ever part of it.

export function autoconfigXml(account: Account): string {
  const domain = account.email.split('@')[1] ?? account.email;
  const usernameOf = (credentialId: string): string => {
    const username = account.credentials.find((credential) => credential.id === credentialId)?.username;
    // Mozilla's placeholder keeps the file valid for every address at the domain.
    return !username || username === account.email ? '%EMAILADDRESS%' : exactValue(username, 'username');
  };
  const { imap, smtp, caldav, carddav } = account.services;
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
        ...(imap ? { incomingServer: { '@type': 'imap', ...server(imap) } } : {}),
        ...(smtp ? { outgoingServer: { '@type': 'smtp', ...server(smtp) } } : {}),
      },
      ...(carddav ? { addressBook: { '@type': 'carddav', ...dav(carddav) } } : {}),
      ...(caldav ? { calendar: { '@type': 'caldav', ...dav(caldav) } } : {}),
    },
  };
  assertXmlText(document, 'autoconfig file');
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true }).build(
    document,
  ) as string;
}
