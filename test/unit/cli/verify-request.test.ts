import { describe, expect, it } from 'vitest';
import { verifyServices } from '@core/verify/verify-services';
import { createTranslator } from '@shared/i18n/translator';
import { buildRequest } from '../../../src/cli/commands/verify-command';
import { serviceTargetsFromRequest } from '@core/verify/request-targets';

// `ponte verify --caldav http://…` is answered by core with INSECURE_URL for that service (before any
// connection: port 1 would say CONNECTION_REFUSED), as docs/cli.md's table promises — not a usage error.

describe('ponte verify with an http address', () => {
  it('reaches core, which refuses it as INSECURE_URL without connecting', async () => {
    const t = await createTranslator('en');
    const request = await buildRequest({ user: 'anna', caldav: 'http://127.0.0.1:1/dav/' }, t);
    expect(request.caldav).toEqual({ url: 'http://127.0.0.1:1/dav/' });
    const [result] = await verifyServices(serviceTargetsFromRequest(request, 'pw'));
    expect(result).toMatchObject({ service: 'caldav', status: 'failed', code: 'INSECURE_URL' });
  });

  it('what is no web address at all is still a usage error', async () => {
    const t = await createTranslator('en');
    for (const value of ['ftp://x/', 'dav.example.com', 'http://']) {
      await expect(buildRequest({ user: 'anna', caldav: value }, t), value).rejects.toMatchObject({
        name: 'UsageError',
      });
    }
  });
});
