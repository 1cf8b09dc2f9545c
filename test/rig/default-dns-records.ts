import type { RigPorts } from './context';
import type { DnsRecord } from './rig-info';

/**
 * What a well-run provider publishes for `domain` (RFC 6186 mail SRV records, RFC 6764 CalDAV/CardDAV
 * SRV with TXT path), pointing at this rig's real ports so discovery results can be connected to.
 */
export function defaultDnsRecords(domain: string, ports: RigPorts): DnsRecord[] {
  const mail = `mail.${domain}`;
  const dav = `dav.${domain}`;
  const srv = (service: string, target: string, port: number): DnsRecord => ({
    type: 'SRV',
    name: `${service}._tcp.${domain}`,
    target,
    port,
    priority: 0,
    weight: 1,
  });
  return [
    { type: 'A', name: domain, address: '127.0.0.1' },
    { type: 'A', name: mail, address: '127.0.0.1' },
    { type: 'A', name: dav, address: '127.0.0.1' },
    { type: 'MX', name: domain, exchange: mail, priority: 10 },
    srv('_imaps', mail, ports.imapTls),
    srv('_imap', mail, ports.imapStarttls),
    srv('_submissions', mail, ports.smtpTls),
    srv('_submission', mail, ports.smtpSubmission),
    srv('_caldavs', dav, ports.caldav),
    srv('_carddavs', dav, ports.caldav),
    { type: 'TXT', name: `_caldavs._tcp.${domain}`, value: 'path=/' },
    { type: 'TXT', name: `_carddavs._tcp.${domain}`, value: 'path=/' },
  ];
}
