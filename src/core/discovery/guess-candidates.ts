import { connect as tcpConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { MailCandidate } from '@shared/discovery';
import type { MailEndpoint } from '@shared/verify';
import { type TrustSettings, tlsOptions } from '../verify/tls-trust';
import type { DnsClient } from './dns-client';

/** The usual names, implicit TLS first (RFC 8314); plaintext ports are never guessed. */
function guesses(domain: string): { service: 'imap' | 'smtp'; endpoint: MailEndpoint }[] {
  const mail = (
    service: 'imap' | 'smtp',
    host: string,
    port: number,
    security: MailEndpoint['security'],
  ) => ({
    service,
    endpoint: { host: `${host}.${domain}`, port, security },
  });
  return [
    mail('imap', 'imap', 993, 'tls'),
    mail('imap', 'mail', 993, 'tls'),
    mail('smtp', 'smtp', 465, 'tls'),
    mail('smtp', 'mail', 465, 'tls'),
    mail('imap', 'imap', 143, 'starttls'),
    mail('smtp', 'smtp', 587, 'starttls'),
    mail('smtp', 'mail', 587, 'starttls'),
  ];
}

/**
 * Probes the usual host names in parallel: an implicit-TLS port counts only with a certificate valid for
 * that name; a STARTTLS port only when the server greets like the service (`* OK` for IMAP, `220` for
 * SMTP): a port that accepts and stays silent is dead. The engine insists on the upgrade later.
 */
export async function guessCandidates(
  domain: string,
  context: { dns: DnsClient; trust?: TrustSettings; signal: AbortSignal; probeMs: number },
): Promise<{ imap: MailCandidate[]; smtp: MailCandidate[] }> {
  const alive = await Promise.all(
    guesses(domain).map(async (guess) => ((await answers(guess, context)) ? guess : undefined)),
  );
  const found = alive.filter((guess) => guess !== undefined);
  const toCandidate = (endpoint: MailEndpoint): MailCandidate => ({
    source: 'guess',
    confidence: 'low',
    needsConfirmation: false,
    needsInput: [],
    confirmed: false,
    endpoint,
  });
  return {
    imap: found.filter((g) => g.service === 'imap').map((g) => toCandidate(g.endpoint)),
    smtp: found.filter((g) => g.service === 'smtp').map((g) => toCandidate(g.endpoint)),
  };
}

const GREETING = { imap: /^\* OK/, smtp: /^220[ -]/ } as const;

function answers(
  { service, endpoint }: { service: 'imap' | 'smtp'; endpoint: MailEndpoint },
  context: { dns: DnsClient; trust?: TrustSettings; signal: AbortSignal; probeMs: number },
): Promise<boolean> {
  return new Promise((resolve) => {
    const base = { host: endpoint.host, port: endpoint.port, lookup: context.dns.lookup };
    const socket =
      endpoint.security === 'tls'
        ? tlsConnect({ ...base, ...tlsOptions(context.trust), servername: endpoint.host })
        : tcpConnect(base);
    const done = (result: boolean): void => {
      clearTimeout(timer);
      context.signal.removeEventListener('abort', abort);
      socket.destroy();
      resolve(result);
    };
    const abort = (): void => done(false);
    const timer = setTimeout(abort, context.probeMs);
    context.signal.addEventListener('abort', abort, { once: true });
    if (endpoint.security === 'tls') {
      socket.once('secureConnect', () => done(true));
    } else {
      let greeting = '';
      socket.on('data', (chunk: Buffer) => {
        greeting += chunk.toString('latin1');
        if (greeting.includes('\n') || greeting.length > 512) done(GREETING[service].test(greeting));
      });
    }
    socket.once('error', () => done(false));
  });
}
