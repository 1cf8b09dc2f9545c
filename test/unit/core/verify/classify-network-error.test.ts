import { describe, expect, it } from 'vitest';
import type { VerifyCode } from '@shared/verify';
import { classifyNetworkError } from '@core/verify/classify-network-error';

const withCode = (code: string, message = `failed: ${code}`): Error =>
  Object.assign(new Error(message), { code });

describe('classifyNetworkError', () => {
  it.each<[string, VerifyCode]>([
    ['ECONNREFUSED', 'CONNECTION_REFUSED'],
    ['ENOTFOUND', 'HOST_NOT_FOUND'],
    ['EAI_AGAIN', 'HOST_NOT_FOUND'],
    ['ENETUNREACH', 'NETWORK_UNREACHABLE'],
    ['EHOSTUNREACH', 'NETWORK_UNREACHABLE'],
    ['ETIMEDOUT', 'TIMEOUT'],
    ['UND_ERR_CONNECT_TIMEOUT', 'TIMEOUT'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS_UNTRUSTED'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'TLS_UNTRUSTED'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'TLS_UNTRUSTED'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS_HOSTNAME_MISMATCH'],
    ['CERT_HAS_EXPIRED', 'TLS_EXPIRED'],
    ['CERT_NOT_YET_VALID', 'TLS_EXPIRED'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'PROTOCOL_ERROR'],
    ['ECONNRESET', 'PROTOCOL_ERROR'],
  ])('maps the code %s to %s', (code, expected) => {
    expect(classifyNetworkError(withCode(code, 'something went wrong'))).toBe(expected);
  });

  it.each<[string, VerifyCode]>([
    ['unable to verify the first certificate', 'TLS_UNTRUSTED'],
    ['self-signed certificate', 'TLS_UNTRUSTED'],
    ['self signed certificate in certificate chain', 'TLS_UNTRUSTED'],
    ['unable to get local issuer certificate', 'TLS_UNTRUSTED'],
    ['unable to get issuer certificate', 'TLS_UNTRUSTED'],
    ['certificate has expired', 'TLS_EXPIRED'],
    ['certificate is not yet valid', 'TLS_EXPIRED'],
    [
      "Hostname/IP does not match certificate's altnames: Host: mail.example.com. is not in the cert's altnames: DNS:other.example.com",
      'TLS_HOSTNAME_MISMATCH',
    ],
    ['C0D7B1E4:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', 'PROTOCOL_ERROR'],
    ['error:1408F10B:SSL routines:ssl3_get_record:packet length too long', 'PROTOCOL_ERROR'],
    ['connect ECONNREFUSED 127.0.0.1:993', 'CONNECTION_REFUSED'],
    ['getaddrinfo ENOTFOUND mail.invalid', 'HOST_NOT_FOUND'],
    ['Connection timed out', 'TIMEOUT'],
    ['Greeting never received in required time', 'TIMEOUT'],
  ])('recognises the wording "%s" without a code', (message, expected) => {
    expect(classifyNetworkError(new Error(message))).toBe(expected);
  });

  it('looks through an undici-style "fetch failed" wrapper', () => {
    const error = new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') });
    expect(classifyNetworkError(error)).toBe('CONNECTION_REFUSED');
  });

  it('looks through several levels of causes', () => {
    const root = withCode('CERT_HAS_EXPIRED', 'certificate has expired');
    const error = new Error('PROPFIND failed', { cause: new TypeError('fetch failed', { cause: root }) });
    expect(classifyNetworkError(error)).toBe('TLS_EXPIRED');
  });

  it('prefers a specific code deep in the chain over a generic wrapper code', () => {
    const error = Object.assign(new Error('Connection error', { cause: withCode('ENOTFOUND') }), {
      code: 'ESOCKET',
    });
    expect(classifyNetworkError(error)).toBe('HOST_NOT_FOUND');
  });

  it('prefers a code anywhere in the chain over a wording', () => {
    const error = new Error('request timed out', { cause: withCode('CERT_HAS_EXPIRED', 'tls failure') });
    expect(classifyNetworkError(error)).toBe('TLS_EXPIRED');
  });

  it('reads the OpenSSL wording of a nodemailer error whose code was replaced by ESOCKET', () => {
    expect(classifyNetworkError(withCode('ESOCKET', 'self-signed certificate in certificate chain'))).toBe(
      'TLS_UNTRUSTED',
    );
    expect(
      classifyNetworkError(
        withCode(
          'ESOCKET',
          "Hostname/IP does not match certificate's altnames: IP: 10.0.0.1 is not in the cert's list",
        ),
      ),
    ).toBe('TLS_HOSTNAME_MISMATCH');
    expect(classifyNetworkError(withCode('ESOCKET', 'certificate has expired'))).toBe('TLS_EXPIRED');
  });

  it('terminates on a cyclic cause chain', () => {
    const first: Error & { cause?: unknown } = new Error('first');
    const second = new Error('second', { cause: first });
    first.cause = second;
    expect(classifyNetworkError(first)).toBeUndefined();

    const self: Error & { cause?: unknown } = new Error('self');
    self.cause = self;
    expect(classifyNetworkError(self)).toBeUndefined();
  });

  it('still finds a match inside a cyclic chain', () => {
    const outer: Error & { cause?: unknown } = new Error('outer');
    const inner = Object.assign(new Error('inner', { cause: outer }), { code: 'EHOSTUNREACH' });
    outer.cause = inner;
    expect(classifyNetworkError(outer)).toBe('NETWORK_UNREACHABLE');
  });

  it.each([
    ['ECONNREFUSED'],
    ['connect ECONNREFUSED 127.0.0.1:993'],
    [null],
    [undefined],
    [42],
    [true],
    [{}],
    [[]],
  ])('answers undefined for the non-error %j', (input) => {
    expect(classifyNetworkError(input)).toBeUndefined();
  });

  it('answers undefined for errors that are not transport failures', () => {
    expect(classifyNetworkError(new Error('Invalid credentials (Failure)'))).toBeUndefined();
    expect(
      classifyNetworkError(withCode('EAUTH', 'Invalid login: 535 5.7.8 Authentication failed')),
    ).toBeUndefined();
    expect(classifyNetworkError(new TypeError('fetch failed', { cause: 'not an error' }))).toBeUndefined();
  });

  it('ignores codes and messages that are not strings', () => {
    expect(classifyNetworkError({ code: 111, message: ['ECONNREFUSED'] })).toBeUndefined();
  });
});
