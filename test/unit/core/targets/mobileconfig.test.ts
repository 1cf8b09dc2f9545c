import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { sampleAccount } from './sample-account';
import { accountFromRequest } from '@core/accounts/account-builders';
import { mobileconfig } from '@core/targets/mobileconfig';

const account = sampleAccount();

type Dict = Record<string, unknown>;
const parse = (xml: string): Dict => plist.parse(xml) as Dict;
const payloads = (profile: Dict): Dict[] => profile.PayloadContent as Dict[];

describe('.mobileconfig', () => {
  it('is a plist with a CalDAV, a CardDAV and a Mail payload, each with its own user name', () => {
    const profile = parse(mobileconfig(account));
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1 });
    expect(profile.PayloadDisplayName).toBe('Studio <Rossi> & Partner (Ponte)');
    const [caldav, carddav, mail] = payloads(profile);
    expect([caldav?.PayloadType, carddav?.PayloadType, mail?.PayloadType]).toEqual([
      'com.apple.caldav.account',
      'com.apple.carddav.account',
      'com.apple.mail.managed',
    ]);
    expect(caldav).toMatchObject({
      CalDAVHostName: 'sync.studio-rossi.ch',
      CalDAVPort: 443,
      CalDAVUsername: 'AB12345',
    });
    expect(carddav).toMatchObject({
      CardDAVPort: 8443,
      CardDAVPrincipalURL: 'https://sync.studio-rossi.ch:8443/dav/',
    });
    expect(mail).toMatchObject({
      EmailAddress: 'anna@studio-rossi.ch',
      IncomingMailServerUseSSL: true,
      OutgoingMailServerPortNumber: 587,
      OutgoingMailServerUseSSL: false,
      IncomingMailServerUsername: 'anna@studio-rossi.ch',
    });
  });

  it('has UUIDs that are well formed, distinct, and the same at every export of the same account', () => {
    const uuids = (xml: string): string[] => {
      const profile = parse(xml);
      return [profile.PayloadUUID as string, ...payloads(profile).map((p) => p.PayloadUUID as string)];
    };
    const first = uuids(mobileconfig(account));
    expect(
      first.every((uuid) =>
        /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/.test(uuid),
      ),
    ).toBe(true);
    expect(new Set(first).size).toBe(first.length);
    expect(uuids(mobileconfig(account))).toEqual(first);
    const other = accountFromRequest(
      {
        email: 'b@x.ch',
        kind: 'app-password',
        request: { username: 'b@x.ch', caldav: { url: 'https://c.x.ch/' } },
      },
      new Date(),
    );
    expect(uuids(mobileconfig(other))[0]).not.toBe(first[0]);
  });

  it('leaves passwords out unless asked, then puts each credential’s where it belongs', () => {
    const without = mobileconfig(account);
    expect(without).not.toMatch(/Password<\/key>\s*<string>/);
    const withPasswords = parse(
      mobileconfig(account, { passwords: { main: 'mail-secret', sync: 'sync-secret' } }),
    );
    const [caldav, carddav, mail] = payloads(withPasswords);
    expect(caldav?.CalDAVPassword).toBe('sync-secret');
    expect(carddav?.CardDAVPassword).toBe('sync-secret');
    expect([mail?.IncomingPassword, mail?.OutgoingPassword]).toEqual(['mail-secret', 'mail-secret']);
  });
});
