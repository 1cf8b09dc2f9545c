import type { ServiceResult, VerifyCode } from '@shared/verify';
import { accountServiceTargets, lastCheckFrom, summarizeAccount } from './account-builders';
import type { AccountStore } from './account-store';
import { PonteError } from '../errors/ponte-error';
import { verifyServices } from '../verify/verify-services';

// A real login on every service of every saved account, with the passwords from the keychain, to notice a
// password revoked before its time (iCloud revokes every app password when the Apple ID password changes).
// Being offline is not a failure: what no server answered is not kept (lastCheckFrom, mergeLastCheck), so an
// earlier refusal is not forgotten and no alarm is raised.

export interface AccountHealth {
  accountId: string;
  displayName: string;
  email: string;
  /** False when nothing could be reached (offline, server down): nothing was concluded or kept. */
  reached: boolean;
  results: { service: ServiceResult['service']; status: 'ok' | 'failed'; code: VerifyCode | null }[];
  /** Credentials the servers refused: they need a new password. */
  failing: string[];
  /** Why the check could not run at all (a password missing from the keychain, a locked keychain). */
  error?: { code: string; message: string };
}

export async function checkAllAccounts(store: AccountStore, now = new Date()): Promise<AccountHealth[]> {
  const report: AccountHealth[] = [];
  for (const account of await store.list()) {
    const base = { accountId: account.id, displayName: account.displayName, email: account.email };
    let results: ServiceResult[];
    try {
      const { targets, trust } = await accountServiceTargets(account, (id) => store.secret(account, id));
      results = await verifyServices(targets, { trust });
    } catch (error) {
      const wire =
        error instanceof PonteError ? error.toWire() : { code: 'INTERNAL', message: String(error) };
      report.push({ ...base, reached: false, results: [], failing: [], error: wire });
      continue;
    }
    // Null when no server could be reached: nothing is kept, nothing concluded (lastCheckFrom).
    const lastCheck = lastCheckFrom(results, now);
    if (lastCheck) await store.recordCheck(account.id, lastCheck);
    const summary = summarizeAccount(await store.get(account.id), now);
    report.push({
      ...base,
      reached: lastCheck !== null,
      results: results.map(({ service, status, code }) => ({
        service,
        status: status === 'ok' ? 'ok' : 'failed',
        code,
      })),
      failing: summary.credentials
        .filter((credential) => credential.status.state === 'failing')
        .map((c) => c.id),
    });
  }
  return report;
}
