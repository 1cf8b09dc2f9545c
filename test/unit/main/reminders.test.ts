import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountFromRequest } from '@core/accounts/account-builders';
import { createCore } from '@core/core';
import { startReminders } from '../../../src/main/reminders';
import { createTray } from '../../../src/main/tray';
import { applyLanguage } from '../../../src/main/host-language';
import { createMainWindow } from '../../../src/main/window';
import {
  powerMonitor,
  resetElectron,
  StandInBrowserWindow,
  StandInNotification,
  StandInTray,
} from '../../support/electron-stand-in';
import { heldSecrets } from '../../support/memory-secrets';
import { useTempDir } from '../../support/use-temp-dir';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

// The reminders as the desktop shows them: an OS notification once per threshold, that opens the password's
// change form; the tray lists what needs attention; waking from sleep looks again (and says nothing twice).

const dir = useTempDir('ponte-reminders-');
beforeEach(async () => {
  resetElectron();
});
afterEach(async () => {
  StandInBrowserWindow.all.forEach((window) => window.close());
});

/** An Aruba-style 90-day password entered 85 days ago, on a server that refuses connections at once. */
const expiring = (email: string) =>
  accountFromRequest(
    {
      email,
      kind: 'app-password',
      lifetimeDays: 90,
      passwordsCreatedAt: new Date(Date.now() - 85 * 86_400_000).toISOString(),
      request: { username: email, imap: { host: '127.0.0.1', port: 1, security: 'tls' } },
    },
    new Date(),
  );

async function coreWithExpiringPassword() {
  const core = createCore({ dataDir: dir(), appRoot: join(__dirname, '../../..'), secrets: heldSecrets() });
  const account = expiring('segreteria@studio.example');
  await core.accounts.add(account, { main: 'pw' });
  return { core, account };
}

describe('reminders in the desktop', () => {
  it('notifies once, opens the change form on click, lists it in the tray, and says nothing twice on resume', async () => {
    const { core, account } = await coreWithExpiringPassword();
    createTray();
    await applyLanguage('en');
    createMainWindow();
    startReminders(core);
    await vi.waitFor(() => expect(StandInNotification.shown).toHaveLength(1), { timeout: 10_000 });
    const [notification] = StandInNotification.shown;
    expect(notification?.options.title).toMatch(/segreteria@studio\.example/);

    notification?.emit('click');
    const loaded = StandInBrowserWindow.all[0]?.webContents.loaded.at(-1) ?? '';
    expect(new URL(loaded).hash).toMatch(/^#rotate=/);
    expect(decodeURIComponent(loaded)).toContain(account.id);

    const tray = StandInTray.all[0];
    await vi.waitFor(() => expect(tray?.toolTip).toMatch(/segreteria@studio\.example/));
    expect(tray?.menu?.template[0]?.label).toMatch(/segreteria@studio\.example/);

    // Waking from sleep looks again: a password that came due meanwhile is said, the first one not again.
    await core.accounts.add(expiring('direzione@studio.example'), { main: 'pw' });
    powerMonitor.emit('resume');
    await vi.waitFor(() => expect(StandInNotification.shown).toHaveLength(2), { timeout: 10_000 });
    expect(StandInNotification.shown[1]?.options.title).toMatch(/direzione@studio\.example/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(StandInNotification.shown).toHaveLength(2);
  }, 20_000);
});
