import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { optionsFromRequest, serviceTargetsFromRequest } from '@core/verify/request-targets';

// Any well-formed certificate stands in for a server's: Node's own public roots.
const [pem = ''] = rootCertificates;
const sha256 = new X509Certificate(pem).fingerprint256;

describe('serviceTargetsFromRequest', () => {
  it('gives every asked-for service the one user name and password, in a fixed order', () => {
    const targets = serviceTargetsFromRequest(
      {
        username: 'anna@example.test',
        webdav: { url: 'https://files.example.test/', writeTest: true },
        imap: { host: 'imap.example.test', port: 993, security: 'tls' },
      },
      'pw',
    );
    expect(targets.map((t) => t.service)).toEqual(['imap', 'webdav']);
    expect(
      targets.every((t) => t.credential.username === 'anna@example.test' && t.credential.password === 'pw'),
    ).toBe(true);
    expect(targets[1]).toMatchObject({ writeTest: true });
  });
});

describe('optionsFromRequest', () => {
  it('turns a timeout in seconds into a connect bound (at most 10 s) and a response bound', () => {
    expect(optionsFromRequest({ username: 'a', timeoutSeconds: 30 }).timeouts).toEqual({
      connectMs: 10_000,
      responseMs: 30_000,
    });
    expect(optionsFromRequest({ username: 'a', timeoutSeconds: 3 }).timeouts).toEqual({
      connectMs: 3_000,
      responseMs: 3_000,
    });
    expect(optionsFromRequest({ username: 'a' })).toEqual({});
  });

  it('accepts a pin whose certificate has exactly the confirmed fingerprint, in any spelling', () => {
    const spelled = sha256.replaceAll(':', '').toLowerCase();
    expect(optionsFromRequest({ username: 'a', pinned: [{ sha256: spelled, pem }] }).trust).toEqual({
      pinned: [{ sha256, pem }],
    });
  });

  it('refuses a pin whose certificate does not match its fingerprint, or is no certificate', () => {
    const other = rootCertificates[1] ?? '';
    expect(() => optionsFromRequest({ username: 'a', pinned: [{ sha256, pem: other }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() =>
      optionsFromRequest({
        username: 'a',
        pinned: [{ sha256, pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
