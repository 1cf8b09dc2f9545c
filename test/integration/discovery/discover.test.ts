import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { discover } from '../../../src/core/discovery/discover';
import { type Catalog, loadCatalog } from '../../../src/core/providers/catalog';
import {
  type DiscoveryWorld,
  LOCAL_ISPDB_URL,
  startDiscoveryWorld,
  ZONE,
} from '../../support/discovery-world';

const rig = inject('rig');
let catalog: Catalog;
let world: DiscoveryWorld;
let dnsServer = '';
const trust = { caPem: rig.caPem };

beforeAll(async () => {
  catalog = await loadCatalog(join(__dirname, '../../../resources/providers'));
  world = await startDiscoveryWorld(rig);
  dnsServer = world.dnsServer;
});
afterAll(() => world.stop());

const run = (email: string, timeoutMs = 3_000) =>
  discover(email, { catalog, dnsServer, trust, ispdbUrl: null, timeoutMs });

describe('discover', () => {
  it('a catalogued domain answers at once from the catalog', async () => {
    const result = await run('segreteria@pec.it');
    expect(result.provider).toEqual({
      id: 'aruba-pec',
      name: 'Aruba PEC',
      via: 'domain',
      unsupported: false,
      lifetimeDays: 90,
      createUrl: 'https://account.aruba.it/pec',
      credentials: [
        expect.objectContaining({ id: 'mail', kind: 'app-password', username: 'segreteria@pec.it' }),
      ],
      serversOnly: false,
      notes: [expect.objectContaining({ en: expect.stringContaining('smtps.pec.aruba.it') })],
      placeholders: [],
    });
    expect(result.candidates.imap[0]).toMatchObject({
      credential: 'mail',
      source: 'catalog',
      endpoint: { host: 'imaps.pec.aruba.it', port: 993, security: 'tls' },
      username: 'segreteria@pec.it',
      needsConfirmation: false,
    });
    expect(result.durationMs).toBeLessThan(50);
  });

  it('a custom domain hosted at a catalogued provider is found by its MX, for the person to confirm', async () => {
    const result = await run(`info@pecoffice.${ZONE}`);
    expect(result.provider).toMatchObject({ id: 'aruba-pec', via: 'mx' });
    expect(result.candidates.imap[0]).toMatchObject({
      source: 'mx',
      endpoint: { host: 'imaps.pec.aruba.it' },
      needsConfirmation: true,
    });
  });

  it('a Google Workspace domain found by MX carries the note that its admin may forbid app passwords', async () => {
    const hosted = await run(`anna@workspace.${ZONE}`);
    expect(hosted.provider).toMatchObject({ id: 'gmail', via: 'mx' });
    expect(hosted.provider?.notes.map((note) => note.en).join(' ')).toContain('Google Workspace');
    const personal = await run('anna@gmail.com');
    expect(personal.provider?.via).toBe('domain');
    expect(personal.provider?.notes.map((note) => note.en).join(' ')).not.toContain('Google Workspace');
  });

  it('SRV records: RFC 2782 order, "." means not offered, TXT path for CalDAV', async () => {
    const result = await run(`anna@srv.${ZONE}`);
    expect(result.candidates.imap.map((c) => c.endpoint.host)).toEqual([
      `heavy.srv.${ZONE}`,
      `light.srv.${ZONE}`,
      `backup.srv.${ZONE}`,
    ]);
    expect(result.candidates.imap.every((c) => c.source === 'srv' && !c.needsConfirmation)).toBe(true);
    expect(result.candidates.smtp.filter((c) => c.source === 'srv').map((c) => c.endpoint)).toEqual([
      { host: `mail.srv.${ZONE}`, port: rig.smtp.submissionPort, security: 'starttls' },
    ]);
    expect(result.candidates.caldav.map((c) => c.url)).toEqual([`https://dav.srv.${ZONE}:8443/dav/`]);
  });

  it('a DNS answer pointing at another domain is flagged for confirmation', async () => {
    const result = await run(`anna@elsewhere.${ZONE}`);
    expect(result.candidates.imap[0]).toMatchObject({
      endpoint: { host: 'imap.other-provider.example' },
      needsConfirmation: true,
    });
  });

  it('Mozilla autoconfig over https: TLS servers only, usernames filled in, content type not required', async () => {
    for (const zone of ['auto', 'plaintype']) {
      const result = await run(`anna@${zone}.${ZONE}`);
      const host = `mail.${zone}.${ZONE}`;
      expect(result.candidates.imap).toEqual([
        expect.objectContaining({
          source: 'autoconfig',
          confidence: 'high',
          endpoint: { host, port: 993, security: 'tls' },
          username: `anna@${zone}.${ZONE}`,
        }),
      ]);
      expect(result.candidates.smtp[0]).toMatchObject({
        endpoint: { host, port: 587, security: 'starttls' },
        username: 'anna',
      });
    }
  });

  it.each([
    ['entity', /DTD/],
    ['huge', /larger than/],
    ['tohttp', /refused a redirect to http:/],
    ['html', /not a clientConfig/],
    ['broken', /malformed|not a clientConfig/],
  ])('hostile autoconfig (%s) is rejected with a reason, quickly', async (zone, reason) => {
    const started = Date.now();
    const result = await run(`anna@${zone}.${ZONE}`);
    expect(Date.now() - started).toBeLessThan(3_500);
    expect(result.candidates.imap).toEqual([]);
    expect(result.notes.join('\n')).toMatch(reason);
  });

  it('falls back to the ISPDB, ranked below the domain’s own sources', async () => {
    const result = await discover(`anna@ispdb.${ZONE}`, {
      catalog,
      dnsServer,
      trust,
      ispdbUrl: LOCAL_ISPDB_URL,
    });
    expect(result.candidates.imap[0]).toMatchObject({
      source: 'ispdb',
      confidence: 'medium',
      endpoint: { host: `mail.ispdb.${ZONE}`, port: 993, security: 'tls' },
    });
  });

  it('the domain’s /.well-known/caldav redirect makes it a CalDAV candidate', async () => {
    const result = await run(`anna@wk.${ZONE}`);
    expect(result.candidates.caldav).toEqual([
      expect.objectContaining({ source: 'well-known', url: `https://wk.${ZONE}/` }),
    ]);
  });

  it('guesses the usual names, keeping only servers that answer (valid TLS, or a real greeting)', async () => {
    const result = await run(`anna@guess.${ZONE}`);
    expect(
      result.candidates.imap.map((c) => [c.source, c.endpoint.host, c.endpoint.port, c.endpoint.security]),
    ).toEqual([
      ['guess', `imap.guess.${ZONE}`, 993, 'tls'],
      ['guess', `mail.guess.${ZONE}`, 993, 'tls'],
      ['guess', `imap.guess.${ZONE}`, 143, 'starttls'],
    ]);
    expect(result.candidates.smtp).toEqual([]);
  });

  it('a dead domain ends within the bound with "nothing found"', async () => {
    const started = Date.now();
    const result = await run(`anna@dead.${ZONE}`);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(3_500);
    expect(Object.values(result.candidates).flat()).toEqual([]);
    expect(result.notes.join('\n')).toMatch(/nothing found/);
  });

  it('a cancel ends a run that would otherwise wait for the bound', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    const result = await discover(`anna@dead.${ZONE}`, {
      catalog,
      dnsServer,
      trust,
      ispdbUrl: null,
      signal: controller.signal,
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.notes.join('\n')).not.toMatch(/stopped after/);
  });

  it('refuses what is not an e-mail address without asking the network', async () => {
    const result = await run('not an address');
    expect(result.notes).toEqual(['not an e-mail address']);
    expect(result.durationMs).toBeLessThan(20);
  });
});
