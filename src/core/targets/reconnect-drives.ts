import type { AccountStore } from '../accounts/account-store';
import type { SettingsStore } from '../settings/settings-store';
import { logFor } from '../log/logger';
import { gvfsDrive, gvfsMounted, mountAgain } from './mount/gvfs-drive';

// GVfs mounts end with the session: at the next login the drive Ponte connected is gone from the file
// manager (its bookmark stays). When Ponte starts — at login, with "Start at login" — it connects them again
// with the password from the keychain. Only Linux needs this: `net use /persistent:yes` comes back by itself
// on Windows, and the macOS mount is not carried out by Ponte yet.

const log = logFor('reconnect');

export interface Reconnected {
  accountId: string;
  location: string;
  status: 'reconnected' | 'already' | 'failed';
  /** Why it failed, for the person (the server's words, never the password). */
  message?: string;
}

/**
 * Connects again every drive Ponte connected on this machine and is not connected now. Never throws for one
 * drive: each gets its own outcome, so a server that is down does not keep the others away.
 */
export async function reconnectDrives(
  store: AccountStore,
  platform: NodeJS.Platform = process.platform,
): Promise<Reconnected[]> {
  if (platform !== 'linux') return [];
  const outcomes: Reconnected[] = [];
  for (const account of await store.list()) {
    const drive = gvfsDrive(account);
    if (!drive) continue;
    const base = { accountId: account.id, location: drive.location };
    if (await gvfsMounted(drive.location)) {
      outcomes.push({ ...base, status: 'already' });
      continue;
    }
    try {
      await mountAgain(drive.location, await store.secret(account, drive.credential));
      outcomes.push({ ...base, status: 'reconnected' });
    } catch (error) {
      // At start-up nobody reads these outcomes: the log is where a drive that stayed away is explained.
      log.warn(`reconnecting the drive of account ${account.id} failed`, error);
      outcomes.push({
        ...base,
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return outcomes;
}

/** At start-up (the app's and the browser preview's): only when the person left the setting on. */
export async function reconnectIfWanted(
  settings: SettingsStore,
  store: AccountStore,
): Promise<Reconnected[]> {
  const { reconnectDrives: wanted } = await settings.read().catch((error: unknown) => {
    log.warn('settings unreadable; drives are not reconnected', error);
    return { reconnectDrives: false };
  });
  return wanted ? reconnectDrives(store) : [];
}
