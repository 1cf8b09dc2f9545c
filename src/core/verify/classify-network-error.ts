import type { VerifyCode } from '@shared/verify';

// Node and OpenSSL name the same failure in several ways, and libraries wrap or rename the original
// (nodemailer replaces `code` with ESOCKET, undici hides it under `cause`): look at every error in the
// cause chain, by code first, then by OpenSSL's wording.

const byCode: Record<string, VerifyCode> = {
  ECONNREFUSED: 'CONNECTION_REFUSED',
  ENOTFOUND: 'HOST_NOT_FOUND',
  EAI_AGAIN: 'HOST_NOT_FOUND',
  EAI_NONAME: 'HOST_NOT_FOUND',
  ENETUNREACH: 'NETWORK_UNREACHABLE',
  EHOSTUNREACH: 'NETWORK_UNREACHABLE',
  ETIMEDOUT: 'TIMEOUT',
  ETIMEOUT: 'TIMEOUT',
  GREETING_TIMEOUT: 'TIMEOUT',
  CONNECT_TIMEOUT: 'TIMEOUT',
  UPGRADE_TIMEOUT: 'TIMEOUT',
  UND_ERR_CONNECT_TIMEOUT: 'TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'TIMEOUT',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS_UNTRUSTED',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS_UNTRUSTED',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_UNTRUSTED',
  CERT_UNTRUSTED: 'TLS_UNTRUSTED',
  CERT_SIGNATURE_FAILURE: 'TLS_UNTRUSTED',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_HOSTNAME_MISMATCH',
  CERT_HAS_EXPIRED: 'TLS_EXPIRED',
  CERT_NOT_YET_VALID: 'TLS_EXPIRED',
  ERR_SSL_WRONG_VERSION_NUMBER: 'PROTOCOL_ERROR',
  EPROTO: 'PROTOCOL_ERROR',
  ECONNRESET: 'PROTOCOL_ERROR',
};

const byMessage: [RegExp, VerifyCode][] = [
  [/does not match certificate's altnames|hostname\/ip does not match/i, 'TLS_HOSTNAME_MISMATCH'],
  [/certificate has expired|certificate is not yet valid/i, 'TLS_EXPIRED'],
  [
    /unable to verify the first certificate|self[- ]signed certificate|unable to get (local )?issuer certificate|certificate fingerprint does not match/i,
    'TLS_UNTRUSTED',
  ],
  [/wrong version number|packet length too long|unknown protocol/i, 'PROTOCOL_ERROR'],
  [/ECONNREFUSED/, 'CONNECTION_REFUSED'],
  [/ENOTFOUND|EAI_AGAIN/, 'HOST_NOT_FOUND'],
  [/timed? ?out|in required time/i, 'TIMEOUT'],
];

function* causeChain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  let current = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

function field(value: unknown, name: 'code' | 'message'): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[name];
  return typeof found === 'string' ? found : undefined;
}

/** The verification code for a transport-level failure, or undefined when it is not one. */
export function classifyNetworkError(error: unknown): VerifyCode | undefined {
  const chain = [...causeChain(error)];
  // TLS and DNS codes are more specific than the generic wrapper codes some libraries add on top.
  for (const link of chain) {
    const code = field(link, 'code');
    if (code !== undefined && byCode[code] !== undefined) return byCode[code];
  }
  for (const link of chain) {
    const message = field(link, 'message');
    if (message === undefined) continue;
    const match = byMessage.find(([pattern]) => pattern.test(message));
    if (match) return match[1];
  }
  return undefined;
}
