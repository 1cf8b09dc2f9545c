import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyServices } from '@core/verify/verify-services';
import type { FakeServer } from '../../support/fake-servers';
import { startLocationDav } from '../../support/hostile-servers';
import { type IssuedCertificate, issueCertificate } from '../../support/test-certificates';

// A WebDAV share inside a server location (nginx's `location /dav/ {}`): the folder is checked at the
// address as typed, trailing slash kept — the webdav client's own listing asked for `/dav` instead, which
// such a server does not serve (NOT_A_DAV_SERVER), and took a non-WebDAV `/dav/plain/` for its parent's share.

const rig = inject('rig');
const trust = { caPem: rig.caPem };
const credential = { username: 'anna', password: 'pw' };
let cert: IssuedCertificate;
let server: FakeServer;

beforeAll(async () => {
  cert = await issueCertificate(rig.dir, { names: ['127.0.0.1'] });
  server = await startLocationDav(cert);
});
afterAll(() => server.close());

const check = (path: string) =>
  verifyServices([{ service: 'webdav', url: `https://127.0.0.1:${server.port}${path}`, credential }], {
    trust,
  });

describe('a WebDAV share inside a location block', () => {
  it('is listed at /dav/, with its two entries and its quota', async () => {
    const [result] = await check('/dav/');
    expect(result).toMatchObject({
      status: 'ok',
      found: { entryCount: 2, quota: { usedBytes: 1024, availableBytes: 4096 } },
    });
  });

  it('typed without its slash, the folder is still asked for as /dav/', async () => {
    expect((await check('/dav'))[0]).toMatchObject({ status: 'ok', found: { entryCount: 2 } });
  });

  it('a location without WebDAV under the share is not taken for it', async () => {
    expect((await check('/dav/plain/'))[0]).toMatchObject({ status: 'failed', code: 'NOT_A_DAV_SERVER' });
  });
});
