import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Account } from '../accounts/account-schema';
import type { AccountStore } from '../accounts/account-store';
import { PonteError } from '../errors/ponte-error';
import { findExecutable } from '../platform/find-executable';
import type {
  MountOs,
  PlanStep,
  TargetAvailability,
  TargetKind,
  TargetOutcome,
  TargetPlan,
} from '@shared/targets';
import { accountCollections, clientSetup } from './client-setup';
import { evolutionPlan, evolutionSourcesDir } from './evolution/evolution-plan';
import { mountPlan } from './mount/mount-plan';
import { isCheckStep, runPlanSteps } from './run-plan';
import { thunderbirdPlan } from './thunderbird/thunderbird-plan';
import { isThunderbirdInstalled } from './thunderbird/thunderbird-install';
import { findThunderbirdProfiles } from './thunderbird/thunderbird-profiles';
import { pathExists } from '../platform/path-exists';
import { logFor } from '../log/logger';

// Setting an account up in a place on this machine (a mounted drive, Thunderbird, Evolution) and taking it
// back. Each target is a plan computed first (shown on a dry run), carried out step by step, and recorded with
// its undo in accounts.json, so "unconfigure" replays exactly what was done even after the account changed.

const log = logFor('configure');

export interface TargetContext {
  store: AccountStore;
  /** Ponte's data folder: copies of files taken before a change go under it. */
  dataDir: string;
  os?: MountOs;
  home?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ConfigureOptions {
  /** Only compute and return the plan; change nothing. */
  dryRun?: boolean;
  /** Thunderbird: this profile folder instead of the default profile. */
  profileDir?: string;
  /** Windows: the letter the drive is mapped to (default Z:). */
  driveLetter?: string;
  onStep?: (step: PlanStep, index: number, total: number) => void;
}

function currentOs(): MountOs {
  const os = process.platform;
  if (os === 'linux' || os === 'darwin' || os === 'win32') return os;
  throw new PonteError('INVALID_INPUT', `Setting up this computer is not supported on ${os}.`);
}

const place = (context: TargetContext): { os: MountOs; home: string; env: NodeJS.ProcessEnv } => ({
  os: context.os ?? currentOs(),
  home: context.home ?? homedir(),
  env: context.env ?? process.env,
});

async function defaultProfile(context: TargetContext): Promise<string> {
  const [profile] = await findThunderbirdProfiles(place(context));
  if (!profile) {
    throw new PonteError(
      'PROGRAM_NOT_FOUND',
      'No Thunderbird profile was found on this computer.',
      'Start Thunderbird once (it creates its profile), quit it, then try again.',
    );
  }
  return profile.dir;
}

async function planFor(
  context: TargetContext,
  account: Account,
  target: TargetKind,
  options: ConfigureOptions,
): Promise<TargetPlan> {
  const { os, home, env } = place(context);
  if (target === 'mount') {
    const drive = account.services.webdav;
    const credential = account.credentials.find((c) => c.id === drive?.credential);
    if (!drive || !credential) {
      throw new PonteError('INVALID_INPUT', `${account.email} has no drive (WebDAV) to mount.`);
    }
    return mountPlan(os, {
      url: drive.url,
      username: credential.username,
      label: account.displayName,
      home,
      ...(options.driveLetter ? { driveLetter: options.driveLetter } : {}),
    });
  }
  const setup = clientSetup(account, await accountCollections(context.store, account));
  if (target === 'thunderbird') {
    return thunderbirdPlan({
      setup,
      profileDir: options.profileDir ?? (await defaultProfile(context)),
      backupDir: join(context.dataDir, 'backups', 'thunderbird'),
    });
  }
  return evolutionPlan({ setup, sourcesDir: evolutionSourcesDir(home, env) });
}

/**
 * Sets the account up in `target`. A failure half-way takes back what was done; running it again once set up
 * changes nothing (`changed` is false then, and on a dry run).
 */
export async function configureTarget(
  context: TargetContext,
  id: string,
  target: TargetKind,
  options: ConfigureOptions = {},
): Promise<TargetOutcome> {
  const account = await context.store.get(id);
  const existing = account.targets?.find((configured) => configured.target === target);
  if (existing && !options.dryRun) {
    // Already there: no network, no plan, nothing touched.
    return { changed: false, location: existing.location, plan: emptyPlan(target, existing.location) };
  }
  const plan = await planFor(context, account, target, options);
  if (options.dryRun) return { changed: false, location: existing?.location ?? plan.location, plan };
  const password = target === 'mount' ? await mountPassword(context.store, account) : undefined;
  let changing = false;
  try {
    await runPlanSteps(plan.steps, {
      ...(password === undefined ? {} : { password }),
      ...(context.os ? { os: context.os } : {}),
      onStep: (step, index, total) => {
        changing ||= !isCheckStep(step);
        options.onStep?.(step, index, total);
      },
    });
  } catch (error) {
    // Take back whatever was done before the failure (steps that had not happened fail harmlessly); a plan
    // stopped by a check (a tool missing, Thunderbird open) changed nothing and has nothing to take back.
    if (changing) {
      for (const step of plan.undo) {
        // Expected for steps the failure came before; kept at debug so a real leftover can be traced.
        await runPlanSteps([step]).catch((undoError: unknown) =>
          log.debug(`taking back a ${step.kind} step after a failed ${target} set-up failed`, undoError),
        );
      }
    }
    throw error;
  }
  await context.store.recordTarget(id, {
    target,
    at: new Date().toISOString(),
    location: plan.location,
    undo: plan.undo,
  });
  return { changed: true, location: plan.location, plan };
}

const emptyPlan = (target: TargetKind, location: string): TargetPlan => ({
  target,
  location,
  steps: [],
  undo: [],
  warnings: [],
});

async function mountPassword(store: AccountStore, account: Account): Promise<string> {
  const credential = account.services.webdav?.credential;
  if (!credential) throw new PonteError('INVALID_INPUT', `${account.email} has no drive (WebDAV) to mount.`);
  return store.secret(account, credential);
}

/**
 * Takes a target back exactly as it was recorded. A step whose work is already gone (the drive was unmounted
 * at logout, a file removed by hand) does not stop the others; what it said is returned for the record. A
 * program that must be closed first (Thunderbird) stops everything, and the record stays for another try.
 */
export async function unconfigureTarget(
  context: Pick<TargetContext, 'store' | 'os'>,
  id: string,
  target: TargetKind,
  options: Pick<ConfigureOptions, 'onStep'> = {},
): Promise<{ changed: boolean; notes: string[] }> {
  const account = await context.store.get(id);
  const existing = account.targets?.find((configured) => configured.target === target);
  if (!existing) return { changed: false, notes: [] };
  const notes: string[] = [];
  const run = { ...(context.os ? { os: context.os } : {}) };
  for (const [index, step] of existing.undo.entries()) {
    options.onStep?.(step, index, existing.undo.length);
    if (isCheckStep(step)) {
      await runPlanSteps([step], run);
      continue;
    }
    await runPlanSteps([step], run).catch((error: unknown) => {
      notes.push(error instanceof Error ? error.message : String(error));
    });
  }
  await context.store.forgetTarget(id, target);
  return { changed: true, notes };
}

/**
 * Which targets this account can be set up in on this machine, and which it already is: for the wizard's
 * last step and `ponte configure --list`. Looks at the machine only; never at the network.
 */
export async function detectTargets(context: TargetContext, id: string): Promise<TargetAvailability[]> {
  const account = await context.store.get(id);
  const { os, home, env } = place(context);
  const configured = (target: TargetKind): { configured: boolean; location?: string } => {
    const found = account.targets?.find((entry) => entry.target === target);
    return found ? { configured: true, location: found.location } : { configured: false };
  };
  const hasClientData = Boolean(account.services.imap || account.services.caldav || account.services.carddav);
  const profiles = await findThunderbirdProfiles({ os, home, env });
  const evolution =
    os === 'linux' &&
    ((await findExecutable('evolution')) !== null ||
      (await pathExists('/usr/share/dbus-1/services/org.gnome.evolution.dataserver.Sources5.service')));
  return [
    account.services.webdav
      ? { target: 'mount', available: true, ...configured('mount') }
      : { target: 'mount', available: false, reason: 'noDrive', configured: false },
    !hasClientData
      ? { target: 'thunderbird', available: false, reason: 'nothingToSetUp', configured: false }
      : profiles[0]
        ? { target: 'thunderbird', available: true, location: profiles[0].dir, ...configured('thunderbird') }
        : {
            target: 'thunderbird',
            available: false,
            reason: (await isThunderbirdInstalled(os, env)) ? 'neverStarted' : 'notInstalled',
            ...configured('thunderbird'),
          },
    !hasClientData
      ? { target: 'evolution', available: false, reason: 'nothingToSetUp', configured: false }
      : evolution
        ? {
            target: 'evolution',
            available: true,
            location: evolutionSourcesDir(home, env),
            ...configured('evolution'),
          }
        : { target: 'evolution', available: false, reason: 'notInstalled', ...configured('evolution') },
  ];
}
