import { arch, platform, release, type, version as osVersion } from 'node:os';
import { DEFAULT_REMINDER_DAYS, type DoctorReport } from '@shared/models';
import { summarizeAccount } from '../accounts/account-builders';
import type { Core } from '../core';
import { PonteError } from '../errors/ponte-error';
import { describeError } from '../log/describe-error';
import { flushDataFolderLog } from '../log/data-folder-log';
import { logFor, scrubForSupport } from '../log/logger';
import { readLogTail } from '../log/read-log-tail';
import { writeFileAtomic } from '../storage/atomic-write';
import { type ReportAccount, reportAccount } from './report-accounts';

// `ponte doctor --report FILE`: everything support asks for first, in one JSON file a person can read before
// sending it. No secret by construction (accounts are described, not copied), and every string is scrubbed
// once more on the way out, as log lines are.

export const SUPPORT_REPORT_FORMAT = 'ponte-support-report';
const LOG_LINES = 200;
const log = logFor('doctor');

export interface SupportReport {
  format: typeof SUPPORT_REPORT_FORMAT;
  formatVersion: 1;
  createdAt: string;
  ponte: { version: string };
  /** Electron is null when the report comes from the `ponte` command (plain Node). */
  runtime: { node: string; electron: string | null };
  os: { platform: NodeJS.Platform; type: string; release: string; version: string; arch: string };
  doctor: DoctorReport;
  accounts: ReportAccount[];
  /** Why `accounts` is empty when accounts.json or settings.json could not be read. */
  accountsError?: string;
  /** The last lines of ponte.log (and ponte.1.log before it), oldest first. */
  log: string[];
}

export interface SupportReportSources {
  core: Pick<Core, 'accounts' | 'settings' | 'dataDir'>;
  doctor: DoctorReport;
  version: string;
  now?: Date;
}

export async function buildSupportReport(sources: SupportReportSources): Promise<SupportReport> {
  const now = sources.now ?? new Date();
  // The lines this very command logged belong in the report too.
  await flushDataFolderLog();
  const [accounts, log] = await Promise.all([
    reportAccounts(sources.core, now),
    readLogTail(sources.core.dataDir, LOG_LINES),
  ]);
  return scrubStrings({
    format: SUPPORT_REPORT_FORMAT,
    formatVersion: 1,
    createdAt: now.toISOString(),
    ponte: { version: sources.version },
    runtime: { node: process.versions.node, electron: process.versions.electron ?? null },
    os: { platform: platform(), type: type(), release: release(), version: osVersion(), arch: arch() },
    doctor: sources.doctor,
    ...accounts,
    log,
  });
}

/** Written whole or not at all, readable by its owner only. */
export async function writeSupportReport(file: string, report: SupportReport): Promise<void> {
  try {
    await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new PonteError(
      'STORAGE_NOT_WRITABLE',
      `Cannot write the support report to ${file} (${code}).`,
      'Choose a file in a folder you can write to, on a disk that is not full.',
      { cause: error },
    );
  }
}

async function reportAccounts(
  core: SupportReportSources['core'],
  now: Date,
): Promise<Pick<SupportReport, 'accounts' | 'accountsError'>> {
  try {
    const { reminderDays } = await core.settings.read().catch((error: unknown) => {
      log.warn('settings unreadable; the report counts expiry with the default reminder days', error);
      return { reminderDays: DEFAULT_REMINDER_DAYS };
    });
    const accounts = await core.accounts.list();
    return {
      accounts: accounts.map((account) =>
        reportAccount(account, summarizeAccount(account, now, reminderDays)),
      ),
    };
  } catch (error) {
    // A damaged accounts file is when a report is needed most: it says so instead of failing.
    return { accounts: [], accountsError: describeError(error) };
  }
}

function scrubStrings<T>(value: T): T {
  if (typeof value === 'string') return scrubForSupport(value) as T;
  if (Array.isArray(value)) return value.map(scrubStrings) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubStrings(item)])) as T;
  }
  return value;
}
