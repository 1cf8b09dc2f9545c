import { randomUUID } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { ImapFlow } from 'imapflow';
import keytar from 'keytar';
import { createTransport } from 'nodemailer';
import { createDAVClient } from 'tsdav';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createClient } from 'webdav';
import type { RigUser } from '../rig/rig-info';
import { rigFetch, rigHttpsAgent, rigTlsOptions } from '../rig/rig-tls';

const rig = inject('rig');

function rigUser(index: number): RigUser {
  const user = rig.users[index];
  if (!user) throw new Error(`the rig has no user #${index}`);
  return user;
}

const anna = rigUser(0);
const marco = rigUser(1);
type ImapMode = 'tls' | 'starttls';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function imapClient(user: RigUser, mode: ImapMode, password = user.password): ImapFlow {
  return new ImapFlow({
    host: rig.imap.host,
    port: mode === 'tls' ? rig.imap.tlsPort : rig.imap.starttlsPort,
    secure: mode === 'tls',
    doSTARTTLS: mode === 'starttls' ? true : undefined,
    auth: { user: user.login, pass: password },
    tls: rigTlsOptions(rig.caPem),
    logger: false,
  });
}

async function withImap<T>(
  user: RigUser,
  mode: ImapMode,
  work: (client: ImapFlow) => Promise<T>,
): Promise<T> {
  const client = imapClient(user, mode);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

/** Delivery goes submission → Postfix queue → LMTP → Dovecot, so it takes a moment: poll, bounded. */
async function waitForSubject(user: RigUser, subject: string, timeoutMs = 15_000): Promise<void> {
  await withImap(user, 'tls', async (client) => {
    await client.mailboxOpen('INBOX');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // SEARCH alone may run on a stale view of the mailbox; NOOP makes Dovecot sync it first.
      await client.noop();
      const found = await client.search({ header: { subject } }, { uid: true });
      if (found && found.length > 0) return;
      if (Date.now() > deadline) {
        throw new Error(`"${subject}" not in ${user.email}'s INBOX after ${timeoutMs} ms`);
      }
      await sleep(200);
    }
  });
}

describe('Radicale (CalDAV/CardDAV) through tsdav', () => {
  const tls = rigFetch(rig.caPem);
  afterAll(() => tls.close());
  const credentials = { username: anna.login, password: anna.password };

  it('finds the pre-created calendars with their names, colour and components', async () => {
    const client = await createDAVClient({
      serverUrl: rig.caldav.url,
      credentials,
      authMethod: 'Basic',
      defaultAccountType: 'caldav',
      fetch: tls.fetch,
    });
    const calendars = await client.fetchCalendars();
    const byName = new Map(calendars.map((c) => [c.displayName, c]));
    expect(byName.get('Lavoro')).toMatchObject({ calendarColor: '#2E7D32FF', components: ['VEVENT'] });
    expect(byName.get('Promemoria')).toMatchObject({ components: ['VTODO'] });
    const work = byName.get('Lavoro');
    if (!work) throw new Error('no Lavoro calendar');
    const events = await client.fetchCalendarObjects({ calendar: work });
    expect(events.map((event) => String(event.data))).toEqual([expect.stringContaining('SUMMARY:Riunione')]);
  });

  it('finds the address book', async () => {
    const client = await createDAVClient({
      serverUrl: rig.caldav.url,
      credentials,
      authMethod: 'Basic',
      defaultAccountType: 'carddav',
      fetch: tls.fetch,
    });
    const books = await client.fetchAddressBooks();
    expect(books.map((book) => book.displayName)).toEqual(['Contatti']);
  });
});

describe('Apache mod_dav (WebDAV) through webdav', () => {
  const httpsAgent = rigHttpsAgent(rig.caPem);
  afterAll(() => httpsAgent.destroy());

  it('lists the user folder and round-trips a file', async () => {
    const client = createClient(anna.webdavUrl, {
      username: anna.login,
      password: anna.password,
      httpsAgent,
    });
    const name = `/rig-smoke-${randomUUID()}.txt`;
    expect(await client.getDirectoryContents('/')).toBeInstanceOf(Array);
    await client.putFileContents(name, 'ciao dal rig');
    expect(await client.getFileContents(name, { format: 'text' })).toBe('ciao dal rig');
    const listing = await client.getDirectoryContents('/');
    expect(Array.isArray(listing) && listing.map((entry) => `/${entry.basename}`)).toContain(name);
    await client.deleteFile(name);
  });

  it("refuses another user's folder", async () => {
    const client = createClient(marco.webdavUrl, {
      username: anna.login,
      password: anna.password,
      httpsAgent,
    });
    await expect(client.getDirectoryContents('/')).rejects.toMatchObject({ status: 401 });
  });
});

describe('Dovecot (IMAP) through imapflow', () => {
  it.each(['tls', 'starttls'] as const)('logs in over %s and lists the special-use folders', async (mode) => {
    await withImap(anna, mode, async (client) => {
      expect(client.secureConnection).toBe(true);
      const specialUse = (await client.list()).map((box) => box.specialUse).filter(Boolean);
      expect(specialUse.sort()).toEqual(['\\Drafts', '\\Inbox', '\\Junk', '\\Sent', '\\Trash'].sort());
    });
  });

  it('answers GETQUOTAROOT with usage and a 100 MB limit', async () => {
    const quota = await withImap(anna, 'tls', (client) => client.getQuota('INBOX'));
    if (!quota) throw new Error('no QUOTA support');
    // imapflow's d.ts calls the used bytes `used`; at run time the field is `usage`.
    expect(quota.storage).toMatchObject({ usage: expect.any(Number), limit: 100 * 1024 * 1024 });
  });

  it('refuses a wrong password at once, again and again (no auth penalty)', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const client = imapClient(anna, 'tls', 'wrong-password');
      const started = performance.now();
      const error: unknown = await client.connect().then(
        () => undefined,
        (failure: unknown) => failure,
      );
      client.close();
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(error).toMatchObject({ authenticationFailed: true });
    }
    const started = performance.now();
    await withImap(anna, 'tls', async () => undefined);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('Postfix (submission) through nodemailer, delivered to Dovecot', () => {
  it.each([
    ['implicit TLS', { port: rig.smtp.tlsPort, secure: true, requireTLS: false }],
    ['STARTTLS', { port: rig.smtp.submissionPort, secure: false, requireTLS: true }],
  ] as const)('sends over %s and the message reaches the INBOX', async (_mode, connection) => {
    const transport = createTransport({
      host: rig.smtp.host,
      ...connection,
      auth: { user: anna.login, pass: anna.password },
      tls: rigTlsOptions(rig.caPem),
    });
    const subject = `rig smoke ${randomUUID()}`;
    try {
      const info = await transport.sendMail({ from: anna.email, to: marco.email, subject, text: 'ciao' });
      expect(info.accepted).toEqual([marco.email]);
    } finally {
      transport.close();
    }
    await waitForSubject(marco, subject);
  });

  it('refuses a wrong password with EAUTH', async () => {
    const transport = createTransport({
      host: rig.smtp.host,
      port: rig.smtp.tlsPort,
      secure: true,
      auth: { user: anna.login, pass: 'wrong-password' },
      tls: rigTlsOptions(rig.caPem),
    });
    const started = performance.now();
    await expect(transport.verify()).rejects.toMatchObject({ code: 'EAUTH' });
    expect(performance.now() - started).toBeLessThan(2_000);
    transport.close();
  });
});

describe('the Secret Service through keytar', () => {
  it('stores, reads and deletes a password', async () => {
    const service = 'Ponte-rig-test';
    const account = `rig-${randomUUID()}`;
    await keytar.setPassword(service, account, 'segreto');
    expect(await keytar.getPassword(service, account)).toBe('segreto');
    expect(await keytar.deletePassword(service, account)).toBe(true);
    expect(await keytar.getPassword(service, account)).toBeNull();
  });
});

describe('dnsmasq through node:dns', () => {
  const resolver = new Resolver({ timeout: 2_000, tries: 1 });
  resolver.setServers([`${rig.dns.host}:${rig.dns.port}`]);
  const domain = rig.dns.domain;

  it('answers A, MX, SRV and TXT for the test domain', async () => {
    expect(await resolver.resolve4(`mail.${domain}`)).toEqual(['127.0.0.1']);
    expect(await resolver.resolveMx(domain)).toEqual([{ exchange: `mail.${domain}`, priority: 10 }]);
    expect(await resolver.resolveSrv(`_imaps._tcp.${domain}`)).toEqual([
      { name: `mail.${domain}`, port: rig.imap.tlsPort, priority: 0, weight: 1 },
    ]);
    expect(await resolver.resolveSrv(`_submissions._tcp.${domain}`)).toMatchObject([
      { port: rig.smtp.tlsPort },
    ]);
    expect(await resolver.resolveSrv(`_caldavs._tcp.${domain}`)).toMatchObject([{ name: `dav.${domain}` }]);
    expect(await resolver.resolveTxt(`_carddavs._tcp.${domain}`)).toEqual([['path=/']]);
  });

  it('says NXDOMAIN for a name it does not know', async () => {
    await expect(resolver.resolve4(`nobody.${domain}`)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});
