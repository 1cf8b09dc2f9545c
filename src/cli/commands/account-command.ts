import type { AccountSummary } from '@shared/models';
import type { Core } from '@core/core';
import { summarizeAll, summarizeOne } from '@core/accounts/account-summaries';
import { quotaPhrases } from '@shared/mailbox-quota';
import { MAIN_CREDENTIAL } from '@shared/verify';
import { EXIT_OK, printJson } from '../output';
import { type CliArgs, type CommandOptionValues, UsageError } from '../parse-args';
import type { VerifyContext } from './verify-command';
import type { CommandContext } from '../command-table';

/** `ponte account add|list|remove`. */
export async function accountCommand(
  core: Core,
  { rest, options }: CliArgs,
  context: CommandContext,
): Promise<number> {
  const [action, id] = rest;
  switch (action) {
    case 'list':
      return await listAccounts(core, context);
    case 'remove':
      if (!id) throw new UsageError(context.t('accounts.cli.missingId'));
      await removeWithTargets(core, id, options, context);
      if (context.json) printJson(context.io, { removed: id });
      else context.io.out(context.t('accounts.cli.removed', { id }));
      return EXIT_OK;
    case 'add': {
      // Loaded only here: adding checks every service for real, listing and removing need none of that.
      const { addAccount } = await import('./account-add');
      return await addAccount(core, options, context);
    }
    case 'extend': {
      // The provider extended the password (Aruba PEC): its lifetime counts again from today.
      if (!id) throw new UsageError(context.t('accounts.cli.missingId'));
      const credentialId = typeof options.credential === 'string' ? options.credential : MAIN_CREDENTIAL;
      const summary = await summarizeOne(
        core,
        await core.accounts.extendCredential(id, credentialId, new Date()),
      );
      if (context.json) printJson(context.io, summary);
      else {
        const expires = summary.credentials.find((credential) => credential.id === credentialId)?.expiresAt;
        context.io.out(context.t('accounts.cli.extended', { date: expires?.slice(0, 10) ?? '' }));
      }
      return EXIT_OK;
    }
    default:
      throw new UsageError(context.t('accounts.cli.usage'));
  }
}

async function listAccounts(core: Core, { io, t, json, language }: VerifyContext): Promise<number> {
  const accounts = await summarizeAll(core);
  if (json) {
    printJson(io, accounts);
    return EXIT_OK;
  }
  if (accounts.length === 0) io.out(t('home.emptyTitle'));
  for (const account of accounts) printAccount(account, { t, language }, io.out);
  return EXIT_OK;
}

export function printAccount(
  account: AccountSummary,
  { t, language }: Pick<VerifyContext, 't' | 'language'>,
  out: (text: string) => void,
): void {
  out(`${account.displayName} <${account.email}>  ${account.id}`);
  out(`  ${account.services.map((service) => t(`verify.services.${service}`)).join(', ')}`);
  for (const credential of account.credentials) {
    out(
      `  ${t(`accounts.kind.${credential.kind}`)} · ${credential.username} · ${t('accounts.createdAt', {
        date: credential.createdAt.slice(0, 10),
      })}${credential.expiresAt ? ` · ${t('accounts.expiresAt', { date: credential.expiresAt.slice(0, 10) })}` : ''}`,
    );
  }
  const quota = account.lastCheck?.quota;
  if (quota)
    for (const phrase of quotaPhrases(quota, language)) out(`  ${t(phrase.key, phrase.params ?? {})}`);
}

/** `account remove`: an account that set something up here needs --undo-targets or --keep-targets. */
async function removeWithTargets(
  core: Core,
  id: string,
  options: CommandOptionValues,
  { t }: VerifyContext,
): Promise<void> {
  const undo = options['undo-targets'] === true;
  const keep = options['keep-targets'] === true;
  const account = await core.accounts.get(id);
  const targets = account.targets ?? [];
  if (targets.length > 0 && undo === keep) {
    throw new UsageError(
      t('accounts.cli.targetsConfigured', {
        email: account.email,
        locations: targets.map((target) => target.location).join(', '),
      }),
    );
  }
  const { removeAccount } = await import('@core/accounts/remove-account');
  await removeAccount(core.accounts, id, targets.length > 0 ? undo : undefined);
}
