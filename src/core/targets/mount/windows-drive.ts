import { PonteError } from '../../errors/ponte-error';
import { execute } from '../run-command';

// The two things that stop a WebDAV drive on Windows before it starts, checked first so the person is told
// in plain words what to do: the WebClient service (the WebDAV redirector) not running, and the drive letter
// already taken.

/** `sc.exe query` prints "STATE : 4  RUNNING"; 1 is STOPPED, 2 START_PENDING. */
const STATE = /STATE\s*:\s*(\d+)/;
const SERVICE_DOES_NOT_EXIST = 1060;
const ACCESS_DENIED = 5;
const ALREADY_RUNNING = 1056;

/**
 * Makes sure WebClient runs: nothing to do when it does; otherwise `sc.exe start` (allowed to anyone where IT
 * set it to start on demand). Refused for lack of rights, it says what to ask IT.
 */
export async function ensureWebClient(): Promise<void> {
  const query = await execute(['sc.exe', 'query', 'WebClient']);
  if (query.code === SERVICE_DOES_NOT_EXIST) {
    throw new PonteError(
      'TOOL_MISSING',
      'Windows’ WebDAV client (the WebClient service) is not installed on this computer.',
      'On Windows Server, ask IT to add the “WebDAV Redirector” feature; then try again.',
    );
  }
  const state = Number(STATE.exec(query.output)?.[1]);
  if (query.code === 0 && (state === 4 || state === 2)) return;
  const start = await execute(['sc.exe', 'start', 'WebClient']);
  if (start.code === 0 || start.code === ALREADY_RUNNING) return;
  if (start.code === ACCESS_DENIED) {
    throw new PonteError(
      'ADMIN_REQUIRED',
      'Windows’ WebClient service, which connects WebDAV drives, is stopped, and only an administrator may start it.',
      'Ask IT to set the “WebClient” service to start automatically (Services → WebClient → Startup type: Automatic), then try again.',
    );
  }
  throw new PonteError(
    'MOUNT_FAILED',
    `The WebClient service could not be started (exit ${start.code}): ${start.output.trim()}`,
    'Restart the computer and try again; if it still fails, ask IT to check the WebClient service.',
  );
}

/** `net use Z:` answers 0 only for a letter already mapped: then Ponte stops before changing anything. */
export async function ensureFreeLetter(letter: string): Promise<void> {
  const mapped = await execute(['net.exe', 'use', letter]);
  if (mapped.code === 0) throw letterInUse(letter);
}

export function letterInUse(letter: string): PonteError {
  return new PonteError(
    'DRIVE_LETTER_IN_USE',
    `The drive letter ${letter} is already in use on this computer.`,
    'Choose another letter (--drive-letter, or the drive letter in the IT profile), or free this one, then try again.',
  );
}

/** `net use` says "System error 85": the local device name is already in use (a disk, a card reader). */
export const saysLetterInUse = (output: string): boolean => /\b85\b/.test(output);
