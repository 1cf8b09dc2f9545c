import { isIP } from 'node:net';
import { connect, type DetailedPeerCertificate } from 'node:tls';
import type { PresentedCertificate } from '@shared/verify';
import type { ServiceTarget } from './service-target';

const formatName = (name: Record<string, unknown> | undefined): string =>
  Object.entries(name ?? {})
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');

function toPem(raw: Buffer): string {
  const body =
    raw
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

/**
 * The certificate an implicit-TLS server presents, read during a handshake that keeps full verification:
 * the certificate is taken in the instant between the handshake and Node's own check, then Node refuses
 * the connection as usual. Nothing is ever sent to the server. Undefined when there is nothing to read.
 */
export function readPresentedCertificate(
  host: string,
  port: number,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<PresentedCertificate | undefined> {
  return new Promise((resolve) => {
    let presented: PresentedCertificate | undefined;
    const socket = connect({ host, port, ...(isIP(host) ? {} : { servername: host }) });
    const finish = (): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', finish);
      socket.destroy();
      resolve(presented);
    };
    const timer = setTimeout(finish, options.timeoutMs);
    options.signal?.addEventListener('abort', finish, { once: true });
    // Runs before tls.connect's own 'secure' listener, which verifies and destroys the socket.
    socket.prependListener('secure', () => {
      const cert: DetailedPeerCertificate = socket.getPeerCertificate(true);
      if (cert.raw) {
        presented = {
          sha256: cert.fingerprint256,
          subject: formatName(cert.subject as unknown as Record<string, unknown>),
          issuer: formatName(cert.issuer as unknown as Record<string, unknown>),
          validFrom: new Date(cert.valid_from).toISOString(),
          validTo: new Date(cert.valid_to).toISOString(),
          pem: toPem(cert.raw),
        };
      }
    });
    socket.on('error', finish);
    socket.on('secureConnect', finish);
    socket.on('close', finish);
  });
}

/**
 * Where a service's TLS starts with the connection (implicit TLS, https). STARTTLS is left out: reading
 * that certificate would mean speaking the protocol first.
 */
export function implicitTlsEndpoint(target: ServiceTarget): { host: string; port: number } | undefined {
  if (target.service === 'imap' || target.service === 'smtp') {
    return target.endpoint.security === 'tls'
      ? { host: target.endpoint.host, port: target.endpoint.port }
      : undefined;
  }
  const url = new URL(target.url);
  if (url.protocol !== 'https:') return undefined;
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443) };
}
