import { describe, expect, it } from 'vitest';
import { isConfirmedHost, parseHttpsUrl, requireHttps } from '@core/dav/host-policy';
import { VerifyFailure } from '@core/verify/verify-failure';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('isConfirmedHost', () => {
  it('accepts the host the user gave, in any case', () => {
    expect(isConfirmedHost('dav.example.com', 'dav.example.com', [])).toBe(true);
    expect(isConfirmedHost('DAV.Example.COM', 'dav.example.com', [])).toBe(true);
    expect(isConfirmedHost('dav.example.com', 'Dav.Example.Com', [])).toBe(true);
  });

  it('refuses any other host when nothing is confirmed', () => {
    expect(isConfirmedHost('evil.example.net', 'dav.example.com', [])).toBe(false);
    expect(isConfirmedHost('sub.dav.example.com', 'dav.example.com', [])).toBe(false);
    expect(isConfirmedHost('example.com', 'dav.example.com', [])).toBe(false);
  });

  it('accepts a confirmed host exactly, in any case', () => {
    const confirmed = ['Contacts.Example.NET'];
    expect(isConfirmedHost('contacts.example.net', 'dav.example.com', confirmed)).toBe(true);
    expect(isConfirmedHost('CONTACTS.example.net', 'dav.example.com', confirmed)).toBe(true);
    expect(isConfirmedHost('www.contacts.example.net', 'dav.example.com', confirmed)).toBe(false);
    expect(isConfirmedHost('contacts.example.net.evil.org', 'dav.example.com', confirmed)).toBe(false);
  });

  it('lets *.icloud.com cover its sub-domains', () => {
    const confirmed = ['*.icloud.com'];
    expect(isConfirmedHost('p42-caldav.icloud.com', 'caldav.icloud.com', confirmed)).toBe(true);
    expect(isConfirmedHost('P07-CONTACTS.ICLOUD.COM', 'contacts.icloud.com', confirmed)).toBe(true);
    expect(isConfirmedHost('a.b.icloud.com', 'caldav.icloud.com', confirmed)).toBe(true);
    expect(isConfirmedHost('p42-caldav.icloud.com', 'caldav.icloud.com', ['*.ICLOUD.com'])).toBe(true);
  });

  it('does not let *.icloud.com cover look-alike hosts', () => {
    const confirmed = ['*.icloud.com'];
    expect(isConfirmedHost('evilicloud.com', 'caldav.icloud.com', confirmed)).toBe(false);
    expect(isConfirmedHost('icloud.com.evil.net', 'caldav.icloud.com', confirmed)).toBe(false);
    expect(isConfirmedHost('p42-caldav.icloud.com.evil.net', 'caldav.icloud.com', confirmed)).toBe(false);
    expect(isConfirmedHost('icloud.co', 'caldav.icloud.com', confirmed)).toBe(false);
  });

  it('does not let *.icloud.com cover icloud.com itself', () => {
    expect(isConfirmedHost('icloud.com', 'caldav.icloud.com', ['*.icloud.com'])).toBe(false);
  });
});

describe('requireHttps', () => {
  it('holds for https only', () => {
    expect(requireHttps(new URL('https://dav.example.com/'))).toBe(true);
    expect(requireHttps(new URL('http://dav.example.com/'))).toBe(false);
  });
});

describe('parseHttpsUrl', () => {
  it('answers the parsed URL of an https address', () => {
    const url = parseHttpsUrl('https://dav.example.com:8443/dav/');
    expect(url).toBeInstanceOf(URL);
    expect(url.href).toBe('https://dav.example.com:8443/dav/');
  });

  it('accepts an upper-case scheme', () => {
    expect(parseHttpsUrl('HTTPS://Dav.Example.com/').href).toBe('https://dav.example.com/');
  });

  it.each([
    ['http://dav.example.com/'],
    ['ftp://files.example.com/'],
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['ws://dav.example.com/'],
    ['dav.example.com'],
    ['//dav.example.com/'],
    ['not a url at all'],
    ['https://'],
    [''],
  ])('refuses %j with INSECURE_URL', (value) => {
    const error = thrownBy(() => parseHttpsUrl(value));
    expect(error).toBeInstanceOf(VerifyFailure);
    expect(error).toMatchObject({ code: 'INSECURE_URL' });
  });
});
