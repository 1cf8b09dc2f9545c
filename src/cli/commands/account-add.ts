import type { TFunction } from 'i18next';
import type { AccountSummary, CredentialKind } from '@shared/models';
import type { Core } from '@core/core';
import { addVerifiedAccount } from '@core/accounts/add-account';
import { accountFacts } from '@core/accounts/account-facts';
import { planForRequest, providerRequest } from '@core/accounts/provider-request';
import { EXIT_OK, printJson } from '../output';
import { type CommandOptionValues, optionText, UsageError } from '../parse-args';
import { printAccount } from './account-command';
import { readCredentials } from './credential-input';
import { buildRequest, readPassword, type VerifyContext } from './verify-command';

const KINDS: CredentialKind[] = ['app-password', 'mailbox-password', 'account-password'];

/**
 * Same flow as the app: settings from flags (or a catalogued --provider), the password from stdin or a
 * prompt, every service checked for real, then saved; nothing is saved when a check fails.
 */
export async function addAccount(
  core: Core,
  options: CommandOptionValues,
  context: VerifyContext,
): Promise<number> {
  const { t } = context;
  const text = (name: string): string | undefined => optionText(options, name);
  const email = text('email');
  if (!email) throw new UsageError(t('accounts.cli.missingEmail'));
  const providerId = text('provider');
  const filled = providerId
    ? await providerSettings(core, email, providerId, t)
    : { base: { username: email }, plan: null, provider: undefined };
  const request = await buildRequest(options, t, filled.base);
  const kind = text('kind') as CredentialKind | undefined;
  if (kind !== undefined && !KINDS.includes(kind))
    throw new UsageError(t('accounts.cli.badKind', { kinds: KINDS.join(', ') }));
  const lifetime = text('lifetime');
  const created = text('created');
  const passwordsCreatedAt = created === undefined ? undefined : parseDay(created);
  if (passwordsCreatedAt === null) throw new UsageError(t('accounts.cli.badCreated'));
  const twoStepText = text('two-step');
  if (twoStepText !== undefined && twoStepText !== 'on' && twoStepText !== 'off')
    throw new UsageError(t('accounts.cli.badTwoStep'));
  const lifetimeDays = lifetime === undefined ? undefined : Number(lifetime);
  if (
    lifetimeDays !== undefined &&
    (!Number.isInteger(lifetimeDays) || lifetimeDays < 1 || lifetimeDays > 3650)
  ) {
    throw new UsageError(t('accounts.cli.badLifetime'));
  }
  const plan = filled.plan && planForRequest(filled.plan, request);
  const facts = accountFacts(
    filled.provider,
    (plan?.extras ?? []).map((credential) => credential.id),
    {
      pec: options.pec === true ? true : undefined,
      twoStep: twoStepText === undefined ? undefined : twoStepText === 'on',
      kind,
      lifetimeDays,
    },
  );
  const common = {
    email,
    ...facts,
    ...(passwordsCreatedAt ? { passwordsCreatedAt } : {}),
    ...(text('name') ? { displayName: text('name') } : {}),
    ...(providerId ? { providerId } : {}),
  };
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
  return { ...(await providerRequest(catalog, email, providerId)), provider };
}

/** `YYYY-MM-DD` as that day's start in UTC, or null when it is not a real calendar day. */
export function parseDay(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? date.toISOString() : null;
}
