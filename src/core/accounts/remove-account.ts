import { PonteError } from '../errors/ponte-error';
import { unconfigureTarget } from '../targets/configure-target';
import type { AccountStore } from './account-store';

/**
 * Removes an account, its keychain entries and, when asked, what it set up on this machine. When it set
 * something up and the caller did not say what to do with it, nothing is removed: the person is asked.
 */
export async function removeAccount(store: AccountStore, id: string, undoTargets?: boolean): Promise<void> {
  const account = await store.get(id);
  const targets = account.targets ?? [];
  if (targets.length > 0 && undoTargets === undefined) {
    throw new PonteError(
      'TARGETS_CONFIGURED',
      `${account.email} is set up on this computer (${targets.map((t) => t.location).join(', ')}).`,
      'Say whether to take that back too, or to leave it as it is.',
    );
  }
  // Taken back first: if that fails, the account (and the record of what to undo) is still there.
  if (undoTargets) for (const { target } of targets) await unconfigureTarget({ store }, id, target);
  await store.remove(id);
}
