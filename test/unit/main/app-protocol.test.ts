import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerAppProtocol, registerAppScheme } from '../../../src/main/app-protocol';
import { resetElectron, state } from '../../support/electron-stand-in';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

// app://ponte serves the built UI with its security headers, and nothing outside it.

beforeEach(() => {
  resetElectron();
  registerAppScheme();
  registerAppProtocol();
});

const fetchApp = (url: string): Promise<Response> => {
  const handler = state.protocols.get('app');
  if (!handler) throw new Error('app: is not handled');
  return Promise.resolve(handler(new Request(url)));
};

describe('the app:// protocol', () => {
  it('is a standard, secure scheme, registered before ready', () => {
    expect(state.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the UI with its Content-Security-Policy', async () => {
    const page = await fetchApp('app://ponte/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'|script-src 'self'/);
    expect(await page.text()).toMatch(/<html/i);
  });

  it.each(['app://other/index.html', 'app://ponte/../../../etc/passwd', 'app://ponte/%2e%2e/package.json'])(
    'answers 404 for %s',
    async (url) => {
      expect((await fetchApp(url)).status).toBe(404);
    },
  );
});
