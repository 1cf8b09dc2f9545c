import { execFile } from 'node:child_process';
import type { PlanStep } from '@shared/targets';
import type { Account } from '../../accounts/account-schema';
import { logFor } from '../../log/logger';
import { runPlanSteps } from '../run-plan';

// GVfs, the one mount Ponte carries out itself (Linux): the commands the plan records, and mounting a drive
// Ponte set up again — after a logout (reconnect) or with a new password (rotation).

const log = logFor('mount');

/** `gio mount` reads the password from stdin; the user name is in the URI, which is not secret. */
export const gvfsMount = (location: string): PlanStep => ({
  kind: 'run',
  command: ['gio', 'mount', location],
  stdin: 'password',
});

export const gvfsUnmount = (location: string): PlanStep => ({
  kind: 'run',
  command: ['gio', 'mount', '--unmount', location],
  stdin: 'nothing',
});

/** The GVfs drive Ponte mounted for this account, with the credential it mounts with; null when none. */
export function gvfsDrive(account: Account): { location: string; credential: string } | null {
  const drive = account.targets?.find((target) => target.target === 'mount');
  const credential = account.services.webdav?.credential;
  if (!drive || !credential || !drive.location.startsWith('davs://')) return null;
  return { location: drive.location, credential };
}

/** Whether GVfs has this location mounted now (`gio info` only answers for a mounted one). */
export function gvfsMounted(location: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('gio', ['info', '--attributes=standard::type', location], { timeout: 15_000 }, (error) =>
      resolve(error === null),
    );
  });
}

/**
 * Mounts the drive again with `password`. With `replacing`, a mount still running on the old password is
 * taken away first (not mounted — after a logout — is fine).
 */
export async function mountAgain(
  location: string,
  password: string,
  { replacing = false } = {},
): Promise<void> {
  if (replacing) {
    // Not mounted (after a logout) is the usual reason, and the mount below says whether it matters.
    await runPlanSteps([gvfsUnmount(location)]).catch((error: unknown) =>
      log.debug('unmounting before mounting again failed', error),
    );
  }
  await runPlanSteps([gvfsMount(location)], { password, commandTimeoutMs: 60_000 });
}
