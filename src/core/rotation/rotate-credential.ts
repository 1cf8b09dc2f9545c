import type { PasswordChange, RotationNote } from '@shared/models';
import type { Account } from '../accounts/account-schema';
import { accountServiceTargets, lastCheckFrom, summarizeAccount } from '../accounts/account-builders';
import type { AccountStore } from '../accounts/account-store';
import { logFor } from '../log/logger';
import { gvfsDrive, mountAgain } from '../targets/mount/gvfs-drive';
import { verifyServices } from '../verify/verify-services';
import { RotationJournal, type RotationEntry } from './rotation-journal';

// A new password for one credential, everywhere, in one step that a crash cannot leave half done:
//   check it on every service that uses it → journal "started" → keep it in a pending keychain entry →
//   journal "verified" → switch this machine's targets to it (re-mount the drive) → journal "targets-updated"
//   → make it the credential's password (the old one goes) → forget the journal entry.
// Until the commit the old password stays in the keychain and in use; resumeRotations() at the next start
// finishes a rotation that got past "verified" and takes back one that did not.

const log = logFor('rotation');

export interface RotationContext {
  store: AccountStore;
  dataDir: string;
}

/** The moments a test may stop the process at (kill -9), to prove each leaves a working machine. */
export type RotationPoint = 'started' | 'pending-written' | 'verified' | 'targets-updated' | 'committed';

export interface RotationOptions {
  now?: Date;
  onPoint?: (point: RotationPoint) => void;
}

export async function rotateCredential(
  context: RotationContext,
  id: string,
  credentialId: string,
  password: string,
  options: RotationOptions = {},
): Promise<PasswordChange> {
  await finishInterruptedRotations(context);
  const { store } = context;
  const now = options.now ?? new Date();
  const point = (name: RotationPoint): void => options.onPoint?.(name);
  const account = await store.get(id);
  const { targets, trust } = await accountServiceTargets(
    account,
    async (credential) => (credential === credentialId ? password : ''),
    (service) => account.services[service]?.credential === credentialId,
  );
  const results = await verifyServices(targets, { trust });
  if (results.length === 0 || results.some((result) => result.status !== 'ok')) {
    return { saved: false, results, account: summarizeAccount(account, now), notes: [] };
  }

  const journal = new RotationJournal(context.dataDir);
  const entry: RotationEntry = { accountId: id, credentialId, phase: 'started', at: now.toISOString() };
  await journal.put(entry);
  point('started');
  await store.pending.set(id, credentialId, password);
  point('pending-written');
  await journal.put({ ...entry, phase: 'verified' });
  point('verified');
  try {
    await switchTargets(account, credentialId, password);
  } catch (error) {
    await rollBack(context, account, entry);
    throw error;
  }
  await journal.put({ ...entry, phase: 'targets-updated' });
  point('targets-updated');
  await commit(context, entry, password);
  point('committed');

  const lastCheck = lastCheckFrom(results, now);
  if (lastCheck) await store.recordCheck(id, lastCheck);
  return {
    saved: true,
    results,
    account: summarizeAccount(await store.get(id), now),
    notes: notesFor(account),
  };
}

/** The drive mounted with this credential is mounted again with the new password (GVfs on Linux). */
async function switchTargets(account: Account, credentialId: string, password: string): Promise<void> {
  const drive = gvfsDrive(account);
  if (drive?.credential !== credentialId || process.platform !== 'linux') return;
  await mountAgain(drive.location, password, { replacing: true });
}

async function commit(context: RotationContext, entry: RotationEntry, password: string): Promise<void> {
  await context.store.replaceSecret(entry.accountId, entry.credentialId, password, new Date(entry.at));
  await context.store.pending.delete(entry.accountId, entry.credentialId);
  await new RotationJournal(context.dataDir).drop(entry);
}

/** Back to the old password everywhere: the drive re-mounted with it, the pending entry and journal gone. */
async function rollBack(
  context: RotationContext,
  account: Account | null,
  entry: RotationEntry,
): Promise<void> {
  if (account && entry.phase !== 'started') {
    const old = await context.store.secret(account, entry.credentialId).catch((error: unknown) => {
      log.error(`taking back a password change of ${account.id}: the old password is unreadable`, error);
      return null;
    });
    if (old !== null) {
      await switchTargets(account, entry.credentialId, old).catch((error: unknown) =>
        log.error(`taking back a password change of ${account.id}: mounting the drive again failed`, error),
      );
    }
  }
  await context.store.pending.delete(entry.accountId, entry.credentialId);
  await new RotationJournal(context.dataDir).drop(entry);
}

export interface Resumed {
  accountId: string;
  credentialId: string;
  outcome: 'completed' | 'rolled-back';
}

/** What resumeRotations (resume-rotations.ts) runs once the journal holds a rotation a crash interrupted. */
export async function finishInterruptedRotations(context: RotationContext): Promise<Resumed[]> {
  const journal = new RotationJournal(context.dataDir);
  const done: Resumed[] = [];
  for (const entry of await journal.list()) {
    const { accountId, credentialId } = entry;
    const account = await context.store.get(accountId).catch((error: unknown) => {
      log.warn(
        `an interrupted password change of ${accountId} is taken back: the account is unreadable`,
        error,
      );
      return null;
    });
    const pending = await context.store.pending.get(accountId, credentialId);
    if (entry.phase === 'targets-updated' && pending === null) {
      // Committed already (the pending entry is deleted after the new password took its place): only the
      // journal was left.
      await journal.drop(entry);
      done.push({ accountId, credentialId, outcome: 'completed' });
      continue;
    }
    if (!account || pending === null || entry.phase === 'started') {
      // Nothing new to finish with (or it never got past the start): the old password is still in place.
      await rollBack(context, entry.phase === 'started' ? null : account, entry);
      done.push({ accountId, credentialId, outcome: 'rolled-back' });
      continue;
    }
    try {
      if (entry.phase === 'verified') {
        await switchTargets(account, credentialId, pending);
        await journal.put({ ...entry, phase: 'targets-updated' });
      }
      await commit(context, entry, pending);
      done.push({ accountId, credentialId, outcome: 'completed' });
    } catch (error) {
      log.warn(`finishing an interrupted password change of ${accountId} failed; taking it back`, error);
      await rollBack(context, account, entry);
      done.push({ accountId, credentialId, outcome: 'rolled-back' });
    }
  }
  return done;
}

function notesFor(account: Account): RotationNote[] {
  const notes: RotationNote[] = [];
  for (const target of account.targets ?? []) {
    if (target.target === 'thunderbird') notes.push('thunderbirdNewPassword');
    if (target.target === 'evolution') notes.push('evolutionNewPassword');
  }
  notes.push('revokeOld');
  return notes;
}
