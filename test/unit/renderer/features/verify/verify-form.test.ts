import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  isPemCertificate,
  toRequest,
  type VerifyForm,
  withSecurity,
} from '../../../../../src/renderer/src/features/verify/verify-form';

const filled = (): VerifyForm => ({
  ...emptyForm(),
  username: ' anna@example.test ',
  password: ' pass with spaces ',
  imap: { enabled: true, host: 'imap.example.test', port: '993', security: 'tls' },
  smtp: { enabled: true, host: 'smtp.example.test', port: '587', security: 'starttls' },
});

describe('toRequest', () => {
  it('builds the request from the ticked services, password beside it and untouched', () => {
    const result = toRequest({
      ...filled(),
      webdav: { enabled: true, url: 'https://dav.example.test/', writeTest: true },
    });
    expect(result).toEqual({
      ok: true,
      password: ' pass with spaces ',
      passwords: {},
      request: {
        username: 'anna@example.test',
        imap: { host: 'imap.example.test', port: 993, security: 'tls' },
        smtp: { host: 'smtp.example.test', port: 587, security: 'starttls' },
        webdav: { url: 'https://dav.example.test/', writeTest: true },
      },
    });
  });

  it('names every field to fix: empty credentials, bad host and port, http URLs, nothing ticked', () => {
    const bad = toRequest({
      ...emptyForm(),
      imap: { enabled: true, host: 'imap example', port: '99999', security: 'tls' },
      smtp: { enabled: false, host: '', port: '', security: 'tls' },
      caldav: { enabled: true, url: 'http://cal.example.test/' },
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual({
      username: 'verify.invalid.username',
      password: 'verify.invalid.password',
      'imap.host': 'verify.invalid.host',
      'imap.port': 'verify.invalid.port',
      'caldav.url': 'verify.invalid.url',
    });
    const none = toRequest({
      ...filled(),
      imap: { ...filled().imap, enabled: false },
      smtp: { ...filled().smtp, enabled: false },
    });
    expect(!none.ok && none.errors.services).toBe('verify.invalid.noService');
  });
});

describe('toRequest and pasted app passwords', () => {
  it('removes the spaces of a grouped app password, keeps a chosen one as typed', () => {
    const grouped = toRequest({ ...filled(), password: 'abcd efgh ijkl mnop' });
    expect(grouped.ok && grouped.password).toBe('abcdefghijklmnop');
  });
});

describe('withSecurity', () => {
  it('moves a default port along with the security, but keeps a port the user typed', () => {
    const imap = emptyForm().imap;
    expect(withSecurity(imap, 'imap', 'starttls').port).toBe('143');
    expect(withSecurity({ ...emptyForm().smtp }, 'smtp', 'starttls').port).toBe('587');
    expect(withSecurity({ ...imap, port: '10993' }, 'imap', 'starttls').port).toBe('10993');
  });
});

describe('isPemCertificate', () => {
  it('accepts a PEM certificate and refuses keys, binaries and huge files', () => {
    expect(isPemCertificate('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')).toBe(true);
    expect(isPemCertificate('-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----')).toBe(false);
    expect(isPemCertificate('\u0030\u0082binary')).toBe(false);
    expect(
      isPemCertificate(`-----BEGIN CERTIFICATE-----${'A'.repeat(70_000)}-----END CERTIFICATE-----`),
    ).toBe(false);
  });
});
