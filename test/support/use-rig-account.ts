import { afterAll, beforeAll } from 'vitest';
import type { ServiceKind } from '@shared/verify';
import type { RigInfo, RigUser } from '../rig/rig-info';
import { addRigAccount } from './rig-accounts';
import type { Ponte } from './run-ponte';

/**
 * One rig user saved for the whole file through the file's own `ponte` (its data folder), and removed again
 * after it, keychain entries included; the returned function gives the account's id. Call it after
 * useTempDir: the account then goes before its folder does.
 */
export function useRigAccount(
  ponte: Ponte,
  rig: RigInfo,
  user: RigUser,
  services: readonly ServiceKind[],
  extra: readonly string[] = [],
): () => string {
  let id: string | undefined;
  beforeAll(async () => {
    id = (await addRigAccount(ponte, rig, user, services, extra)).id;
  }, 30_000);
  afterAll(async () => {
    if (id !== undefined) await ponte(['account', 'remove', id]);
    id = undefined;
  });
  return () => {
    if (id === undefined)
      throw new Error(`${user.email}'s account is used outside the tests it was saved for`);
    return id;
  };
}
