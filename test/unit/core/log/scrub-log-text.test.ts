import { describe, expect, it } from 'vitest';
import { scrubLogText } from '@core/log/scrub-log-text';
import { secretForms } from '../../../support/secret-sweep';

// Every form the secret sweep searches for (test/support/secret-sweep.ts), plus the generic shapes a
// credential takes in a log line whoever it belongs to.

const login = 'anna@ponte.test';
const password = 'q7#Kx!vR2m@Lp9/wZ';

describe('scrubLogText: secrets it is told about', () => {
  it.each(secretForms({ login, password }).map((form) => [form]))('removes %s', (form) => {
    const scrubbed = scrubLogText(`before ${form} after`, [password]);
    expect(scrubbed).toBe('before *** after');
  });

  it('finds the password in base64 blobs whatever the login before it (the login need not be known)', () => {
    for (const prefix of ['', 'a:', 'ab:', 'abc:', '\0someone@example.org\0']) {
      const blob = Buffer.from(`${prefix}${password}`).toString('base64');
      expect(scrubLogText(`AUTHORIZE ${blob}.`, [password])).toBe('AUTHORIZE ***.');
    }
    const url = Buffer.from(`u:${password}`).toString('base64url');
    expect(scrubLogText(`token ${url}`, [password])).toBe('token ***');
  });

  it('removes the JSON-escaped form of a password with quotes and backslashes', () => {
    const odd = 'ab"c\\d-efgh';
    expect(scrubLogText(JSON.stringify({ note: `x${odd}y` }), [odd])).toBe('{"note":"x***y"}');
  });

  it('leaves text alone when the secret is not in it, and ignores secrets too short to mean anything', () => {
    const text = 'IMAP login to 127.0.0.1:993 refused (AUTHENTICATIONFAILED)';
    expect(scrubLogText(text, [password, 'abc'])).toBe(text);
  });
});

describe('scrubLogText: generic forms, secrets it was never told about', () => {
  it.each([
    ['Authorization: Basic YW5uYTpodW50ZXIy', 'Authorization: Basic ***'],
    [
      'headers { authorization: "Bearer eyJhbGciOi.x.y", host: "a" }',
      'headers { authorization: "Bearer ***", host: "a" }',
    ],
    ['{ Authorization: \'Digest username="a", response="f00"\' }', "{ Authorization: 'Digest ***' }"],
    ['Proxy-Authorization: Basic Zm9vOmJhcg==', 'Proxy-Authorization: Basic ***'],
    ['GET https://anna:hunter2@dav.example.org/cal/', 'GET https://anna:***@dav.example.org/cal/'],
    ['davs://anna:p%40ss@host/x and more', 'davs://anna:***@host/x and more'],
    ['login?user=anna&password=hunter2&x=1', 'login?user=anna&password=***&x=1'],
    ['{"appPassword":"abc def","user":"anna"}', '{"appPassword":"***","user":"anna"}'],
    ["{ pass: 'hunter2', user: 'anna' }", "{ pass: '***', user: 'anna' }"],
    [
      'poll {"token":"Xyz123","endpoint":"https://cloud/x"}',
      'poll {"token":"***","endpoint":"https://cloud/x"}',
    ],
    ['client_secret=s3cr3t;', 'client_secret=***;'],
    ['C: AUTH PLAIN AGFubmEAaHVudGVyMg==', 'C: AUTH PLAIN ***'],
    ['a1 AUTHENTICATE PLAIN AGFubmEAaHVudGVyMg==', 'a1 AUTHENTICATE PLAIN ***'],
    ['a1 LOGIN "anna@ponte.test" "hunter 2"', 'a1 LOGIN "anna@ponte.test" ***'],
    ['a1 LOGIN anna hunter2', 'a1 LOGIN anna ***'],
  ])('%s', (text, expected) => {
    expect(scrubLogText(text)).toBe(expected);
  });

  it('keeps what support needs: hosts, ports, users without passwords, error codes', () => {
    const text =
      'imap 127.0.0.1:993 as anna@ponte.test: AUTHENTICATIONFAILED; https://dav.example.org:8443/x; --password-stdin; could not authenticate login for anna';
    expect(scrubLogText(text)).toBe(text);
  });

  it('is stable: scrubbing scrubbed text changes nothing', () => {
    const once = scrubLogText(`Authorization: Basic abc password=${password} https://a:b@c/`, [password]);
    expect(scrubLogText(once, [password])).toBe(once);
  });
});
