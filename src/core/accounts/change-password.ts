import type { PasswordChange } from '@shared/models';
import { verifyServices } from '../verify/verify-services';
import { accountTargets, lastCheckFrom, summarizeAccount } from './account-builders';
import type { AccountStore } from './account-store';

/**
 * A new password for one credential of a saved account (the person made a new app password): every service
 * that uses it is checked with the new one first, and only if all of them accept it does it replace the
 * old one in the keychain. Otherwise nothing changes and the results say what failed.
 */
export async function changePassword(
  store: AccountStore,
  id: string,
  credentialId: string,
  password: string,
  now = new Date(),
): Promise<PasswordChange> {
  const account = await store.get(id);
  const { targets, trust } = await accountTargets(
    account,
    async (credential) => (credential === credentialId ? password : ''),
    (service) => account.services[service]?.credential === credentialId,
  );
  const results = await verifyServices(targets, { trust });
  if (results.length === 0 || results.some((result) => result.status !== 'ok')) {
    return { saved: false, results, account: summarizeAccount(account) };
  }
  const updated = await store.replaceSecret(id, credentialId, password, now);
  const lastCheck = lastCheckFrom(results, now);
  if (lastCheck) {
    // Only this credential's services were checked: keep the others' last outcome as it was.
    const others = (updated.lastCheck?.results ?? []).filter(
      (previous) => !lastCheck.results.some((fresh) => fresh.service === previous.service),
    );
    await store.recordCheck(id, { at: lastCheck.at, results: [...others, ...lastCheck.results] });
  }
  return { saved: true, results, account: summarizeAccount(await store.get(id)) };
}
