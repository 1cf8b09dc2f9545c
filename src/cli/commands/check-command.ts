import type { Core } from '@core/core';
import { checkAllAccounts } from '@core/accounts/health-check';
import { EXIT_FAILED, EXIT_OK, printJson } from '../output';
import type { CliArgs } from '../parse-args';
import type { CommandContext } from '../command-table';

/**
 * `ponte check`: a real login on every saved account. Exit 1 only when a server refused a password; a server
 * that cannot be reached is reported, not counted as a failure (the password may be fine).
 */
export async function checkCommand(
  core: Core,
  _args: CliArgs,
  { io, t, json }: CommandContext,
): Promise<number> {
  const report = await checkAllAccounts(core.accounts);
  if (json) printJson(io, report);
  else if (report.length === 0) io.out(t('home.emptyTitle'));
  else {
    for (const account of report) {
      const head = `${account.displayName} <${account.email}>`;
      if (account.error) io.err(`${head}: ${account.error.message}`);
      else if (!account.reached) io.out(`${head}: ${t('accounts.health.unreachable')}`);
      else if (account.failing.length > 0) io.err(`${head}: ${t('accounts.health.failing')}`);
      else io.out(`${head}: ${t('accounts.health.ok')}`);
    }
  }
  return report.some((account) => account.failing.length > 0 || account.error) ? EXIT_FAILED : EXIT_OK;
}
