import type { AccountSelection, AccountSummary } from '@shared/models';
import type { ServiceResult } from '@shared/verify';
import { MAIN_CREDENTIAL } from '@shared/verify';
import { PonteError } from '../errors/ponte-error';
import { optionsFromRequest, serviceTargetsFromRequest } from '../verify/request-targets';
import { verifyServices } from '../verify/verify-services';
import { accountFromRequest, lastCheckFrom, type NewAccount, summarizeAccount } from './account-builders';
import type { AccountStore } from './account-store';

/**
 * Saves an account only after every one of its services accepted the password for real, so a saved account
 * is a working account. The secret goes to the keychain, the rest to accounts.json.
 */
export async function addVerifiedAccount(
  store: AccountStore,
  input: NewAccount,
  password: string,
  passwords: Record<string, string> = {},
  options: {
    now?: Date;
    /** What to select, from what the check found (a profile names calendars; the wizard asks). */
    selectionFrom?: (results: readonly ServiceResult[]) => AccountSelection;
  } = {},
): Promise<AccountSummary> {
  const now = options.now ?? new Date();
  if (input.passwordsCreatedAt !== undefined && Date.parse(input.passwordsCreatedAt) > now.getTime()) {
    throw new PonteError(
      'INVALID_INPUT',
      'The date the password was created is in the future.',
      'Give the day it was created in the provider’s page (today or earlier).',
    );
  }
  const results = await verifyServices(
    serviceTargetsFromRequest(input.request, password, passwords),
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
  const lastCheck = lastCheckFrom(results, now);
  const selection = options.selectionFrom?.(results);
  const account = {
    ...accountFromRequest(input, now),
    ...(lastCheck ? { lastCheck } : {}),
    ...(selection ? { selection } : {}),
  };
  const secrets: Record<string, string> = {};
  for (const credential of account.credentials) {
    secrets[credential.id] = credential.id === MAIN_CREDENTIAL ? password : (passwords[credential.id] ?? '');
  }
  await store.add(account, secrets);
  return summarizeAccount(account, now);
}
