import { execFile } from 'node:child_process';
import type { AccountStore } from '../accounts/account-store';
import { PonteError } from '../errors/ponte-error';
import type { SettingsStore } from '../settings/settings-store';
import { runPlanSteps } from './run-plan';

// GVfs mounts end with the session: at the next login the drive Ponte connected is gone from the file
// manager (its bookmark stays). When Ponte starts — at login, with "Start at login" — it connects them again
// with the password from the keychain. Only Linux needs this: `net use /persistent:yes` comes back by itself
// on Windows, and the macOS mount is not carried out by Ponte yet.

export interface Reconnected {
  accountId: string;
  location: string;
  status: 'reconnected' | 'already' | 'failed';
  /** Why it failed, for the person (the server's words, never the password). */
  message?: string;
}

/** Whether GVfs has this location mounted now (`gio info` only answers for a mounted one). */
function mounted(location: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('gio', ['info', '--attributes=standard::type', location], { timeout: 15_000 }, (error) =>
      resolve(error === null),
    );
  });
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
    const drive = account.targets?.find((target) => target.target === 'mount');
    const credential = account.services.webdav?.credential;
    if (!drive || !credential || !drive.location.startsWith('davs://')) continue;
    const base = { accountId: account.id, location: drive.location };
    if (await mounted(drive.location)) {
      outcomes.push({ ...base, status: 'already' });
      continue;
    }
    try {
      const password = await store.secret(account, credential);
      await runPlanSteps([{ kind: 'run', command: ['gio', 'mount', drive.location], stdin: 'password' }], {
        password,
        commandTimeoutMs: 60_000,
      });
      outcomes.push({ ...base, status: 'reconnected' });
    } catch (error) {
      outcomes.push({
        ...base,
        status: 'failed',
        message: error instanceof PonteError || error instanceof Error ? error.message : String(error),
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
  const { reconnectDrives: wanted } = await settings.read().catch(() => ({ reconnectDrives: false }));
  return wanted ? reconnectDrives(store) : [];
}
