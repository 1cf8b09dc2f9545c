import { quotaPercent, quotaThreshold, type QuotaThreshold } from '@shared/mailbox-quota';
import type { AccountSummary } from '@shared/models';

// Which reminders are due, as a pure function of the accounts (with their state) and what was already said.
// Each threshold of each password is said once: the log keeps a marker per password — keyed by its dates, so a
// new or extended password starts afresh — and a password found at the 3-day mark without having been
// reminded at 7 (the computer was off) gets one reminder, not two. A filling mailbox is said the same way at
// 80, 90 and 95 %, and starts afresh once it is below 80 % again (archived).

export type Reminder = PasswordReminder | QuotaReminder;

export interface PasswordReminder {
  kind: 'password';
  /** The password's entry in the log. */
  key: string;
  accountId: string;
  credentialId: string;
  displayName: string;
  username: string;
  state: 'expiring' | 'expired' | 'failing';
  daysLeft: number | null;
  expiresAt: string | null;
}

export interface QuotaReminder {
  kind: 'quota';
  /** The mailbox's entry in the log. */
  key: string;
  accountId: string;
  displayName: string;
  email: string;
  percent: number;
  threshold: QuotaThreshold;
}

/** Markers already notified, per password (`account:credential:created:extended`). */
export type ReminderLog = Record<string, string[]>;

const thresholdMarker = (days: number): string => `before-${days}`;

const logKey = (accountId: string, credential: AccountSummary['credentials'][number]): string =>
  [accountId, credential.id, credential.createdAt, credential.extendedAt ?? ''].join(':');

type Credential = AccountSummary['credentials'][number];

/** The password as a reminder, when its state calls for one. */
function reminderOf(account: AccountSummary, credential: Credential): PasswordReminder | null {
  const { state, daysLeft } = credential.status;
  if (state !== 'expiring' && state !== 'expired' && state !== 'failing') return null;
  return {
    kind: 'password',
    key: logKey(account.id, credential),
    accountId: account.id,
    credentialId: credential.id,
    displayName: account.displayName,
    username: credential.username,
    state,
    daysLeft,
    expiresAt: credential.expiresAt,
  };
}

/** The marker a reminder for this state would leave, or null when an equal or later one was already said. */
function markerFor(status: Credential['status'], said: ReadonlySet<string>): string | null {
  if (status.state === 'failing') return 'failing';
  if (status.state === 'expired') return 'expired';
  if (status.state !== 'expiring' || status.threshold === null) return null;
  const threshold = status.threshold;
  const later = [...said].some(
    (entry) => entry === 'expired' || (entry.startsWith('before-') && Number(entry.slice(7)) <= threshold),
  );
  return later ? null : thresholdMarker(threshold);
}

const quotaKey = (accountId: string): string => `quota:${accountId}`;

/** The mailbox as a reminder, once it is 80 % full or more. */
function quotaReminderOf(account: AccountSummary): QuotaReminder | null {
  const percent = quotaPercent(account.lastCheck?.quota);
  const threshold = quotaThreshold(percent);
  if (percent === null || threshold === null) return null;
  const { id: accountId, displayName, email } = account;
  return { kind: 'quota', key: quotaKey(accountId), accountId, displayName, email, percent, threshold };
}

export function dueReminders(
  accounts: readonly AccountSummary[],
  log: ReminderLog,
): { due: Reminder[]; log: ReminderLog } {
  const next: ReminderLog = {};
  const due: Reminder[] = [];
  for (const account of accounts) {
    for (const credential of account.credentials) {
      const key = logKey(account.id, credential);
      const said = new Set(log[key] ?? []);
      // A refusal is said again if it comes back after the password worked once more.
      if (credential.status.state !== 'failing') said.delete('failing');
      const marker = markerFor(credential.status, said);
      const reminder = reminderOf(account, credential);
      if (marker && reminder && !said.has(marker)) {
        said.add(marker);
        due.push(reminder);
      }
      if (said.size > 0) next[key] = [...said].sort();
    }
    const quota = quotaReminderOf(account);
    // Below 80 % nothing is kept, so a box that fills again after an archive is said again.
    if (!quota) continue;
    const said = new Set(log[quota.key] ?? []);
    const reached = [...said].some((entry) => Number(entry.slice('full-'.length)) >= quota.threshold);
    if (!reached) {
      said.add(`full-${quota.threshold}`);
      due.push(quota);
    }
    next[quota.key] = [...said].sort();
  }
  return { due, log: next };
}

/** Every password and mailbox needing attention now (for the tray's menu), reminded or not. */
export function attentionItems(accounts: readonly AccountSummary[]): Reminder[] {
  return accounts.flatMap((account) => {
    const passwords = account.credentials.flatMap((credential) => reminderOf(account, credential) ?? []);
    const quota = quotaReminderOf(account);
    return quota ? [...passwords, quota] : passwords;
  });
}
