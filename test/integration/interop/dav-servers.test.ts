import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { discover } from '@core/discovery/discover';
import { loadCatalog, type Catalog } from '@core/providers/catalog';
import { verifyServices } from '@core/verify/verify-services';
import type { AddressBookInfo, CalendarInfo, ServiceResult } from '@shared/verify';
import { startDnsmasq } from '../../rig/dnsmasq';
import { freePorts } from '../../rig/ports';
import type { DnsRecord } from '../../rig/rig-info';
import { loadedByEds } from '../../support/eds-registry';
import { addRigAccount } from '../../support/rig-accounts';
import { ponteWith } from '../../support/run-ponte';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

// Every CalDAV/CardDAV implementation of the rig — Radicale, and Xandikos behind nginx at the root and under a
// path — through the same steps a person takes: the check, discovery from the address alone (DNS or the
// server's /.well-known), saving the account, setting up Evolution, and a rotation. The expectations are the
// same for each: what differs between servers is Ponte's problem, not the person's.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const trust = { caPem: rig.caPem };
const credential = { username: anna.login, password: anna.password };
const ZONE = 'interop.test';
const dir = useTempDir('ponte-dav-servers-', 'all');
let catalog: Catalog;
let dns: { stop(): Promise<void> };
let dnsServer: string;

/** A domain per implementation whose DNS names it as the CalDAV/CardDAV server (RFC 6764: SRV and TXT path). */
const domainOf = (index: number): string => `s${index}.${ZONE}`;

function davRecords(): DnsRecord[] {
  return rig.davServers.flatMap((server, index) => {
    const url = new URL(server.url);
    return ['_caldavs', '_carddavs'].flatMap((service): DnsRecord[] => [
      // The rig's certificate names localhost, which every machine resolves without this DNS.
      {
        type: 'SRV',
        name: `${service}._tcp.${domainOf(index)}`,
        target: 'localhost',
        port: Number(url.port),
        priority: 0,
        weight: 1,
      },
      { type: 'TXT', name: `${service}._tcp.${domainOf(index)}`, value: `path=${url.pathname}` },
    ]);
  });
}

beforeAll(async () => {
  catalog = await loadCatalog(join(__dirname, '../../../resources/providers'));
  const [port] = await freePorts(1);
  const started = await startDnsmasq({ dir: join(dir(), 'dns'), domain: ZONE, records: davRecords(), port });
  dns = started.daemon;
  dnsServer = `127.0.0.1:${started.port}`;
});
afterAll(async () => {
  await dns?.stop();
});

function calendarsOf(result: ServiceResult | undefined): CalendarInfo[] {
  expect(result, JSON.stringify(result)).toMatchObject({ service: 'caldav', status: 'ok' });
  return result?.service === 'caldav' ? (result.found?.calendars ?? []) : [];
}

function booksOf(result: ServiceResult | undefined): AddressBookInfo[] {
  expect(result, JSON.stringify(result)).toMatchObject({ service: 'carddav', status: 'ok' });
  return result?.service === 'carddav' ? (result.found?.addressBooks ?? []) : [];
}

const verifyDav = (url: string, password = anna.password) =>
  verifyServices(
    [
      { service: 'caldav', url, credential: { ...credential, password } },
      { service: 'carddav', url, credential: { ...credential, password } },
    ],
    { trust },
  );

describe.each(rig.davServers.map((server, index) => ({ ...server, index })))('$name', (server) => {
  it('the check finds the calendars with their names, colour and kinds, and the address book', async () => {
    const [caldav, carddav] = await verifyDav(server.url);
    const calendars = calendarsOf(caldav);
    const byName = Object.fromEntries(calendars.map((calendar) => [calendar.displayName, calendar]));
    expect(Object.keys(byName).sort()).toEqual(['Lavoro', 'Promemoria']);
    expect(byName.Lavoro).toMatchObject({ color: '#2E7D32FF', readOnly: false });
    expect(byName.Lavoro?.components).toContain('VEVENT');
    expect(byName.Promemoria?.components).toContain('VTODO');
    const books = booksOf(carddav);
    expect(books.map((book) => book.displayName)).toEqual(['Contatti']);
    // Every collection is where the person's server is, under its path prefix too.
    for (const collection of [...calendars, ...books])
      expect(collection.url.startsWith(server.url)).toBe(true);
  });

  it('a wrong password is AUTH_FAILED for calendars and contacts alike', async () => {
    const results = await verifyDav(server.url, 'not-the-password');
    expect(results.map((result) => [result.service, result.code])).toEqual([
      ['caldav', 'AUTH_FAILED'],
      ['carddav', 'AUTH_FAILED'],
    ]);
  });

  it('typed as the bare server address, /.well-known leads to the same calendars', async () => {
    const origin = `${new URL(server.url).origin}/`;
    const [fromOrigin, fromUrl] = await Promise.all([verifyDav(origin), verifyDav(server.url)]);
    const urls = (results: ServiceResult[]) =>
      calendarsOf(results[0])
        .map((calendar) => calendar.url)
        .sort();
    expect(urls(fromOrigin)).toHaveLength(2);
    expect(urls(fromOrigin)).toEqual(urls(fromUrl));
  });

  it('discovered from the e-mail domain’s DNS (SRV and TXT path), then checked', async () => {
    const result = await discover(`anna@${domainOf(server.index)}`, {
      catalog,
      dnsServer,
      trust,
      ispdbUrl: null,
      timeoutMs: 3_000,
    });
    const url = `https://localhost:${new URL(server.url).port}${new URL(server.url).pathname}`;
    expect(result.candidates.caldav.map((candidate) => candidate.url)).toContain(url);
    expect(result.candidates.carddav.map((candidate) => candidate.url)).toContain(url);
    const [caldav] = await verifyDav(url);
    expect(
      calendarsOf(caldav)
        .map((calendar) => calendar.displayName)
        .sort(),
    ).toEqual(['Lavoro', 'Promemoria']);
  });

  it('saved, set up in Evolution (read back by EDS), rotated, and taken back', async () => {
    const home = join(dir(), `home-${server.index}`);
    const ponte = ponteWith(() => ({
      dataDir: join(home, 'data'),
      home,
      env: { XDG_CONFIG_HOME: join(home, '.config') },
    }));
    const account = await addRigAccount(ponte, rig, anna, ['imap', 'caldav', 'carddav'], [], {
      davUrl: server.url,
    });
    expect((await ponte(['check'])).code).toBe(0);

    const configured = await ponte(['configure', account.id, '--target', 'evolution', '--json']);
    expect(configured.code, configured.stdout + configured.stderr).toBe(0);
    const loaded = await loadedByEds(home, 'ponte-');
    expect(loaded.map((source) => source.name)).toEqual(expect.arrayContaining(['Lavoro', 'Contatti']));
    const lavoro = loaded.find((source) => source.name === 'Lavoro');
    const uri = new URL(String(lavoro?.uri));
    expect(uri.origin).toBe(new URL(server.url).origin);
    expect(uri.pathname.startsWith(new URL(server.url).pathname)).toBe(true);
    expect(decodeURIComponent(uri.username)).toBe(anna.login);

    // The app password expired: the keychain holds one the server refuses; the rotation puts the new one in.
    await keytar.setPassword('Ponte', `account:${account.id}:main`, 'the-expired-app-password');
    expect((await ponte(['check'])).code).toBe(1);
    const rotated = await ponte(['rotate', account.id, '--password-stdin', '--json'], {
      stdin: anna.password,
    });
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect(await keytar.getPassword('Ponte', `account:${account.id}:main`)).toBe(anna.password);
    expect((await ponte(['check'])).code).toBe(0);

    const removed = await ponte(['account', 'remove', account.id, '--undo-targets']);
    expect(removed.code, removed.stdout + removed.stderr).toBe(0);
    expect(await loadedByEds(home, 'ponte-')).toEqual([]);
  }, 120_000);
});
