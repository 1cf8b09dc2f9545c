import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONTEXT_PATH } from '@core/discovery/context-path';
import { mxProvider } from '@core/discovery/mx-provider';
import { davSrvCandidates, mailSrvCandidates } from '@core/discovery/srv-candidates';
import { type Catalog, loadCatalog } from '@core/providers/catalog';
import { fakeDns, HOSTILE_NAMES, srv } from './hostile-dns';

// Plain DNS can be forged: whatever an MX, SRV or TXT answer says, only clean host names, real ports and
// clean paths may reach an endpoint or a URL; the rest is dropped and discovery goes on.

const DOMAIN = 'example.com';
const hostile = (port: number) => HOSTILE_NAMES.map((name) => srv(name, port));

describe('mail SRV answers (RFC 6186)', () => {
  it('keeps only host names, normalised; drops hostile names and ports outside 1–65535', async () => {
    const dns = fakeDns({
      srv: {
        [`_imaps._tcp.${DOMAIN}`]: [
          ...hostile(993),
          srv('IMAP.Example.COM.', 993),
          srv('imap0.example.com', 0),
          srv('imap1.example.com', 65_536),
          srv('imap.other-provider.net', 993),
        ],
        [`_submission._tcp.${DOMAIN}`]: [...hostile(587), srv('smtp.example.com', 587)],
      },
    });
    const found = await mailSrvCandidates(dns, DOMAIN);
    expect(found.imap.map((c) => [c.endpoint, c.needsConfirmation])).toEqual([
      [{ host: 'imap.example.com', port: 993, security: 'tls' }, false],
      [{ host: 'imap.other-provider.net', port: 993, security: 'tls' }, true],
    ]);
    expect(found.smtp.map((c) => c.endpoint)).toEqual([
      { host: 'smtp.example.com', port: 587, security: 'starttls' },
    ]);
  });
});

describe('CalDAV/CardDAV SRV and TXT answers (RFC 6764)', () => {
  const name = `_caldavs._tcp.${DOMAIN}`;
  const urls = async (targets: ReturnType<typeof srv>[], txt: string[][]): Promise<string[]> =>
    (
      await davSrvCandidates(fakeDns({ srv: { [name]: targets }, txt: { [name]: txt } }), DOMAIN, 'caldav')
    ).map((c) => c.url);

  it('builds URLs only for host names, normalised, with the TXT path', async () => {
    const found = await urls(
      [
        ...hostile(8443),
        srv('DAV.Example.COM.', 8443),
        srv('dav2.example.com', 443),
        srv('dav3.example.com', 0),
      ],
      [['path=/dav/']],
    );
    expect(found).toEqual(['https://dav.example.com:8443/dav/', 'https://dav2.example.com/dav/']);
  });

  it('flags a target outside the domain, and only that one', async () => {
    const found = await davSrvCandidates(
      fakeDns({ srv: { [name]: [srv('dav.example.com', 443), srv('DAV.Example.COM.evil.net', 443)] } }),
      DOMAIN,
      'caldav',
    );
    expect(found.map((c) => [c.url, c.needsConfirmation])).toEqual([
      ['https://dav.example.com/', false],
      ['https://dav.example.com.evil.net/', true],
    ]);
  });

  it.each([
    '/dav/ "x',
    '/dav/"x',
    '/../../',
    '/dav/../admin/',
    '/dav/%2e%2E/admin/',
    '/./dav/',
    '/dav/?x=1',
    '/dav/#x',
    '/dav/\r\nX-Injected: 1',
    '/dav/\u0000',
    '/dav\\x',
    '/dav/%zz',
    '/dåv/',
    '/dav/<script>',
    '//evil.example/dav/',
    'dav/',
    'https://evil.example/dav/',
    '',
    `/${'a'.repeat(MAX_CONTEXT_PATH)}`,
  ])('a TXT path %j counts as no path: "/"', async (path) => {
    expect(await urls([srv('dav.example.com', 8443)], [[`path=${path}`]])).toEqual([
      'https://dav.example.com:8443/',
    ]);
  });

  it.each([
    ['/dav/', '/dav/'],
    ['/remote.php/dav/calendars/anna%40example.com/', '/remote.php/dav/calendars/anna%40example.com/'],
    ["/a-b_c.d~e/!$&'()*+,;=:@/x//", "/a-b_c.d~e/!$&'()*+,;=:@/x//"],
    [`/${'a'.repeat(MAX_CONTEXT_PATH - 1)}`, `/${'a'.repeat(MAX_CONTEXT_PATH - 1)}`],
  ])('a clean TXT path %j is kept as it is', async (path, expected) => {
    expect(await urls([srv('dav.example.com', 8443)], [[`path=${path}`]])).toEqual([
      `https://dav.example.com:8443${expected}`,
    ]);
  });

  it('reads each TXT string as one key/value pair, key in any case, first occurrence only (RFC 6763 §6)', async () => {
    const target = [srv('dav.example.com', 443)];
    expect(await urls(target, [['txtvers=1', 'PATH=/dav/']])).toEqual(['https://dav.example.com/dav/']);
    expect(await urls(target, [['path=/dav/', 'txtvers=1']])).toEqual(['https://dav.example.com/dav/']);
    expect(await urls(target, [['path=/one/', 'path=/two/']])).toEqual(['https://dav.example.com/one/']);
    expect(await urls(target, [])).toEqual(['https://dav.example.com/']);
  });
});

describe('MX answers matched against the catalog', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await loadCatalog(join(__dirname, '../../../../resources/providers'));
  });

  it('recognises a provider by a normalised MX host', async () => {
    const found = await mxProvider(fakeDns({ mx: { [DOMAIN]: ['MX1.PEC.Aruba.IT.'] } }), catalog, DOMAIN);
    expect(found?.id).toBe('aruba-pec');
  });

  it.each([
    'evil.example/.pec.aruba.it',
    'evil.example?.pec.aruba.it',
    'a b.pec.aruba.it',
    'a"b.pec.aruba.it',
    'evil.example:25.pec.aruba.it',
    'evil.example\r\n.pec.aruba.it',
    '..pec.aruba.it',
    `${'a'.repeat(64)}.pec.aruba.it`,
    'evilpec.aruba.it',
    'mx.pec.aruba.it.evil.net',
  ])('an MX answer %j recognises no one', async (exchange) => {
    expect(await mxProvider(fakeDns({ mx: { [DOMAIN]: [exchange] } }), catalog, DOMAIN)).toBeUndefined();
  });

  it('a hostile MX answer does not hide a clean one', async () => {
    const answers = ['evil.example/.google.com', 'mx.pec.aruba.it'];
    expect((await mxProvider(fakeDns({ mx: { [DOMAIN]: answers } }), catalog, DOMAIN))?.id).toBe('aruba-pec');
  });
});
