import type { TFunction } from 'i18next';
import type { AccountSummary, CredentialKind } from '@shared/models';
import type { Core } from '@core/core';
import { summarizeAccount } from '@core/accounts/account-builders';
import { addVerifiedAccount } from '@core/accounts/add-account';
import { discover } from '@core/discovery/discover';
import { bestSettings } from '@shared/discovery-settings';
import type { VerifyRequest } from '@shared/verify';
import { PonteError } from '@core/errors/ponte-error';
import { EXIT_FAILED, EXIT_OK, printJson } from '../output';
import { type CommandOptionValues, UsageError } from '../parse-args';
import { buildRequest, readPassword, type VerifyContext } from './verify-command';

const KINDS: CredentialKind[] = ['app-password', 'mailbox-password', 'account-password'];

/** `ponte account add|list|remove`. */
export async function accountCommand(
  core: Core,
  rest: string[],
  options: CommandOptionValues,
  context: VerifyContext,
): Promise<number> {
  const [action, id] = rest;
  try {
    switch (action) {
      case 'list':
        return await listAccounts(core, context);
      case 'remove':
        if (!id) throw new UsageError(context.t('accounts.cli.missingId'));
        await core.accounts.remove(id);
        if (context.json) printJson(context.io, { removed: id });
        else context.io.out(context.t('accounts.cli.removed', { id }));
        return EXIT_OK;
      case 'add':
        return await addAccount(core, options, context);
      default:
        throw new UsageError(context.t('accounts.cli.usage'));
    }
  } catch (error) {
    if (!(error instanceof PonteError)) throw error;
    const { io, t } = context;
    if (context.json) printJson(io, { ok: false, error: error.toWire() });
    else io.err(`${t(`errors.${error.code}.title`, { defaultValue: error.message })}\n${error.message}`);
    return EXIT_FAILED;
  }
}

async function listAccounts(core: Core, { io, t, json }: VerifyContext): Promise<number> {
  const accounts = (await core.accounts.list()).map(summarizeAccount);
  if (json) {
    printJson(io, accounts);
    return EXIT_OK;
  }
  if (accounts.length === 0) io.out(t('home.emptyTitle'));
  for (const account of accounts) printAccount(account, t, io.out);
  return EXIT_OK;
}

function printAccount(account: AccountSummary, t: TFunction, out: (text: string) => void): void {
  out(`${account.displayName} <${account.email}>  ${account.id}`);
  out(`  ${account.services.map((service) => t(`verify.services.${service}`)).join(', ')}`);
  for (const credential of account.credentials) {
    out(
      `  ${t(`accounts.kind.${credential.kind}`)} · ${credential.username} · ${t('accounts.createdAt', {
        date: credential.createdAt.slice(0, 10),
      })}${credential.expiresAt ? ` · ${t('accounts.expiresAt', { date: credential.expiresAt.slice(0, 10) })}` : ''}`,
    );
  }
}

/**
 * Same flow as the app: settings from flags (or a catalogued --provider), the password from stdin or a
 * prompt, every service checked for real, then saved; nothing is saved when a check fails.
 */
async function addAccount(core: Core, options: CommandOptionValues, context: VerifyContext): Promise<number> {
  const { t } = context;
  const text = (name: string): string | undefined =>
    typeof options[name] === 'string' ? (options[name] as string) : undefined;
  const email = text('email');
  if (!email) throw new UsageError(t('accounts.cli.missingEmail'));
  const providerId = text('provider');
  const filled = providerId
    ? await providerSettings(core, email, providerId, t)
    : { base: { username: email }, lifetimeDays: null };
  const request = await buildRequest(options, t, filled.base);
  const kind = (text('kind') ?? filled.kind ?? 'app-password') as CredentialKind;
  if (!KINDS.includes(kind)) throw new UsageError(t('accounts.cli.badKind', { kinds: KINDS.join(', ') }));
  const lifetime = text('lifetime-days');
  const lifetimeDays = lifetime === undefined ? filled.lifetimeDays : Number(lifetime);
  if (lifetimeDays !== null && (!Number.isInteger(lifetimeDays) || lifetimeDays < 1 || lifetimeDays > 3650)) {
    throw new UsageError(t('accounts.cli.badLifetime'));
  }
  const password = await readPassword(options, context);
  const saved = await addVerifiedAccount(
    core.accounts,
    {
      email,
      request,
      kind,
      lifetimeDays,
      ...(text('name') ? { displayName: text('name') } : {}),
      ...(providerId ? { providerId } : {}),
    },
    password,
  );
  if (context.json) printJson(context.io, saved);
  else {
    context.io.out(t('accounts.cli.added'));
    printAccount(saved, t, context.io.out);
  }
  return EXIT_OK;
}

/** A catalogued provider's best settings for the address, for providers that use a single credential. */
async function providerSettings(
  core: Core,
  email: string,
  providerId: string,
  t: TFunction,
): Promise<{ base: Partial<VerifyRequest>; kind?: CredentialKind; lifetimeDays: number | null }> {
  const catalog = await core.catalog();
  const provider = catalog.byId(providerId);
  if (!provider) throw new UsageError(t('accounts.cli.unknownProvider', { id: providerId }));
  if (provider.unsupported) throw new UsageError(t('discovery.unsupported', { name: provider.name }));
  if (provider.credentials.length !== 1)
    throw new UsageError(t('accounts.cli.severalCredentials', { name: provider.name }));
  const best = bestSettings(await discover(email, { catalog, providerId }));
  const base: Partial<VerifyRequest> = {
    username: best.username,
    ...(best.imap ? { imap: best.imap } : {}),
    ...(best.smtp ? { smtp: best.smtp } : {}),
    ...(best.urls.caldav ? { caldav: { url: best.urls.caldav } } : {}),
    ...(best.urls.carddav ? { carddav: { url: best.urls.carddav } } : {}),
    ...(best.urls.webdav ? { webdav: { url: best.urls.webdav } } : {}),
  };
  const credential = provider.credentials[0];
  return {
    base,
    ...(credential ? { kind: credential.kind } : {}),
    lifetimeDays: provider.appPassword?.lifetimeDays ?? null,
  };
}
