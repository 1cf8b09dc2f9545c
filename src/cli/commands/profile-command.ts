import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { TFunction } from 'i18next';
import type { Core } from '@core/core';
import { isMailAddress } from '@shared/mail-address';
import { applyProfile, type ApplyReport } from '@core/profiles/apply-profile';
import { appendApplyLog } from '@core/profiles/apply-log';
import { exportProfile } from '@core/profiles/export-profile';
import { validateProfile, type ProfileCheck } from '@core/profiles/validate-profile';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, printJson } from '../output';
import { type CliArgs, UsageError } from '../parse-args';
import { readPasswordFromStream } from '../read-password';
import { parseApplySecrets } from './apply-secrets';
import type { VerifyContext } from './verify-command';
import type { CommandContext } from '../command-table';

async function checkFile(core: Core, file: string, t: TFunction): Promise<ProfileCheck> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(t('profile.cannotRead', { file, message: (error as Error).message }));
  }
  const catalog = await core.catalog();
  return validateProfile(text, (id) => catalog.byId(id) !== undefined);
}

/** Problems go to stderr (or --json), one per line with their JSON pointer; exit 2, as for any wrong input. */
function reportProblems(check: Extract<ProfileCheck, { ok: false }>, { io, t, json }: VerifyContext): number {
  if (json) printJson(io, { ok: false, problems: check.problems });
  else {
    io.err(t('profile.invalid'));
    for (const problem of check.problems) io.err(`  ${problem.pointer || '/'}: ${problem.message}`);
  }
  return EXIT_USAGE;
}

/** `ponte profile validate PROFILE` and `ponte profile export ACCOUNT [--organisation NAME]`. */
export async function profileCommand(
  core: Core,
  { rest, options }: CliArgs,
  context: CommandContext,
): Promise<number> {
  const { io, t, json } = context;
  const [action, target] = rest;
  if (action === 'validate' && target) {
    const check = await checkFile(core, target, t);
    if (!check.ok) return reportProblems(check, context);
    if (json) printJson(io, { ok: true, profile: check.profile });
    else
      io.out(
        t('profile.valid', {
          organisation: check.profile.organisation.name,
          count: check.profile.accounts.length,
        }),
      );
    return EXIT_OK;
  }
  if (action === 'export' && target) {
    const organisation = typeof options.organisation === 'string' ? options.organisation : undefined;
    const profile = await exportProfile(core, target, organisation);
    io.out(JSON.stringify(profile, null, 2));
    return EXIT_OK;
  }
  throw new UsageError(t('profile.usage'));
}

/**
 * `ponte apply PROFILE --email ADDRESS [--login LOGIN] --password-stdin [--dry-run]`: every account of the
 * profile discovered, checked, saved and set up here, then the settings and locks. Exit 0 when all of it
 * worked (or the dry run's plan), 1 when something failed, 2 for an invalid profile or wrong usage.
 */
export async function applyCommand(
  core: Core,
  { rest, options }: CliArgs,
  context: CommandContext,
): Promise<number> {
  const { io, t, json } = context;
  const [file] = rest;
  const email = typeof options.email === 'string' ? options.email.trim() : '';
  if (!file || !isMailAddress(email)) throw new UsageError(t('profile.applyUsage'));
  const check = await checkFile(core, file, t);
  if (!check.ok) return reportProblems(check, context);
  const dryRun = options['dry-run'] === true;
  if (!dryRun && options['password-stdin'] !== true) throw new UsageError(t('profile.needsPassword'));
  const secret = dryRun
    ? () => undefined
    : parseApplySecrets(await readPasswordFromStream(io.stdin, 64 * 1024), (line) =>
        t('accounts.cli.badCredentialLine', { line }),
      );
  const report = await applyProfile(
    core,
    check.profile,
    { email, ...(typeof options.login === 'string' ? { login: options.login } : {}), secret, dryRun },
    { env: io.env, home: io.env.HOME ?? homedir() },
  );
  await appendApplyLog(core.dataDir, file, report);
  if (json) printJson(io, report);
  else for (const text of describeApply(report, t)) io.out(text);
  return report.ok ? EXIT_OK : EXIT_FAILED;
}

function describeApply(report: ApplyReport, t: TFunction): string[] {
  const lines = [
    t(report.dryRun ? 'profile.plan' : report.changed ? 'profile.applied' : 'profile.nothingChanged', {
      organisation: report.organisation,
    }),
  ];
  for (const account of report.accounts) {
    lines.push(
      `  ${t(`profile.account.${account.status}`, { key: account.key, email: account.email, username: account.username })}`,
    );
    for (const [service, server] of Object.entries(account.servers))
      lines.push(`    ${t(`verify.services.${service}`)}: ${server}`);
    if (account.error)
      lines.push(
        `    ${t(`errors.${account.error.code}.title`, { defaultValue: account.error.message })} ${account.error.message}`,
      );
    for (const name of account.missing) lines.push(`    ${t('profile.missingCollection', { name })}`);
    for (const target of account.targets) {
      const where = target.location ? ` (${target.location})` : '';
      const failed = target.error
        ? `: ${t(`errors.${target.error.code}.title`, { defaultValue: target.error.message })}`
        : '';
      lines.push(
        `    ${t(`targets.names.${target.target}`)}: ${t(`profile.target.${target.status}`)}${where}${failed}`,
      );
    }
  }
  lines.push(`  ${t(`profile.settings.${report.settings}`)}`);
  return lines;
}
