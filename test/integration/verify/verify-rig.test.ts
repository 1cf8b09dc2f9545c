import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createClient } from 'webdav';
import { verifyServices } from '../../../src/core/verify/verify-services';
import type { ServiceResult } from '../../../src/shared/verify';
import { rigHttpsAgent } from '../../rig/rig-tls';
import { selfSignedCertificate } from '../../support/test-certificates';
import { rigTargets, rigUser } from './rig-targets';

const rig = inject('rig');
const anna = rigUser(rig, 0);
const marco = rigUser(rig, 1);
const trust = { caPem: rig.caPem };

function resultFor<K extends ServiceResult['service']>(results: ServiceResult[], service: K) {
  const found = results.find((r) => r.service === service);
  if (!found) throw new Error(`no ${service} result`);
  return found as Extract<ServiceResult, { service: K }>;
}

describe('verifyServices against the rig', () => {
  it('verifies all five services and reports what the user has', async () => {
    const results = await verifyServices(rigTargets(rig, anna), { trust });
    expect(results.map((r) => [r.service, r.status, r.code])).toEqual([
      ['imap', 'ok', null],
      ['smtp', 'ok', null],
      ['caldav', 'ok', null],
      ['carddav', 'ok', null],
      ['webdav', 'ok', null],
    ]);

    const imap = resultFor(results, 'imap').found;
    expect(imap?.capabilities).toContain('QUOTA');
    expect(imap?.folders.filter((f) => f.specialUse).map((f) => [f.path, f.specialUse])).toEqual(
      expect.arrayContaining([
        ['Sent', 'sent'],
        ['Drafts', 'drafts'],
        ['Trash', 'trash'],
        ['Junk', 'junk'],
      ]),
    );
    expect(imap?.quota?.limitBytes).toBe(100 * 1024 * 1024);

    const calendars = resultFor(results, 'caldav').found?.calendars ?? [];
    const byName = Object.fromEntries(calendars.map((c) => [c.displayName, c]));
    expect(Object.keys(byName).sort()).toEqual(['Lavoro', 'Promemoria']);
    expect(byName.Lavoro).toMatchObject({ components: ['VEVENT'], color: '#2E7D32FF', readOnly: false });
    expect(byName.Promemoria).toMatchObject({ components: ['VTODO'], readOnly: false });
    expect(byName.Lavoro?.url).toMatch(/\/anna%40ponte\.test\/calendar\/$/);

    const books = resultFor(results, 'carddav').found?.addressBooks ?? [];
    expect(books.map((b) => b.displayName)).toEqual(['Contatti']);

    expect(resultFor(results, 'webdav').found?.url).toBe(anna.webdavUrl);
  });

  it('reports AUTH_FAILED on every service for a wrong password, and never the password itself', async () => {
    const wrong = 'wrong-password-123';
    const results = await verifyServices(rigTargets(rig, anna, wrong), { trust });
    expect(results.map((r) => [r.service, r.status, r.code])).toEqual(
      ['imap', 'smtp', 'caldav', 'carddav', 'webdav'].map((s) => [s, 'failed', 'AUTH_FAILED']),
    );
    expect(JSON.stringify(results)).not.toContain(wrong);
  });

  it('reads WebDAV quota where offered and proves write access only when asked', async () => {
    // Apache mod_dav has no live RFC 4331 quota: store it as dead properties, as the rig notes say.
    const admin = createClient(marco.webdavUrl, {
      username: marco.login,
      password: marco.password,
      httpsAgent: rigHttpsAgent(rig.caPem),
    });
    await admin.customRequest('/', {
      method: 'PROPPATCH',
      headers: { 'Content-Type': 'application/xml' },
      data:
        '<?xml version="1.0"?><d:propertyupdate xmlns:d="DAV:"><d:set><d:prop>' +
        '<d:quota-used-bytes>123456</d:quota-used-bytes><d:quota-available-bytes>987654321</d:quota-available-bytes>' +
        '</d:prop></d:set></d:propertyupdate>',
    });
    const before = await admin.getDirectoryContents('/');
    const credential = { username: marco.login, password: marco.password };

    const [readOnly, writeTest] = await verifyServices(
      [
        { service: 'webdav', url: marco.webdavUrl, credential },
        { service: 'webdav', url: marco.webdavUrl, credential, writeTest: true },
      ],
      { trust },
    );
    expect(readOnly?.found).toEqual({
      url: marco.webdavUrl,
      entryCount: before.length,
      quota: { usedBytes: 123456, availableBytes: 987654321 },
    });
    expect(writeTest?.status).toBe('ok');
    expect(writeTest?.found).toMatchObject({ writable: true });
    // The probe file is gone again.
    expect((await admin.getDirectoryContents('/')).map((e) => e.basename)).toEqual(
      before.map((e) => e.basename),
    );
  });

  it('trusts a self-signed server only through the certificate the user confirmed', async () => {
    const confirmed = await selfSignedCertificate(['nas.office.test']);
    const server = createServer({ cert: confirmed.certPem, key: confirmed.keyPem }, (_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="nas"' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const target = { service: 'webdav' as const, url, credential: { username: 'x', password: 'y-secret' } };
      const pin = { sha256: new X509Certificate(confirmed.certPem).fingerprint256, pem: confirmed.certPem };
      const other = await selfSignedCertificate(['nas.office.test']);
      const otherPin = { sha256: new X509Certificate(other.certPem).fingerprint256, pem: other.certPem };

      const [unpinned] = await verifyServices([target]);
      const [pinned] = await verifyServices([target], { trust: { pinned: [pin] } });
      const [wrongPin] = await verifyServices([target], { trust: { pinned: [otherPin] } });
      expect(unpinned?.code).toBe('TLS_UNTRUSTED');
      // What the person compares with IT's word, read without sending anything and without trusting it.
      expect(unpinned?.certificate).toMatchObject({ sha256: pin.sha256, subject: 'CN=nas.office.test' });
      expect(unpinned?.certificate?.pem).toBe(confirmed.certPem);
      // Past TLS (the name differs from 127.0.0.1, the user accepted this very certificate): the server's 401.
      expect(pinned?.code).toBe('AUTH_FAILED');
      expect(wrongPin?.code).toBe('TLS_UNTRUSTED');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
