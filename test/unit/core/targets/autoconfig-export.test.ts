import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sampleAccount } from './sample-account';
import { parseAutoconfig } from '@core/discovery/autoconfig-xml';
import { autoconfigXml } from '@core/targets/autoconfig-export';

const account = sampleAccount();

describe('autoconfig export', () => {
  it('is read back by discovery’s own autoconfig parser as the same servers, for any address at the domain', () => {
    const xml = autoconfigXml(account);
    const parsed = parseAutoconfig(xml, 'marco@studio-rossi.ch');
    expect(parsed).toEqual({
      ok: true,
      servers: [
        {
          service: 'imap',
          endpoint: { host: 'mail.studio-rossi.ch', port: 993, security: 'tls' },
          username: 'marco@studio-rossi.ch',
        },
        {
          service: 'smtp',
          endpoint: { host: 'mail.studio-rossi.ch', port: 587, security: 'starttls' },
          username: 'marco@studio-rossi.ch',
        },
      ],
    });
  });

  it('adds the calendar and address book with their own login, escapes names, and holds no password', () => {
    const xml = autoconfigXml(account);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as {
      clientConfig: {
        emailProvider: { displayName: string; '@id': string };
        calendar: { '@type': string; username: string; serverURL: string };
        addressBook: { '@type': string; username: string };
      };
    };
    expect(doc.clientConfig.emailProvider).toMatchObject({
      '@id': 'studio-rossi.ch',
      displayName: 'Studio <Rossi> & Partner',
    });
    expect(doc.clientConfig.calendar).toMatchObject({ '@type': 'caldav', username: 'AB12345' });
    expect(doc.clientConfig.addressBook).toMatchObject({ '@type': 'carddav', username: 'AB12345' });
    expect(xml).toContain('Studio &lt;Rossi&gt; &amp; Partner');
    expect(xml).not.toMatch(/password<\/|<password/i);
  });
});

describe('autoconfig export refuses what Thunderbird cannot read, and stays valid for the whole domain', () => {
  it('an account without SMTP or without IMAP gets no file, with the reason', () => {
    const withoutSmtp = { ...account.services, smtp: undefined };
    const withoutImap = { ...account.services, imap: undefined };
    expect(() => autoconfigXml({ ...account, services: withoutSmtp })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('no SMTP server') }),
    );
    expect(() => autoconfigXml({ ...account, services: withoutImap })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('no IMAP server') }),
    );
  });

  it('a login that is the address’s local part becomes %EMAILLOCALPART% (the file is for every address)', () => {
    const localLogin = {
      ...account,
      credentials: account.credentials.map((credential) =>
        credential.id === 'main' ? { ...credential, username: 'anna' } : credential,
      ),
    };
    const xml = autoconfigXml(localLogin);
    expect(xml).toContain('<username>%EMAILLOCALPART%</username>');
    expect(parseAutoconfig(xml, 'marco@studio-rossi.ch')).toMatchObject({
      ok: true,
      servers: [
        { service: 'imap', username: 'marco' },
        { service: 'smtp', username: 'marco' },
      ],
    });
  });
});
