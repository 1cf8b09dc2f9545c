import { accountFromRequest } from '@core/accounts/account-builders';
import type { Account } from '@core/accounts/account-schema';

/** An office account as the targets see it: mail with the mailbox password, sync with its own short login. */
export function sampleAccount(): Account {
  return accountFromRequest(
    {
      email: 'anna@studio-rossi.ch',
      displayName: 'Studio <Rossi> & Partner',
      kind: 'mailbox-password',
      request: {
        username: 'anna@studio-rossi.ch',
        imap: { host: 'mail.studio-rossi.ch', port: 993, security: 'tls' },
        smtp: { host: 'mail.studio-rossi.ch', port: 587, security: 'starttls' },
        caldav: { url: 'https://sync.studio-rossi.ch/' },
        carddav: { url: 'https://sync.studio-rossi.ch:8443/dav/' },
        credentials: [{ id: 'sync', username: 'AB12345' }],
        use: { caldav: 'sync', carddav: 'sync' },
      },
    },
    new Date('2026-11-23T10:00:00Z'),
  );
}
