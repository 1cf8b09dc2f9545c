import type { TFunction } from 'i18next';
import type { Core } from '@core/core';
import { summarizeAll } from '@core/accounts/account-summaries';
import type { CredentialState } from '@shared/credential-state';
import { EXIT_FAILED, EXIT_OK, printJson } from '../output';
import type { CliArgs } from '../parse-args';
import type { CommandContext } from '../command-table';

interface ExpiryRow {
  accountId: string;
  displayName: string;
  email: string;
  credentialId: string;
  username: string;
  kind: string;
  createdAt: string;
  expiresAt: string | null;
  state: CredentialState;
  daysLeft: number | null;
}

/**
 * `ponte expiry`: every saved password with where it stands. Exit 1 when one has expired or was refused at the
 * last check, so IT can run it from a scheduler and act on the exit code alone.
 */
export async function expiryCommand(
  core: Core,
  _args: CliArgs,
  { io, t, json }: CommandContext,
): Promise<number> {
  const rows: ExpiryRow[] = (await summarizeAll(core, new Date())).flatMap((account) =>
    account.credentials.map((credential) => ({
      accountId: account.id,
      displayName: account.displayName,
      email: account.email,
      credentialId: credential.id,
      username: credential.username,
      kind: credential.kind,
      createdAt: credential.createdAt,
      expiresAt: credential.expiresAt,
      state: credential.status.state,
      daysLeft: credential.status.daysLeft,
    })),
  );
  if (json) printJson(io, rows);
  else if (rows.length === 0) io.out(t('home.emptyTitle'));
  else
    for (const row of rows)
      io.out(`${row.displayName} <${row.email}> · ${row.username}: ${stateText(row, t)}`);
  return rows.some((row) => row.state === 'expired' || row.state === 'failing') ? EXIT_FAILED : EXIT_OK;
}

function stateText(row: ExpiryRow, t: TFunction): string {
  const date = row.expiresAt?.slice(0, 10) ?? '';
  return t(`accounts.state.${row.state}`, { count: row.daysLeft ?? 0, date });
}
