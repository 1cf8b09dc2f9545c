import { describe, expect, it } from 'vitest';
import { accountFromRequest } from '@core/accounts/account-builders';
import { davx5Link, phoneSetup } from '@core/targets/davx5-link';
import { sampleAccount } from './sample-account';

describe('DAVx⁵ link', () => {
  it('opens the phone’s login with the calendar address and its own user name, never a password', () => {
    expect(davx5Link(sampleAccount())).toBe('caldavs://AB12345@sync.studio-rossi.ch/');
  });

  it('falls back to contacts, escapes the user name, and is null without either service', () => {
    const contactsOnly = accountFromRequest(
      {
        email: 'anna@example.ch',
        kind: 'app-password',
        request: { username: 'anna@example.ch', carddav: { url: 'https://dav.example.ch:8443/card/' } },
      },
      new Date(),
    );
    expect(davx5Link(contactsOnly)).toBe('carddavs://anna%40example.ch@dav.example.ch:8443/card/');
    const mailOnly = accountFromRequest(
      {
        email: 'anna@example.ch',
        kind: 'app-password',
        request: { username: 'anna@example.ch', imap: { host: 'm.example.ch', port: 993, security: 'tls' } },
      },
      new Date(),
    );
    expect(davx5Link(mailOnly)).toBeNull();
  });

  it('the app gets the link with its QR code as square modules, and nothing for an account without DAV', () => {
    const setup = phoneSetup(sampleAccount());
    if (!setup) throw new Error('expected a phone set-up');
    expect(setup.link).toBe(davx5Link(sampleAccount()));
    expect(setup.qr.size).toBeGreaterThanOrEqual(21);
    expect(setup.qr.modules).toHaveLength(setup.qr.size ** 2);
    expect(new Set(setup.qr.modules)).toEqual(new Set([0, 1]));
  });
});
