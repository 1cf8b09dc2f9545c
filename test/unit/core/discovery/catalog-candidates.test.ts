import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogCandidates } from '@core/discovery/catalog-candidates';
import { isOutside } from '@core/discovery/third-party';
import { type Catalog, loadCatalog, matchesHostPattern } from '@core/providers/catalog';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(join(__dirname, '../../../../resources/providers'));
});

describe('catalogCandidates', () => {
  it('fills the address into hosts and user names; recognised by domain, nothing to confirm', () => {
    const aruba = catalog.byDomain('pec.it');
    if (!aruba) throw new Error('aruba-pec missing');
    const found = catalogCandidates(aruba, 'ufficio@pec.it', 'domain');
    expect(found.imap).toEqual([
      expect.objectContaining({
        source: 'catalog',
        confidence: 'high',
        username: 'ufficio@pec.it',
        needsConfirmation: false,
        needsInput: [],
        endpoint: { host: 'imaps.pec.aruba.it', port: 993, security: 'tls' },
      }),
    ]);
  });

  it('recognised by MX: the person confirms; placeholders the wizard must ask for are listed', () => {
    const infomaniak = catalog.byId('infomaniak');
    if (!infomaniak) throw new Error('infomaniak missing');
    const found = catalogCandidates(infomaniak, 'anna@studio-rossi.ch', 'mx');
    expect(found.imap[0]).toMatchObject({ source: 'mx', needsConfirmation: true });
    expect(found.webdav[0]?.needsInput).toContain('kdriveId');
    expect(found.webdav[0]?.url).toContain('{kdriveId}');
  });
});

describe('host matching', () => {
  it('matches "*." patterns on sub-domains only, case-insensitively, ignoring a trailing dot', () => {
    expect(matchesHostPattern('MX1.pec.aruba.it.', '*.pec.aruba.it')).toBe(true);
    expect(matchesHostPattern('evilpec.aruba.it', '*.pec.aruba.it')).toBe(false);
    expect(matchesHostPattern('pec.it', 'pec.it')).toBe(true);
  });

  it('tells hosts outside the address domain', () => {
    expect(isOutside('mail.example.com', 'example.com')).toBe(false);
    expect(isOutside('example.com.', 'example.com')).toBe(false);
    expect(isOutside('mail.example.com.evil.net', 'example.com')).toBe(true);
    expect(isOutside('notexample.com', 'example.com')).toBe(true);
  });
});

describe('Microsoft addresses: told "OAuth only" wherever the mailbox lives', () => {
  it.each(['outlook.it', 'hotmail.fr', 'live.de', 'outlook.com.br'])('%s is Outlook.com', (domain) => {
    expect(catalog.byDomain(domain)?.id).toBe('outlook-com');
  });

  it('a custom domain whose MX is Outlook.com consumer or Microsoft 365 is recognised as such', () => {
    expect(catalog.byMxHosts(['eur.olc.protection.outlook.com'])?.id).toBe('outlook-com');
    expect(catalog.byMxHosts(['studio-rossi-it.mail.protection.outlook.com'])?.id).toBe('microsoft-365');
    expect(catalog.byDomain('studiorossi.onmicrosoft.com')?.id).toBe('microsoft-365');
  });
});
