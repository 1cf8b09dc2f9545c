import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PonteError } from '../errors/ponte-error';
import { findExecutable } from '../platform/find-executable';
import { writeFileAtomic } from '../storage/atomic-write';
import { copyPrivate } from '../storage/copy-private';
import type { MountOs, PlanStep } from '@shared/targets';
import { removeInternetPassword, storeInternetPassword } from './mount/macos-keychain';
import { windowsCredential } from './mount/windows-credential';
import { ensureFreeLetter, ensureWebClient, letterInUse, saysLetterInUse } from './mount/windows-drive';
import { commandFailed, execute } from './run-command';
import { profileDataPaths, removeProfileData } from './thunderbird/profile-data';
import { readPrefs, removePrefs, setPrefs } from './thunderbird/prefs-js';
import { profileInUse } from './thunderbird/profile-in-use';
import { logFor } from '../log/logger';

const log = logFor('configure');

export interface RunOptions {
  /** Typed into the one step that asks for it (stdin), never put on a command line. */
  password?: string;
  /** Called before each step, for progress. */
  onStep?: (step: PlanStep, index: number, total: number) => void;
  /** Longest a command may take: a mount waiting on an unreachable server ends here. */
  commandTimeoutMs?: number;
  /** Whose rules decide whether a program is running (tests use this machine's). */
  os?: MountOs;
}

/**
 * A check (a tool installed, a program closed) changes nothing: a plan that stops at one has nothing to take
 * back, and an undo that stops at one keeps its record for another try.
 */
export function isCheckStep(step: PlanStep): boolean {
  return (
    step.kind === 'require' ||
    step.kind === 'require-closed' ||
    step.kind === 'require-service' ||
    step.kind === 'require-free-drive'
  );
}

/**
 * Carries out a plan's steps (or its undo) on this machine, in order, stopping at the first failure with a
 * clear error. Windows and macOS steps call those systems' own programs (sc.exe, net.exe, powershell.exe,
 * security, mount_webdav), found on PATH like any other.
 */
export async function runPlanSteps(steps: readonly PlanStep[], options: RunOptions = {}): Promise<void> {
  for (const [index, step] of steps.entries()) {
    options.onStep?.(step, index, steps.length);
    await runStep(step, options);
  }
}

async function runStep(step: PlanStep, options: RunOptions): Promise<void> {
  switch (step.kind) {
    case 'require':
      if (!(await findExecutable(step.program))) {
        throw new PonteError(
          'TOOL_MISSING',
          `${step.program} is not installed.`,
          `Install the package ${step.package} (for example: sudo apt install ${step.package}), then try again.`,
        );
      }
      return;
    case 'run':
      await runPlanCommand(step, options);
      return;
    case 'require-service':
      await ensureWebClient();
      return;
    case 'require-free-drive':
      await ensureFreeLetter(step.letter);
      return;
    case 'add-line':
      await editFile(step.file, (text) =>
        editLines(text, (lines) => (lines.includes(step.line) ? lines : [...lines, step.line])),
      );
      return;
    case 'remove-line':
      await editFile(step.file, (text) =>
        editLines(text, (lines) => lines.filter((line) => line !== step.line)),
      );
      return;
    case 'store-credential': {
      const password = options.password;
      if (password === undefined) throw new PonteError('INVALID_INPUT', 'No password to store.');
      if (step.store === 'windows-credential-manager') {
        await windowsCredential('Add', step.server, step.username, password);
      } else {
        await storeInternetPassword(step, password);
      }
      return;
    }
    case 'remove-credential':
      if (step.store === 'windows-credential-manager') {
        await windowsCredential('Remove', step.server, step.username);
      } else {
        await removeInternetPassword(step.server, step.username);
      }
      return;
    case 'require-closed':
      if (await profileInUse(step.profile, options.os ?? thisOs())) {
        throw new PonteError(
          'PROGRAM_RUNNING',
          `Thunderbird is running with the profile ${step.profile}.`,
          'Quit Thunderbird (File → Quit), then try again: it would overwrite the new settings when it quits.',
        );
      }
      return;
    case 'backup-file':
      await writing(step.file, () => backup(step.file, step.to));
      return;
    case 'set-prefs':
      await writing(step.file, () => editFile(step.file, (text) => setPrefs(text, step)));
      return;
    case 'remove-profile-data':
      await writing(step.file, async () => {
        const text = await readFile(step.file, 'utf8').catch(() => '');
        await removeProfileData(profileDataPaths(readPrefs(text), step.branches, step.profile));
      });
      return;
    case 'remove-prefs':
      await writing(step.file, () => editFile(step.file, (text) => removePrefs(text, step)));
      return;
    case 'write-file':
      await writing(step.file, () => writeFileAtomic(step.file, step.content, 0o600));
      return;
    case 'remove-file':
      await writing(step.file, () => rm(step.file, { force: true }));
      return;
  }
}

function thisOs(): MountOs {
  return process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux';
}

/** A file Ponte could not read or write becomes an error that names it (never a bare errno). */
async function writing(file: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof PonteError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new PonteError(
      'STORAGE_NOT_WRITABLE',
      `Could not change ${file} (${code}).`,
      'Check that your user owns that file and its folder and that the disk is not full, then try again.',
      { cause: error },
    );
  }
}

async function backup(file: string, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await copyPrivate(file, join(folder, `${basename(file)}.${stamp}.bak`)).catch((error: unknown) => {
    // Nothing there yet: nothing to keep.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
}

/** Rewrites a file atomically with its own permissions, only when the change changes something. */
async function editFile(file: string, change: (text: string) => string): Promise<void> {
  let text = '';
  let mode = 0o644;
  try {
    text = await readFile(file, 'utf8');
    mode = (await stat(file)).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const next = change(text);
  if (next !== text) await writeFileAtomic(file, next, mode);
}

/** A plan's command: the password only on its stdin when the step says so; an optional one never fails. */
async function runPlanCommand(step: Extract<PlanStep, { kind: 'run' }>, options: RunOptions): Promise<void> {
  const input = step.stdin === 'password' && options.password !== undefined ? `${options.password}\n` : '';
  const run = { input, timeoutMs: options.commandTimeoutMs ?? 60_000 };
  if (step.optional) {
    // Showing the drive in Explorer or Finder is a courtesy (explorer.exe even exits 1 when it worked).
    await execute(step.command, run).catch((error: unknown) =>
      log.debug(`the optional command ${step.command[0] ?? ''} failed`, error),
    );
    return;
  }
  const result = await execute(step.command, run);
  if (result.code === 0) return;
  if (step.command[0] === 'net.exe' && saysLetterInUse(result.output))
    throw letterInUse(step.command[2] ?? '');
  throw commandFailed(step.command, result);
}

/**
 * Changes the lines of a text, keeping every other byte: its other lines and whether it ends in a line break,
 * so that adding a line and removing it again gives back the very same file.
 */
function editLines(text: string, change: (lines: string[]) => string[]): string {
  const endsWithBreak = text === '' || text.endsWith('\n');
  const lines = text === '' ? [] : (endsWithBreak ? text.slice(0, -1) : text).split('\n');
  const next = change(lines);
  if (next.length === lines.length && next.every((line, index) => line === lines[index])) return text;
  return next.length === 0 ? '' : `${next.join('\n')}${endsWithBreak ? '\n' : ''}`;
}
