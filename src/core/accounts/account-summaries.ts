import type { AccountSummary } from '@shared/models';
import type { SettingsStore } from '../settings/settings-store';
import type { Account } from './account-schema';
import { summarizeAccount } from './account-builders';
import type { AccountStore } from './account-store';

// Accounts as the UI, the CLI and the reminders see them, with the person's own reminder thresholds deciding
// when a password counts as expiring: one place reads them, so every view agrees.

interface Sources {
  accounts: AccountStore;
  settings: SettingsStore;
}

export async function summarizeAll(sources: Sources, now = new Date()): Promise<AccountSummary[]> {
  const { reminderDays } = await sources.settings.read();
  return (await sources.accounts.list()).map((account) => summarizeAccount(account, now, reminderDays));
}

export async function summarizeOne(
  sources: Sources,
  account: Account,
  now = new Date(),
): Promise<AccountSummary> {
  const { reminderDays } = await sources.settings.read();
  return summarizeAccount(account, now, reminderDays);
}
