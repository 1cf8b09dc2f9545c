import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ServiceTarget } from '../../../src/core/verify/service-target';
import { verifyServices } from '../../../src/core/verify/verify-services';
import {
  type FakeServer,
  startImapRefusingLogin,
  startImapWithoutStarttls,
  startSmtpRefusingAuth,
  startSilentServer,
  startSmtpWithoutStarttls,
  startTlsServer,
} from '../../support/fake-servers';
import { secretForms } from '../../support/secret-sweep';
import { issueCertificate } from '../../support/test-certificates';
import { loopbackTarget, rigTargets, rigUser } from './rig-targets';
import { SERVICE_KINDS } from '../../../src/shared/verify';

const rig = inject('rig');
const anna = rigUser(rig, 0);
const trust = { caPem: rig.caPem };
const credential = { username: anna.login, password: anna.password };

/** The five services of a user, all pointed at one host:port (a fake server or a closed port). */
const allAt = (port: number): ServiceTarget[] =>
  SERVICE_KINDS.map((service) => loopbackTarget(service, port, credential));

const codes = (results: { service: string; code: string | null }[]): [string, string | null][] =>
  results.map((r) => [r.service, r.code]);

const everyService = (code: string): [string, string][] => SERVICE_KINDS.map((service) => [service, code]);

async function closedPort(): Promise<number> {
  const server = await startSilentServer();
  await server.close();
  return server.port;
}

describe('verifyServices reports each fault with its own code', () => {
  it('CONNECTION_REFUSED when nothing listens', async () => {
    const results = await verifyServices(allAt(await closedPort()), { trust });
    expect(codes(results)).toEqual(everyService('CONNECTION_REFUSED'));
  });

  it('TIMEOUT within the bound when a server accepts and never answers', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const results = await verifyServices(allAt(silent.port), {
        trust,
        timeouts: { connectMs: 400, responseMs: 400 },
      });
      expect(codes(results)).toEqual(everyService('TIMEOUT'));
      // Ceiling: connect + 2 × response, plus scheduling slack.
      expect(Date.now() - started).toBeLessThan(2_500);
      await expect.poll(() => silent.openConnections(), { timeout: 3_000 }).toBe(0);
    } finally {
      await silent.close();
    }
  });

  it('TLS_UNTRUSTED when the server’s CA is not trusted (rig servers, public roots only)', async () => {
    const results = await verifyServices(rigTargets(rig, anna));
    expect(codes(results)).toEqual(everyService('TLS_UNTRUSTED'));
  });

  it('TLS_HOSTNAME_MISMATCH for a valid certificate made out to another name', async () => {
    const server = await startTlsServer(await issueCertificate(rig.dir, { names: ['mail.elsewhere.test'] }));
    try {
      const results = await verifyServices(allAt(server.port), { trust, timeouts: { responseMs: 2_000 } });
      expect(codes(results)).toEqual(everyService('TLS_HOSTNAME_MISMATCH'));
    } finally {
      await server.close();
    }
  });

  it('TLS_EXPIRED for a certificate whose dates are past', async () => {
    const expired = await issueCertificate(rig.dir, {
      names: ['127.0.0.1'],
      validity: { start: '20240101000000Z', end: '20240201000000Z' },
    });
    const server = await startTlsServer(expired);
    try {
      const results = await verifyServices(allAt(server.port), { trust, timeouts: { responseMs: 2_000 } });
      expect(codes(results)).toEqual(everyService('TLS_EXPIRED'));
    } finally {
      await server.close();
    }
  });
});

describe('STARTTLS is mandatory: no password over plaintext', () => {
  const servers: FakeServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it('IMAP without STARTTLS → TLS_REQUIRED_NOT_OFFERED, and the password never reached the server', async () => {
    const imap = await startImapWithoutStarttls();
    servers.push(imap);
    const [result] = await verifyServices([
      { service: 'imap', endpoint: { host: '127.0.0.1', port: imap.port, security: 'starttls' }, credential },
    ]);
    expect(result?.code).toBe('TLS_REQUIRED_NOT_OFFERED');
    expect(imap.acceptedConnections()).toBe(1);
    // The greeting already says "no STARTTLS": imapflow stops there and sends nothing at all.
    const wire = imap.received().toString('latin1');
    for (const form of secretForms(anna)) expect(wire).not.toContain(form);
    expect(wire).not.toMatch(/LOGIN|AUTHENTICATE/i);
  });

  it('SMTP without STARTTLS → TLS_REQUIRED_NOT_OFFERED, and no AUTH was sent', async () => {
    const smtp = await startSmtpWithoutStarttls();
    servers.push(smtp);
    const [result] = await verifyServices([
      { service: 'smtp', endpoint: { host: '127.0.0.1', port: smtp.port, security: 'starttls' }, credential },
    ]);
    expect(result?.code).toBe('TLS_REQUIRED_NOT_OFFERED');
    const wire = smtp.received().toString('latin1');
    expect(wire).toMatch(/EHLO/);
    for (const form of secretForms(anna)) expect(wire).not.toContain(form);
    expect(wire).not.toMatch(/AUTH/i);
  });
});

describe('servers that demand an app password say so, and Ponte tells it apart from a wrong password', () => {
  it('Gmail-style IMAP [ALERT] and SMTP 534-5.7.9 → APP_PASSWORD_REQUIRED', async () => {
    const cert = await issueCertificate(rig.dir, { names: ['127.0.0.1'] });
    const imap = await startImapRefusingLogin(
      cert,
      'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
    );
    const smtp = await startSmtpRefusingAuth(
      cert,
      '534-5.7.9 Application-specific password required. Learn more at\r\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor\r\n',
    );
    try {
      const results = await verifyServices(
        [
          { service: 'imap', endpoint: { host: '127.0.0.1', port: imap.port, security: 'tls' }, credential },
          { service: 'smtp', endpoint: { host: '127.0.0.1', port: smtp.port, security: 'tls' }, credential },
        ],
        { trust },
      );
      expect(codes(results)).toEqual([
        ['imap', 'APP_PASSWORD_REQUIRED'],
        ['smtp', 'APP_PASSWORD_REQUIRED'],
      ]);
      expect(results[0]?.detail).toContain('Application-specific password required');
    } finally {
      await Promise.all([imap.close(), smtp.close()]);
    }
  });
});

describe('DAV redirects', () => {
  let https: HttpServer;
  let plain: HttpServer;
  let plainRequests = 0;
  let httpsPort = 0;
  let plainPort = 0;

  beforeAll(async () => {
    plain = createHttpServer((_req, res) => {
      plainRequests += 1;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    plainPort = (plain.address() as AddressInfo).port;
    https = createHttpsServer(
      {
        cert: await readFile(join(rig.dir, 'server.pem')),
        key: await readFile(join(rig.dir, 'server.key')),
      },
      (req, res) => {
        const target = req.url?.startsWith('/elsewhere/')
          ? `https://evil.ponte.test:${httpsPort}/dav/`
          : `http://127.0.0.1:${plainPort}/dav/`;
        res.writeHead(301, { location: target }).end();
      },
    );
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    httpsPort = (https.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => https.close(resolve));
    await new Promise((resolve) => plain.close(resolve));
  });

  it('refuses a redirect to http: (well-known discovery, principal lookup and WebDAV alike)', async () => {
    const results = await verifyServices(
      [
        { service: 'caldav', url: `https://127.0.0.1:${httpsPort}/`, credential },
        { service: 'carddav', url: `https://127.0.0.1:${httpsPort}/dav/`, credential },
        { service: 'webdav', url: `https://127.0.0.1:${httpsPort}/files/`, credential },
      ],
      { trust },
    );
    expect(codes(results)).toEqual([
      ['caldav', 'REDIRECT_REFUSED'],
      ['carddav', 'REDIRECT_REFUSED'],
      ['webdav', 'REDIRECT_REFUSED'],
    ]);
    expect(plainRequests).toBe(0);
  });

  it('refuses a redirect to a host the user did not confirm, and follows it once confirmed', async () => {
    const target: ServiceTarget = {
      service: 'caldav',
      url: `https://127.0.0.1:${httpsPort}/elsewhere/`,
      credential,
    };
    const [refused] = await verifyServices([target], { trust });
    expect(refused?.code).toBe('REDIRECT_REFUSED');
    expect(refused?.detail).toContain('evil.ponte.test');
    // A pattern without a port stands for 443: the redirect to another port is still refused.
    const [otherPort] = await verifyServices([target], { trust, confirmedHosts: ['*.ponte.test'] });
    expect(otherPort?.code).toBe('REDIRECT_REFUSED');
    // Once the host and its port are confirmed (here by pattern), the redirect is followed: the next failure
    // is that the name does not resolve, which only a followed redirect can reach.
    const [followed] = await verifyServices([target], {
      trust,
      confirmedHosts: [`*.ponte.test:${httpsPort}`],
    });
    expect(followed?.code).toBe('HOST_NOT_FOUND');
  });

  it('refuses an http:// address outright', async () => {
    const results = await verifyServices(
      [
        { service: 'caldav', url: `http://127.0.0.1:${plainPort}/`, credential },
        { service: 'webdav', url: `http://127.0.0.1:${plainPort}/`, credential },
      ],
      { trust },
    );
    expect(codes(results)).toEqual([
      ['caldav', 'INSECURE_URL'],
      ['webdav', 'INSECURE_URL'],
    ]);
    expect(plainRequests).toBe(0);
  });
});

describe('cancelling', () => {
  it('ends every check as CANCELLED at once and closes every socket', async () => {
    const silent = await startSilentServer();
    try {
      const controller = new AbortController();
      const running = verifyServices(allAt(silent.port), { trust, signal: controller.signal });
      await expect.poll(() => silent.acceptedConnections()).toBeGreaterThanOrEqual(5);
      const cancelledAt = Date.now();
      controller.abort();
      const results = await running;
      expect(Date.now() - cancelledAt).toBeLessThan(1_000);
      expect(results.map((r) => [r.service, r.status, r.code])).toEqual(
        ['imap', 'smtp', 'caldav', 'carddav', 'webdav'].map((s) => [s, 'skipped', 'CANCELLED']),
      );
      await expect.poll(() => silent.openConnections(), { timeout: 2_000 }).toBe(0);
    } finally {
      await silent.close();
    }
  });
});
