import { describe, expect, it } from 'vitest';
import { scrubSecret, serverDetail } from '@core/verify/scrub-secret';

const base64 = (value: string): string => Buffer.from(value, 'utf8').toString('base64');

describe('scrubSecret', () => {
  const secret = 'abcd-efgh-ijkl-mnop';

  it('removes every occurrence of the password', () => {
    expect(scrubSecret(`NO [AUTH] ${secret} rejected, ${secret} again`, secret)).toBe(
      'NO [AUTH] *** rejected, *** again',
    );
  });

  it('removes the Base64 form of the password', () => {
    const text = `535 5.7.8 Error: authentication failed: ${base64(secret)}`;
    const scrubbed = scrubSecret(text, secret);
    expect(scrubbed).toBe('535 5.7.8 Error: authentication failed: ***');
  });

  it('encodes a non-ASCII password as UTF-8 before looking for its Base64 form', () => {
    const unicode = 'pässwört-€';
    const scrubbed = scrubSecret(`echo ${unicode} ${base64(unicode)}`, unicode);
    expect(scrubbed).toBe('echo *** ***');
  });

  it('treats the password literally, not as a pattern', () => {
    expect(scrubSecret('a.b*c+d? and aXbbbc+d', 'a.b*c+d?')).toBe('*** and aXbbbc+d');
  });

  it('leaves text without the password alone', () => {
    expect(scrubSecret('OK LOGIN completed', secret)).toBe('OK LOGIN completed');
  });

  it('leaves text alone when there is no password', () => {
    expect(scrubSecret('OK LOGIN completed', '')).toBe('OK LOGIN completed');
  });

  it('does not blank out text for a secret shorter than four characters', () => {
    expect(scrubSecret('a OK abc done', 'a')).toBe('a OK abc done');
    expect(scrubSecret('a OK abc done', 'abc')).toBe('a OK abc done');
  });

  it('removes a secret of exactly four characters', () => {
    expect(scrubSecret('pin 1234 refused', '1234')).toBe('pin *** refused');
  });
});

describe('serverDetail', () => {
  const secret = 'hunter2-secret';

  it.each([[undefined], [null], [42], [{ text: 'x' }], [['x']]])(
    'answers undefined for the non-string %j',
    (input) => {
      expect(serverDetail(input, secret)).toBeUndefined();
    },
  );

  it('answers undefined for empty or blank text', () => {
    expect(serverDetail('', secret)).toBeUndefined();
    expect(serverDetail(' \r\n\t ', secret)).toBeUndefined();
  });

  it('collapses whitespace into one line', () => {
    expect(serverDetail('  NO [AUTHENTICATIONFAILED]\r\n\tInvalid   credentials \n', secret)).toBe(
      'NO [AUTHENTICATIONFAILED] Invalid credentials',
    );
  });

  it('keeps text of 300 characters whole', () => {
    const text = 'x'.repeat(300);
    expect(serverDetail(text, secret)).toBe(text);
  });

  it('bounds long text to 300 characters and marks the cut', () => {
    const detail = serverDetail('y'.repeat(10_000), secret);
    expect(detail).toBe(`${'y'.repeat(300)}…`);
  });

  it('removes the password and its Base64 form', () => {
    expect(serverDetail(`rejected ${secret}\n(${base64(secret)})`, secret)).toBe('rejected *** (***)');
  });

  it('removes the password when it lies beyond the cut', () => {
    const detail = serverDetail(`${'z'.repeat(400)} ${secret}`, secret);
    expect(detail).not.toContain('hunter');
    expect(detail).toHaveLength(301);
  });

  it('does not show the beginning of a password cut at the bound', () => {
    const detail = serverDetail(`${'z'.repeat(294)}${secret}`, secret);
    expect(detail).not.toContain('hunter');
  });

  it('removes a password that contains a run of whitespace', () => {
    const spaced = 'correct  horse\tbattery';
    expect(serverDetail(`NO bad password ${spaced}`, spaced)).toBe('NO bad password ***');
  });
});
