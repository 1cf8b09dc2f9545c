import { type ConnectionOptions, type PeerCertificate, rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '@core/verify/classify-network-error';
import { normalizeFingerprint, tlsOptions } from '@core/verify/tls-trust';

const FINGERPRINT =
  '3A:9F:0C:11:5E:B2:47:D8:6C:A0:13:FF:29:84:7B:E5:C6:D1:02:9A:4F:88:B3:70:1E:5D:C9:26:AB:34:E7:0F';
const OTHER_FINGERPRINT =
  '00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF';

// Any well-formed certificates will do as stand-ins: Node's own public roots.
const [CA_PEM = '', PINNED_PEM = ''] = rootCertificates;

/** The fields tls.checkServerIdentity reads, plus the fingerprint the pin is compared with. */
function peerCertificate(name: string, fingerprint256: string): PeerCertificate {
  return { subject: { CN: name }, subjectaltname: `DNS:${name}`, fingerprint256 } as PeerCertificate;
}

function identityCheck(options: ConnectionOptions): NonNullable<ConnectionOptions['checkServerIdentity']> {
  const check = options.checkServerIdentity;
  if (check === undefined) throw new Error('tlsOptions gave no checkServerIdentity');
  return check;
}

describe('normalizeFingerprint', () => {
  it('keeps the upper-case colon form as it is', () => {
    expect(normalizeFingerprint(FINGERPRINT)).toBe(FINGERPRINT);
  });

  it('accepts lower case', () => {
    expect(normalizeFingerprint(FINGERPRINT.toLowerCase())).toBe(FINGERPRINT);
  });

  it('accepts hex without separators', () => {
    expect(normalizeFingerprint(FINGERPRINT.replaceAll(':', '').toLowerCase())).toBe(FINGERPRINT);
  });

  it('accepts spaces and surrounding whitespace', () => {
    expect(normalizeFingerprint(`  ${FINGERPRINT.replaceAll(':', ' ')}\n`)).toBe(FINGERPRINT);
  });

  it('answers an empty string when there is no hex at all', () => {
    expect(normalizeFingerprint('')).toBe('');
    expect(normalizeFingerprint('::: --')).toBe('');
  });
});

describe('tlsOptions', () => {
  it('requires TLS 1.2 or later', () => {
    expect(tlsOptions().minVersion).toBe('TLSv1.2');
  });

  it('leaves Node’s default roots in place when nothing extra is trusted', () => {
    expect(tlsOptions()).not.toHaveProperty('ca');
    expect(tlsOptions({})).not.toHaveProperty('ca');
    expect(tlsOptions({ pinned: [] })).not.toHaveProperty('ca');
    expect(tlsOptions().allowPartialTrustChain).toBeFalsy();
  });

  // Whether a private CA or a pin really makes a server trusted is proven against real TLS servers in
  // test/integration/verify; here, that the costly context is built once per trust setting.
  it('builds one secure context per trust setting and reuses it', () => {
    const [first, second] = rootCertificates;
    const withFirst = tlsOptions({ caPem: first }).secureContext;
    expect(withFirst).toBeDefined();
    expect(tlsOptions({ caPem: first }).secureContext).toBe(withFirst);
    expect(tlsOptions({ caPem: second }).secureContext).not.toBe(withFirst);
    const pinned = tlsOptions({ pinned: [{ sha256: FINGERPRINT, pem: first ?? '' }] }).secureContext;
    expect(pinned).toBeDefined();
    expect(pinned).not.toBe(withFirst);
    expect(tlsOptions().secureContext).toBeUndefined();
    expect(tlsOptions({ caPem: '  ' }).secureContext).toBeUndefined();
  });

  it('accepts a pinned certificate whose name does not match the host', () => {
    const check = identityCheck(
      tlsOptions({ pinned: [{ sha256: FINGERPRINT.replaceAll(':', '').toLowerCase(), pem: PINNED_PEM }] }),
    );
    expect(check('192.168.1.20', peerCertificate('nas.local', FINGERPRINT))).toBeUndefined();
    expect(check('files.example.com', peerCertificate('nas.local', FINGERPRINT))).toBeUndefined();
  });

  it('rejects an unpinned certificate whose name does not match, even when another one is pinned', () => {
    const check = identityCheck(tlsOptions({ pinned: [{ sha256: FINGERPRINT, pem: PINNED_PEM }] }));
    const error = check('files.example.com', peerCertificate('nas.local', OTHER_FINGERPRINT));
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(classifyNetworkError(error)).toBe('TLS_HOSTNAME_MISMATCH');
  });

  it('rejects a mismatching name when nothing is pinned', () => {
    const check = identityCheck(tlsOptions({ caPem: CA_PEM }));
    expect(check('mail.example.com', peerCertificate('other.example.com', FINGERPRINT))).toBeInstanceOf(
      Error,
    );
  });

  it('accepts an unpinned certificate whose name matches', () => {
    const check = identityCheck(tlsOptions());
    expect(check('mail.example.com', peerCertificate('mail.example.com', OTHER_FINGERPRINT))).toBeUndefined();
  });
});
