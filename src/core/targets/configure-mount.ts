import { homedir } from 'node:os';
import type { AccountStore } from '../accounts/account-store';
import { PonteError } from '../errors/ponte-error';
import type { MountOs, PlanStep, TargetOutcome } from '@shared/targets';
import { mountPlan } from './mount/mount-plan';
import { runPlanSteps } from './mount/run-mount-plan';

export interface ConfigureOptions {
  /** Only compute and return the plan; change nothing. */
  dryRun?: boolean;
  os?: MountOs;
  home?: string;
  onStep?: (step: PlanStep, index: number, total: number) => void;
}

/** `changed` is false when it was already set up (nothing done) or on a dry run. */
export type ConfigureOutcome = TargetOutcome;

function currentOs(): MountOs {
  const os = process.platform;
  if (os === 'linux' || os === 'darwin' || os === 'win32') return os;
  throw new PonteError('INVALID_INPUT', `Mounting drives is not supported on ${os}.`);
}

/**
 * Mounts the account's WebDAV drive on this machine with the password from the keychain, and records how to
 * undo it. A failure half-way takes back what was done; running it again once mounted changes nothing.
 */
export async function configureMount(
  store: AccountStore,
  id: string,
  options: ConfigureOptions = {},
): Promise<ConfigureOutcome> {
  const account = await store.get(id);
  const drive = account.services.webdav;
  const credential = account.credentials.find((c) => c.id === drive?.credential);
  if (!drive || !credential) {
    throw new PonteError('INVALID_INPUT', `${account.email} has no drive (WebDAV) to mount.`);
  }
  const plan = mountPlan(options.os ?? currentOs(), {
    url: drive.url,
    username: credential.username,
    label: account.displayName,
    home: options.home ?? homedir(),
  });
  const existing = account.targets?.find((target) => target.target === 'mount');
  if (options.dryRun || existing) {
    return { changed: false, location: existing?.location ?? plan.location, plan };
  }
  const password = await store.secret(account, credential.id);
  try {
    await runPlanSteps(plan.steps, { password, ...(options.onStep ? { onStep: options.onStep } : {}) });
  } catch (error) {
    // Take back whatever was done before the failure; steps that had not happened fail harmlessly.
    for (const step of plan.undo) await runPlanSteps([step]).catch(() => undefined);
    throw error;
  }
  await store.recordTarget(id, {
    target: 'mount',
    at: new Date().toISOString(),
    location: plan.location,
    undo: plan.undo,
  });
  return { changed: true, location: plan.location, plan };
}

/**
 * Takes back a mount exactly as it was recorded. A step whose work is already gone (the drive was unmounted at
 * logout, the bookmark removed by hand) does not stop the others; what it said is returned for the record.
 */
export async function unconfigureMount(
  store: AccountStore,
  id: string,
  options: Pick<ConfigureOptions, 'onStep'> = {},
): Promise<{ changed: boolean; notes: string[] }> {
  const account = await store.get(id);
  const existing = account.targets?.find((target) => target.target === 'mount');
  if (!existing) return { changed: false, notes: [] };
  const notes: string[] = [];
  for (const [index, step] of existing.undo.entries()) {
    options.onStep?.(step, index, existing.undo.length);
    await runPlanSteps([step]).catch((error: unknown) => {
      notes.push(error instanceof Error ? error.message : String(error));
    });
  }
  await store.forgetTarget(id, 'mount');
  return { changed: true, notes };
}
