import { describe, expect, it } from 'vitest';
import { parseAutoconfig } from '@core/discovery/autoconfig-xml';

const config = (servers: string): string =>
  `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="example.com">${servers}</emailProvider></clientConfig>`;

describe('parseAutoconfig', () => {
  it('keeps IMAP and SMTP over TLS, fills Mozilla placeholders, drops POP3 and plaintext', () => {
    const parsed = parseAutoconfig(
      config(`
        <incomingServer type="pop3"><hostname>pop.example.com</hostname><port>995</port><socketType>SSL</socketType></incomingServer>
        <incomingServer type="imap"><hostname>IMAP.example.com</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>
        <incomingServer type="imap"><hostname>old.example.com</hostname><port>143</port><socketType>plain</socketType></incomingServer>
        <outgoingServer type="smtp"><hostname>smtp.example.com</hostname><port>587</port><socketType>STARTTLS</socketType><username>%EMAILLOCALPART%@%EMAILDOMAIN%</username></outgoingServer>`),
      'anna@example.com',
    );
    expect(parsed).toEqual({
      ok: true,
      servers: [
        {
          service: 'imap',
          endpoint: { host: 'imap.example.com', port: 993, security: 'tls' },
          username: 'anna@example.com',
        },
        {
          service: 'smtp',
          endpoint: { host: 'smtp.example.com', port: 587, security: 'starttls' },
          username: 'anna@example.com',
        },
      ],
    });
  });

  it.each([
    ['a DTD with entities', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><clientConfig/>', /DTD/],
    ['an external entity', '<!DOCTYPE x SYSTEM "file:///etc/passwd"><clientConfig/>', /DTD/],
    ['something else', '<html><body>hello</body></html>', /not a clientConfig/],
    [
      'nothing usable',
      config(
        '<incomingServer type="imap"><hostname>x</hostname><port>143</port><socketType>plain</socketType></incomingServer>',
      ),
      /no IMAP\/SMTP over TLS/,
    ],
    [
      'a hostile host name',
      config(
        '<incomingServer type="imap"><hostname>a b;rm</hostname><port>993</port><socketType>SSL</socketType></incomingServer>',
      ),
      /no IMAP\/SMTP/,
    ],
    [
      'a port out of range',
      config(
        '<incomingServer type="imap"><hostname>a.example</hostname><port>99999</port><socketType>SSL</socketType></incomingServer>',
      ),
      /no IMAP\/SMTP/,
    ],
  ])('refuses %s with a reason', (_name, xml, reason) => {
    const parsed = parseAutoconfig(xml, 'anna@example.com');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});
