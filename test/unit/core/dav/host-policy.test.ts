import { describe, expect, it } from 'vitest';
import { isAllowedServerUrl, parseHttpsUrl, requireHttps, serverUrlProblem } from '@core/dav/host-policy';
import { VerifyFailure } from '@core/verify/verify-failure';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const url = (value: string): URL => new URL(value);
/** Whether `address` may be reached in a session the person started at `origin`. */
const allowed = (address: string, origin: string, confirmed: readonly string[] = []): boolean =>
  isAllowedServerUrl(url(address), url(origin), confirmed);

const ORIGIN = 'https://same-host/dav/';

describe('isAllowedServerUrl: the address the person gave', () => {
  it('accepts the same host and port, in any case, with or without the root dot', () => {
    expect(allowed('https://same-host/cal/', ORIGIN)).toBe(true);
    expect(allowed('https://SAME-HOST./cal/', ORIGIN)).toBe(true);
    expect(allowed('https://same-host:443/cal/', ORIGIN)).toBe(true);
    expect(allowed('https://Example.COM./x/', 'https://example.com/')).toBe(true);
    expect(allowed('https://example.com/x/', 'https://EXAMPLE.com./')).toBe(true);
    expect(allowed('https://dav.example.com:8443/x/', 'https://dav.example.com:8443/dav/')).toBe(true);
  });

  it('compares an international name as the parser writes it (punycode)', () => {
    expect(allowed('https://xn--bcher-kva.example/cal/', 'https://bücher.example/')).toBe(true);
    expect(allowed('https://BÜCHER.example/cal/', 'https://xn--bcher-kva.example/')).toBe(true);
  });

  it('refuses http, another host, another port, user-info', () => {
    expect(serverUrlProblem(url('http://same-host/cal/'), url(ORIGIN), [])).toBe('insecure');
    expect(serverUrlProblem(url('https://evil.example/cal/'), url(ORIGIN), [])).toBe('otherServer');
    expect(serverUrlProblem(url('https://same-host:8443/cal/'), url(ORIGIN), [])).toBe('otherServer');
    expect(serverUrlProblem(url('https://same-host/cal/'), url('https://same-host:8443/'), [])).toBe(
      'otherServer',
    );
    expect(serverUrlProblem(url('https://user:pw@same-host/cal/'), url(ORIGIN), [])).toBe('invalid');
    expect(serverUrlProblem(url('https://user@same-host/cal/'), url(ORIGIN), [])).toBe('invalid');
  });

  it('never takes a longer name for the host it starts with', () => {
    expect(allowed('https://same-host.evil.example/', ORIGIN)).toBe(false);
    expect(allowed('https://example.com.evil.net/', 'https://example.com/')).toBe(false);
    expect(allowed('https://sub.dav.example.com/', 'https://dav.example.com/')).toBe(false);
    expect(allowed('https://example.com/', 'https://dav.example.com/')).toBe(false);
  });

  it.each([['https://a..b/'], ['https://a!b/'], ['https://-x-/'], ['https://a*b/']])(
    'refuses %s: the parser lets it through, but it is no host name',
    (address) => {
      expect(serverUrlProblem(url(address), url(address), [])).toBe('invalid');
    },
  );

  it('compares IP literals as the parser writes them', () => {
    expect(allowed('https://127.1:8443/x/', 'https://127.0.0.1:8443/')).toBe(true);
    expect(allowed('https://[::1]/x/', 'https://[0:0::1]:443/')).toBe(true);
    expect(allowed('https://127.0.0.1:8444/x/', 'https://127.0.0.1:8443/')).toBe(false);
  });

  it.each([['ftp://same-host/'], ['javascript:alert(1)'], ['file:///etc/passwd'], ['wss://same-host/']])(
    'refuses %s as insecure',
    (address) => {
      expect(serverUrlProblem(url(address), url(ORIGIN), [])).toBe('insecure');
    },
  );
});

describe('isAllowedServerUrl: confirmed hosts', () => {
  const icloud = 'https://caldav.icloud.com/';

  it('accepts a confirmed host exactly, in any case, on 443', () => {
    const confirmed = ['Contacts.Example.NET'];
    expect(allowed('https://contacts.example.net/x/', ORIGIN, confirmed)).toBe(true);
    expect(allowed('https://CONTACTS.example.net./x/', ORIGIN, confirmed)).toBe(true);
    expect(allowed('https://contacts.example.net:8443/x/', ORIGIN, confirmed)).toBe(false);
    expect(allowed('https://www.contacts.example.net/x/', ORIGIN, confirmed)).toBe(false);
    expect(allowed('https://contacts.example.net.evil.org/x/', ORIGIN, confirmed)).toBe(false);
  });

  it('lets *.icloud.com cover its sub-domains on 443 only', () => {
    const confirmed = ['*.icloud.com'];
    expect(allowed('https://p42-caldav.icloud.com/123/calendars/', icloud, confirmed)).toBe(true);
    expect(allowed('https://p42-caldav.icloud.com:443/x/', icloud, confirmed)).toBe(true);
    expect(allowed('https://P07-CONTACTS.ICLOUD.COM./x/', icloud, confirmed)).toBe(true);
    expect(allowed('https://a.b.icloud.com/x/', icloud, confirmed)).toBe(true);
    expect(allowed('https://p42-caldav.icloud.com/x/', icloud, ['*.ICLOUD.com'])).toBe(true);
    expect(allowed('https://p42-caldav.icloud.com:8443/x/', icloud, confirmed)).toBe(false);
    expect(allowed('http://p42-caldav.icloud.com/x/', icloud, confirmed)).toBe(false);
  });

  it('does not let *.icloud.com cover look-alikes, nor icloud.com itself', () => {
    const confirmed = ['*.icloud.com'];
    for (const host of ['xicloud.com', 'evilicloud.com', 'icloud.com.evil.net', 'icloud.co', 'icloud.com']) {
      expect(allowed(`https://${host}/x/`, 'https://evil.example/', confirmed)).toBe(false);
    }
    expect(allowed('https://p42-caldav.icloud.com.evil.net/x/', icloud, confirmed)).toBe(false);
  });

  it('matches the port a pattern names, and only that one', () => {
    expect(allowed('https://dav.example.net:8443/x/', ORIGIN, ['dav.example.net:8443'])).toBe(true);
    expect(allowed('https://dav.example.net/x/', ORIGIN, ['dav.example.net:8443'])).toBe(false);
    expect(allowed('https://p1.example.net:8443/x/', ORIGIN, ['*.example.net:8443'])).toBe(true);
    expect(allowed('https://p1.example.net/x/', ORIGIN, ['*.example.net:8443'])).toBe(false);
  });

  it('reads nothing but host[:port] as a pattern, and never lets a wildcard reach an IP address', () => {
    expect(allowed('https://evil.net/x/', ORIGIN, ['evil.net/x.icloud.com'])).toBe(false);
    expect(allowed('https://evil.net/x/', ORIGIN, ['user@evil.net'])).toBe(false);
    expect(allowed('https://x.icloud.com/', ORIGIN, ['*.'])).toBe(false);
    expect(allowed('https://x.icloud.com/', ORIGIN, [''])).toBe(false);
    expect(allowed('https://127.0.0.1/x/', ORIGIN, ['*.0.1'])).toBe(false);
  });

  it('keeps the catalog’s patterns working', () => {
    // The form provider-schema.ts allows: lower case, optionally `*.`.
    expect(allowed('https://p01-caldav.icloud.com/x/', icloud, ['*.icloud.com'])).toBe(true);
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
    ['https://user:pw@dav.example.com/'],
    ['https://user@dav.example.com/'],
  ])('refuses %j with INSECURE_URL', (value) => {
    const error = thrownBy(() => parseHttpsUrl(value));
    expect(error).toBeInstanceOf(VerifyFailure);
    expect(error).toMatchObject({ code: 'INSECURE_URL' });
  });
});
