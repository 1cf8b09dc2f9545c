import type { AccountSelection, Settings } from '@shared/models';
import { fillPlaceholders } from '@shared/profile';
import type { WireError } from '@shared/error-codes';
import type { TargetKind } from '@shared/targets';
import {
  MAIN_CREDENTIAL,
  SERVICE_KINDS,
  type ServiceKind,
  type ServiceResult,
  type VerifyRequest,
} from '@shared/verify';
import { normalizeReminderDays } from '@shared/settings-schema';
import { accountFacts } from '../accounts/account-facts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '../core';
import { makeDirectories } from '../storage/make-directories';
import { writeFileAtomic } from '../storage/atomic-write';
import { accountMobileconfig, mobileconfigFileName } from '../targets/mobileconfig';
import { addVerifiedAccount } from '../accounts/add-account';
import { planForRequest, providerRequest } from '../accounts/provider-request';
import { PonteError, toWireError } from '../errors/ponte-error';
import { configureTarget, type TargetContext } from '../targets/configure-target';
import { parseEndpoint } from './profile-endpoints';
import type { AccountTemplate, Profile } from './profile-schema';

export interface ApplyInput {
  email: string;
  /** For `{login}` in the profile; defaults to the address. */
  login?: string;
  /** A credential's password (and, for a provider's further credentials, its user name), from stdin. */
  secret: (accountKey: string, credentialId: string) => { password: string; username?: string } | undefined;
  dryRun: boolean;
}

export interface AppliedTarget {
  target: TargetKind | 'mobileconfig';
  status: 'configured' | 'unchanged' | 'planned' | 'failed';
  location?: string;
  error?: WireError;
}

export interface AppliedAccount {
  key: string;
  email: string;
  accountId: string | null;
  status: 'added' | 'unchanged' | 'planned' | 'failed';
  username: string;
  /** Each service's server, as set up (`host:port[/starttls]` or the address). */
  servers: Partial<Record<ServiceKind, string>>;
  targets: AppliedTarget[];
  /** Calendars or address books the profile names that the server does not have. */
  missing: string[];
  error?: WireError;
}

export interface ApplyReport {
  organisation: string;
  dryRun: boolean;
  /** Anything on this machine changed; false on a second apply of the same profile. */
  changed: boolean;
  ok: boolean;
  accounts: AppliedAccount[];
  settings: 'changed' | 'unchanged' | 'planned';
}

/** The request a template makes for this person: from the catalog, or from the profile's servers. */
async function templateRequest(
  core: Core,
  template: AccountTemplate,
  email: string,
  login: string,
): Promise<{ request: VerifyRequest; fromProvider: Awaited<ReturnType<typeof providerRequest>> | null }> {
  const fill = (text: string): string => fillPlaceholders(text, email, login);
  const fromProvider = template.provider
    ? await providerRequest(await core.catalog(), email, template.provider)
    : null;
  const servers: Partial<VerifyRequest> = fromProvider
    ? fromProvider.base
    : {
        ...(template.servers?.imap ? { imap: parseEndpoint(template.servers.imap) } : {}),
        ...(template.servers?.smtp ? { smtp: parseEndpoint(template.servers.smtp) } : {}),
        ...(template.servers?.caldav ? { caldav: { url: fill(template.servers.caldav) } } : {}),
        ...(template.servers?.carddav ? { carddav: { url: fill(template.servers.carddav) } } : {}),
        ...(template.servers?.webdav ? { webdav: { url: fill(template.servers.webdav) } } : {}),
      };
  const wanted = (service: ServiceKind): boolean => !template.services || template.services.includes(service);
  const request: VerifyRequest = { username: fill(template.username) };
  for (const service of SERVICE_KINDS) {
    const value = servers[service];
    if (value && wanted(service)) Object.assign(request, { [service]: value });
  }
  if (template.caPem) request.caPem = template.caPem;
  return { request, fromProvider };
}

const serverText = (request: VerifyRequest): Partial<Record<ServiceKind, string>> =>
  Object.fromEntries(
    SERVICE_KINDS.flatMap((service) => {
      const value = request[service];
      if (!value) return [];
      if ('url' in value) return [[service, value.url]];
      return [[service, `${value.host}:${value.port}${value.security === 'starttls' ? '/starttls' : ''}`]];
    }),
  );

/** The calendars and address books a template names ("all", or by display name) among those found. */
function selectionFrom(template: AccountTemplate, missing: string[]) {
  return (results: readonly ServiceResult[]): AccountSelection => {
    const pick = <T extends { url: string; displayName: string }>(
      found: T[],
      wanted: 'all' | string[] | undefined,
    ) => {
      if (wanted === undefined || wanted === 'all') return found.map((entry) => entry.url);
      for (const name of wanted) if (!found.some((entry) => entry.displayName === name)) missing.push(name);
      return found.filter((entry) => wanted.includes(entry.displayName)).map((entry) => entry.url);
    };
    const calendars = results.flatMap((r) => (r.service === 'caldav' ? (r.found?.calendars ?? []) : []));
    const books = results.flatMap((r) => (r.service === 'carddav' ? (r.found?.addressBooks ?? []) : []));
    return {
      calendars: pick(calendars, template.calendars),
      addressBooks: pick(books, template.addressBooks),
      mountDrive: template.targets?.includes('mount') ?? false,
      setUpMail: results.some((r) => r.service === 'imap'),
    };
  };
}

/**
 * Applies an IT profile for one person: each account template is discovered (catalog) or taken from the
 * profile, checked for real with the password from stdin and saved, then set up on this machine; settings
 * and locks follow. Idempotent: an account the profile already set up here (same address, same template)
 * is left as it is, a target already set up is not touched, equal settings are not rewritten — a second
 * apply changes nothing and says so. A dry run computes all of it and touches nothing.
 */
export async function applyProfile(
  core: Core,
  profile: Profile,
  input: ApplyInput,
  targetContext: Omit<TargetContext, 'store' | 'dataDir'> = {},
): Promise<ApplyReport> {
  const login = input.login ?? input.email;
  const context: TargetContext = { ...targetContext, store: core.accounts, dataDir: core.dataDir };
  const existing = await core.accounts.list();
  const accounts: AppliedAccount[] = [];
  for (const template of profile.accounts) {
    accounts.push(await applyTemplate(core, profile, template, input, login, context, existing));
  }
  const settings = await applySettings(core, profile, input.dryRun);
  const changed =
    settings === 'changed' ||
    accounts.some((a) => a.status === 'added' || a.targets.some((t) => t.status === 'configured'));
  const ok = accounts.every((a) => a.status !== 'failed' && a.targets.every((t) => t.status !== 'failed'));
  return { organisation: profile.organisation.name, dryRun: input.dryRun, changed, ok, accounts, settings };
}

async function applyTemplate(
  core: Core,
  profile: Profile,
  template: AccountTemplate,
  input: ApplyInput,
  login: string,
  context: TargetContext,
  existing: Awaited<ReturnType<Core['accounts']['list']>>,
): Promise<AppliedAccount> {
  const { email } = input;
  const fill = (text: string): string => fillPlaceholders(text, email, login);
  const base: AppliedAccount = {
    key: template.key,
    email,
    accountId: null,
    status: 'planned',
    username: fill(template.username),
    servers: {},
    targets: [],
    missing: [],
  };
  try {
    const { request, fromProvider } = await templateRequest(core, template, email, login);
    base.servers = serverText(request);
    const known = existing.find(
      (account) => account.email === email && account.provisioned?.key === template.key,
    );
    if (known) {
      base.accountId = known.id;
      base.status = 'unchanged';
    } else if (!input.dryRun) {
      base.accountId = await saveAccount(core, profile, template, input, request, fromProvider, base.missing);
      base.status = 'added';
    }
    for (const target of template.targets ?? []) {
      const letter = target === 'mount' ? template.drive?.letter : undefined;
      base.targets.push(await applyTarget(context, base.accountId, target, input.dryRun, letter));
    }
    if (template.mobileconfig) {
      const folder = fill(template.mobileconfig.folder);
      base.targets.push(await writeMobileconfig(core, base.accountId, folder, input.dryRun));
    }
    return base;
  } catch (error) {
    return { ...base, status: 'failed', error: toWireError(error) };
  }
}

async function saveAccount(
  core: Core,
  profile: Profile,
  template: AccountTemplate,
  input: ApplyInput,
  request: VerifyRequest,
  fromProvider: Awaited<ReturnType<typeof providerRequest>> | null,
  missing: string[],
): Promise<string> {
  const main = input.secret(template.key, MAIN_CREDENTIAL);
  if (!main) {
    throw new PonteError('INVALID_INPUT', `No password for "${template.key}" on standard input.`);
  }
  const plan = fromProvider?.plan ? planForRequest(fromProvider.plan, request) : null;
  const extras = (plan?.extras ?? []).map((credential) => {
    const given = input.secret(template.key, credential.id);
    if (!given)
      throw new PonteError(
        'INVALID_INPUT',
        `No password for "${template.key}" credential "${credential.id}".`,
      );
    return {
      id: credential.id,
      username: given.username ?? request.username,
      password: given.password,
    };
  });
  const provider = template.provider ? (await core.catalog()).byId(template.provider) : undefined;
  const facts = accountFacts(
    provider,
    extras.map((extra) => extra.id),
    {
      pec: template.pec,
      kind: template.credential?.kind,
      lifetimeDays: template.credential?.lifetimeDays,
    },
  );
  const saved = await addVerifiedAccount(
    core.accounts,
    {
      email: input.email,
      ...(template.displayName
        ? { displayName: fillPlaceholders(template.displayName, input.email, input.login ?? input.email) }
        : {}),
      ...(template.provider ? { providerId: template.provider } : {}),
      request: {
        ...request,
        ...(main.username ? { username: main.username } : {}),
        ...(extras.length > 0
          ? { credentials: extras.map(({ id, username }) => ({ id, username })), use: plan?.use ?? {} }
          : {}),
      },
      ...facts,
      provisioned: { organisation: profile.organisation.name, key: template.key },
    },
    main.password,
    Object.fromEntries(extras.map(({ id, password }) => [id, password])),
    { selectionFrom: selectionFrom(template, missing) },
  );
  return saved.id;
}

async function applyTarget(
  context: TargetContext,
  accountId: string | null,
  target: TargetKind,
  dryRun: boolean,
  driveLetter?: string,
): Promise<AppliedTarget> {
  if (accountId === null) return { target, status: 'planned' };
  try {
    const outcome = await configureTarget(context, accountId, target, {
      dryRun,
      ...(driveLetter ? { driveLetter } : {}),
    });
    return {
      target,
      status: dryRun ? 'planned' : outcome.changed ? 'configured' : 'unchanged',
      location: outcome.location,
    };
  } catch (error) {
    return { target, status: 'failed', error: toWireError(error) };
  }
}

/** The account's .mobileconfig in the profile's folder; rewritten only when its content would change. */
async function writeMobileconfig(
  core: Core,
  accountId: string | null,
  folder: string,
  dryRun: boolean,
): Promise<AppliedTarget> {
  if (accountId === null || dryRun) return { target: 'mobileconfig', status: 'planned', location: folder };
  try {
    const account = await core.accounts.get(accountId);
    const file = join(folder, mobileconfigFileName(account));
    const body = await accountMobileconfig(core.accounts, accountId, false);
    if ((await readFile(file, 'utf8').catch(() => null)) === body) {
      return { target: 'mobileconfig', status: 'unchanged', location: file };
    }
    await makeDirectories(folder);
    await writeFileAtomic(file, body, 0o644);
    return { target: 'mobileconfig', status: 'configured', location: file };
  } catch (error) {
    return { target: 'mobileconfig', status: 'failed', location: folder, error: toWireError(error) };
  }
}

async function applySettings(
  core: Core,
  profile: Profile,
  dryRun: boolean,
): Promise<ApplyReport['settings']> {
  const current = await core.settings.read();
  const wanted: Partial<Settings> = {
    ...profile.settings,
    managedBy: {
      organisation: profile.organisation.name,
      ...(profile.organisation.support ? { support: profile.organisation.support } : {}),
      locked: profile.locked ?? [],
    },
  };
  const same = (Object.keys(wanted) as (keyof Settings)[]).every(
    (key) =>
      JSON.stringify(current[key]) ===
      JSON.stringify(key === 'reminderDays' ? normalizeReminderDays(wanted.reminderDays ?? []) : wanted[key]),
  );
  if (same) return 'unchanged';
  if (dryRun) return 'planned';
  await core.settings.update(wanted);
  return 'changed';
}
