import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApplyReport } from './apply-profile';

/**
 * One line per `ponte apply` in `<data>/logs/apply.log`, for IT to look back at what a machine got. Built from
 * the report, which holds no secret (passwords never enter it; server words are scrubbed where they are read).
 */
export async function appendApplyLog(
  dataDir: string,
  profileFile: string,
  report: ApplyReport,
): Promise<void> {
  const dir = join(dataDir, 'logs');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const entry = {
    at: new Date().toISOString(),
    profile: profileFile,
    organisation: report.organisation,
    dryRun: report.dryRun,
    changed: report.changed,
    ok: report.ok,
    settings: report.settings,
    accounts: report.accounts.map((account) => ({
      key: account.key,
      email: account.email,
      accountId: account.accountId,
      status: account.status,
      ...(account.error ? { error: account.error.code } : {}),
      targets: account.targets.map((target) => ({
        target: target.target,
        status: target.status,
        ...(target.error ? { error: target.error.code } : {}),
      })),
    })),
  };
  await appendFile(join(dir, 'apply.log'), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}
