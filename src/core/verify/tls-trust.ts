import {
  type ConnectionOptions,
  type PeerCertificate,
  type SecureContext,
  checkServerIdentity,
  createSecureContext,
  rootCertificates,
} from 'node:tls';

/**
 * What a user explicitly trusts for one account beyond the public CAs. Verification is never turned off:
 * a private CA is added to the public ones, and a pinned certificate is a trust anchor for itself only.
 */
export interface TrustSettings {
  /** PEM of a private CA (e.g. the office's own), from a file the user chose. */
  caPem?: string;
  /** Certificates the user confirmed by their SHA-256 fingerprint (self-signed NAS, small office server). */
  pinned?: PinnedCertificate[];
}

export interface PinnedCertificate {
  sha256: string;
  pem: string;
}

/** `AA:BB:…` upper-case, the form Node and browsers show. */
export function normalizeFingerprint(value: string): string {
  // Accept what `openssl x509 -fingerprint -sha256` prints: "sha256 Fingerprint=AB:CD:…".
  const hex = value
    .replace(/^[^=]*=/, '')
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

// Parsing Node's ~150 public roots plus the extra anchors costs tens of milliseconds of CPU; doing it for
// every connection made five parallel checks CPU-bound. One context per distinct trust setting instead.
const contexts = new Map<string, SecureContext>();
const MAX_CONTEXTS = 16;

function secureContextFor(extra: readonly string[], partialChain: boolean): SecureContext {
  const key = `${partialChain ? 'partial' : 'full'}\n${extra.join('\n')}`;
  let context = contexts.get(key);
  if (!context) {
    if (contexts.size >= MAX_CONTEXTS) contexts.clear();
    context = createSecureContext({
      minVersion: 'TLSv1.2',
      // `ca` replaces Node's public roots: keep them, so one account can mix public and private hosts.
      ca: [...rootCertificates, ...extra],
      // A pinned self-signed leaf is not a CA: let OpenSSL end the chain at it. Anyone able to pass with
      // it holds the pinned certificate's private key, so this widens nothing else.
      ...(partialChain ? { allowPartialTrustChain: true } : {}),
    });
    contexts.set(key, context);
  }
  return context;
}

/** Options for tls.connect, imapflow's and nodemailer's `tls`, and the https/undici agents. */
export function tlsOptions(trust: TrustSettings = {}): ConnectionOptions {
  const pins = (trust.pinned ?? []).map((pin) => normalizeFingerprint(pin.sha256));
  const extra = [trust.caPem, ...(trust.pinned ?? []).map((pin) => pin.pem)].filter(
    (pem): pem is string => typeof pem === 'string' && pem.trim() !== '',
  );
  return {
    minVersion: 'TLSv1.2',
    ...(extra.length > 0 ? { secureContext: secureContextFor(extra, pins.length > 0) } : {}),
    checkServerIdentity: (host: string, cert: PeerCertificate): Error | undefined =>
      // The user confirmed this exact certificate for this account: its name need not match (a NAS
      // reached by IP), as in a browser's or Thunderbird's certificate exception.
      pins.includes(cert.fingerprint256) ? undefined : checkServerIdentity(host, cert),
  };
}
