import type { TFunction } from 'i18next';
import type { AccountSummary, CredentialKind } from '@shared/models';
import type { Core } from '@core/core';
import { summarizeAll, summarizeOne } from '@core/accounts/account-summaries';
import { addVerifiedAccount } from '@core/accounts/add-account';
import { removeAccount } from '@core/accounts/remove-account';
import { isPecProvider } from '@core/providers/pec-provider';
import { planForRequest, providerRequest } from '@core/accounts/provider-request';
import { quotaPhrases } from '@shared/mailbox-quota';
import { credentialLifetime } from '@shared/discovery-settings';
import { MAIN_CREDENTIAL } from '@shared/verify';
import { EXIT_OK, printJson } from '../output';
import { type CommandOptionValues, optionText, UsageError } from '../parse-args';
import { readCredentials } from './credential-input';
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
  switch (action) {
    case 'list':
      return await listAccounts(core, context);
    case 'remove':
      if (!id) throw new UsageError(context.t('accounts.cli.missingId'));
      await removeWithTargets(core, id, options, context);
      if (context.json) printJson(context.io, { removed: id });
      else context.io.out(context.t('accounts.cli.removed', { id }));
      return EXIT_OK;
    case 'add':
      return await addAccount(core, options, context);
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

function printAccount(
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

/**
 * Same flow as the app: settings from flags (or a catalogued --provider), the password from stdin or a
 * prompt, every service checked for real, then saved; nothing is saved when a check fails.
 */
async function addAccount(core: Core, options: CommandOptionValues, context: VerifyContext): Promise<number> {
  const { t } = context;
  const text = (name: string): string | undefined => optionText(options, name);
  const email = text('email');
  if (!email) throw new UsageError(t('accounts.cli.missingEmail'));
  const providerId = text('provider');
  const filled = providerId
    ? await providerSettings(core, email, providerId, t)
    : { base: { username: email }, lifetimeDays: null, plan: null };
  const request = await buildRequest(options, t, filled.base);
  const kind = (text('kind') ?? filled.kind ?? 'app-password') as CredentialKind;
  if (!KINDS.includes(kind)) throw new UsageError(t('accounts.cli.badKind', { kinds: KINDS.join(', ') }));
  const lifetime = text('lifetime');
  const created = text('created');
  const passwordsCreatedAt = created === undefined ? undefined : parseDay(created);
  if (passwordsCreatedAt === null) throw new UsageError(t('accounts.cli.badCreated'));
  const lifetimeDays =
    lifetime === undefined ? credentialLifetime(kind, filled.lifetimeDays) : Number(lifetime);
  if (lifetimeDays !== null && (!Number.isInteger(lifetimeDays) || lifetimeDays < 1 || lifetimeDays > 3650)) {
    throw new UsageError(t('accounts.cli.badLifetime'));
  }
  const common = {
    email,
    kind,
    lifetimeDays,
    ...(passwordsCreatedAt ? { passwordsCreatedAt } : {}),
    ...(text('name') ? { displayName: text('name') } : {}),
    ...(providerId ? { providerId } : {}),
    pec: options.pec === true || (await isPecProvider(core, providerId)),
  };
  const plan = filled.plan && planForRequest(filled.plan, request);
  let saved: AccountSummary;
  if (plan && plan.extras.length > 0) {
    // Several passwords (Infomaniak): each with its own user name, checked on the services that use it.
    const [main, ...extras] = await readCredentials(
      [plan.main, ...plan.extras],
      options['password-stdin'] === true,
      context,
    );
    if (!main) throw new UsageError(t('verify.cli.missingPassword'));
    saved = await addVerifiedAccount(
      core.accounts,
      {
        ...common,
        request: {
          ...request,
          username: main.username,
          credentials: extras.map(({ id, username }) => ({ id, username })),
          use: plan.use,
        },
        credentialFacts: Object.fromEntries(
          plan.extras.map((credential) => [
            credential.id,
            {
              kind: credential.kind,
              lifetimeDays: credentialLifetime(credential.kind, filled.lifetimeDays),
            },
          ]),
        ),
      },
      main.password,
      Object.fromEntries(extras.map(({ id, password }) => [id, password])),
    );
  } else {
    saved = await addVerifiedAccount(
      core.accounts,
      { ...common, request },
      await readPassword(options, context),
    );
  }
  if (context.json) printJson(context.io, saved);
  else {
    context.io.out(t('accounts.cli.added'));
    printAccount(saved, context, context.io.out);
  }
  return EXIT_OK;
}

/** The CLI's own check first, so a wrong --provider is a usage error (exit 2) with its words. */
async function providerSettings(core: Core, email: string, providerId: string, t: TFunction) {
  const catalog = await core.catalog();
  const provider = catalog.byId(providerId);
  if (!provider) throw new UsageError(t('accounts.cli.unknownProvider', { id: providerId }));
  if (provider.unsupported) throw new UsageError(t('discovery.unsupported', { name: provider.name }));
  return providerRequest(catalog, email, providerId);
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
  await removeAccount(core.accounts, id, targets.length > 0 ? undo : undefined);
}

/** `YYYY-MM-DD` as that day's start in UTC, or null when it is not a real calendar day. */
export function parseDay(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? date.toISOString() : null;
}
