import type { AccountSummary } from '@shared/models';
import { PonteError } from '../errors/ponte-error';
import { optionsFromRequest, targetsFromRequest } from '../verify/request-targets';
import { verifyServices } from '../verify/verify-services';
import { accountFromRequest, type NewAccount, summarizeAccount } from './account-builders';
import type { AccountStore } from './account-store';

/**
 * Saves an account only after every one of its services accepted the password for real, so a saved account
 * is a working account. The secret goes to the keychain, the rest to accounts.json.
 */
export async function addVerifiedAccount(
  store: AccountStore,
  input: NewAccount,
  password: string,
  now = new Date(),
): Promise<AccountSummary> {
  const results = await verifyServices(
    targetsFromRequest(input.request, password),
    optionsFromRequest(input.request),
  );
  const failed = results.filter((result) => result.status !== 'ok');
  if (failed.length > 0) {
    throw new PonteError(
      'NOT_VERIFIED',
      `Not saved: ${failed.map((result) => `${result.service} ${result.code ?? result.status}`).join(', ')}.`,
      'Check the account again and fix what failed, then save.',
    );
  }
  const account = accountFromRequest(input, now);
  await store.add(account, { main: password });
  return summarizeAccount(account);
}
