import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenSessions, hardenWebContents } from '../../../src/main/security';
import { resetElectron, session, StandInWebContents, state } from '../../support/electron-stand-in';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

// Every web contents stays on Ponte's UI, and the session grants a page nothing.

beforeEach(() => resetElectron());

describe('hardenWebContents', () => {
  const hardened = (): StandInWebContents => {
    const contents = new StandInWebContents();
    hardenWebContents(contents as unknown as Electron.WebContents);
    return contents;
  };

  it('keeps navigation and redirects on Ponte’s own UI', () => {
    const contents = hardened();
    expect(contents.dispatch('will-navigate', 'app://ponte/index.html#rotate=x')).toBe(false);
    for (const elsewhere of ['https://evil.example/', 'file:///etc/passwd', 'app://other/', 'not a url']) {
      expect(contents.dispatch('will-navigate', elsewhere), elsewhere).toBe(true);
      expect(contents.dispatch('will-redirect', elsewhere), elsewhere).toBe(true);
    }
    expect(contents.dispatch('will-attach-webview')).toBe(true);
  });

  it('opens no window: an allow-listed page goes to the browser, anything else nowhere', () => {
    const contents = hardened();
    const open = (url: string) => contents.windowOpenHandler?.({ url } as Electron.HandlerDetails);
    expect(open('https://evil.example/phish')).toEqual({ action: 'deny' });
    expect(state.opened).toEqual([]);
    expect(open('https://www.electronjs.org/docs')).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://www.electronjs.org/docs']);
  });
});

describe('hardenSessions', () => {
  it('grants no permission, answers every check with no, and downloads nothing', () => {
    hardenSessions();
    const answers: boolean[] = [];
    state.permissionRequest?.(
      {} as Electron.WebContents,
      'media',
      (granted) => answers.push(granted),
      {} as Electron.PermissionRequest,
    );
    expect(answers).toEqual([false]);
    expect(
      state.permissionCheck?.(
        null,
        'notifications',
        'app://ponte',
        {} as Electron.PermissionCheckHandlerHandlerDetails,
      ),
    ).toBe(false);
    let prevented = false;
    session.defaultSession.emit('will-download', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});
