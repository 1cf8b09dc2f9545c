import { beforeEach, describe, expect, it, vi } from 'vitest';
import de from '@shared/i18n/locales/de.json';
import en from '@shared/i18n/locales/en.json';
import it_ from '@shared/i18n/locales/it.json';
import { applyLanguage } from '../../../src/main/host-language';
import { createTray, showAttention } from '../../../src/main/tray';
import { resetElectron, state, StandInTray } from '../../support/electron-stand-in';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

// The menu and the tray speak the person's language — the saved one, else the system's — and follow a change
// at once. Labels are read from what Electron was given, so a hard-coded word cannot pass.

type Item = Electron.MenuItemConstructorOptions;
const labels = (items: readonly Item[] | undefined): string[] =>
  (items ?? []).flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...labels(Array.isArray(item.submenu) ? item.submenu : undefined),
  ]);

beforeEach(() => resetElectron());

describe('menu and tray language', () => {
  it('follow the saved language, then a change in Settings, together', async () => {
    createTray();
    await applyLanguage('it');
    const tray = StandInTray.all[0];
    // Ponte's own entries, all from the locale file; the standard ones (roles) carry no label of ours.
    expect(labels(state.applicationMenu?.template)).toEqual([
      it_.menu.file,
      it_.menu.show,
      it_.menu.importProfile,
      it_.menu.view,
      it_.menu.about,
    ]);
    expect(labels(tray?.menu?.template)).toEqual([it_.menu.open, it_.menu.quit]);
    await applyLanguage('de');
    expect(labels(state.applicationMenu?.template)).toContain(de.menu.importProfile);
    expect(labels(tray?.menu?.template)).toEqual([de.menu.open, de.menu.quit]);
  });

  it('"auto" takes the system’s language, English where Ponte has none', async () => {
    createTray();
    state.locale = 'de-CH';
    await applyLanguage('auto');
    expect(labels(StandInTray.all[0]?.menu?.template)).toEqual([de.menu.open, de.menu.quit]);
    state.locale = 'ja-JP';
    await applyLanguage('auto');
    expect(labels(StandInTray.all[0]?.menu?.template)).toEqual([en.menu.open, en.menu.quit]);
  });

  it('the tray lists what needs attention above its own entries', async () => {
    createTray();
    await applyLanguage('en');
    showAttention(['Aruba PEC — expires in 3 days']);
    const tray = StandInTray.all[0];
    expect(labels(tray?.menu?.template)).toEqual([
      'Aruba PEC — expires in 3 days',
      en.menu.open,
      en.menu.quit,
    ]);
    expect(tray?.toolTip).toBe('Ponte — Aruba PEC — expires in 3 days');
  });
});
