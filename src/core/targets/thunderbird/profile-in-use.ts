import { execFile } from 'node:child_process';
import { open, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { MountOs } from '@shared/targets';

// Thunderbird rewrites prefs.js from memory when it quits, so whatever Ponte writes while it runs is lost.
// Its profile lock tells whether it runs: on Linux a `lock` symlink to "host:+pid"; on Windows `parent.lock`,
// held open without sharing; on macOS `.parentlock`, locked with fcntl (not visible from Node), so there the
// process list is asked.

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else (another user's Thunderbird on a shared profile).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function linuxLockHolder(profileDir: string): Promise<number | undefined> {
  let target: string;
  try {
    target = await readlink(join(profileDir, 'lock'));
  } catch {
    return undefined;
  }
  const pid = Number(/\+(\d+)$/.exec(target)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return undefined;
  // A lock left by a crash may name a pid since reused by another program.
  const name = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => 'thunderbird');
  return /thunderbird|icedove|betterbird/i.test(name) ? pid : undefined;
}

async function windowsLockHeld(profileDir: string): Promise<boolean> {
  try {
    const handle = await open(join(profileDir, 'parent.lock'), 'r+');
    await handle.close();
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EBUSY' || code === 'EPERM' || code === 'EACCES';
  }
}

/** macOS: any Thunderbird process at all (pgrep exits 0 when one matches). */
function macosThunderbirdRunning(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('pgrep', ['-xi', 'thunderbird'], (error) => resolve(error === null));
  });
}

/** True while a Thunderbird has this profile open. */
export async function profileInUse(profileDir: string, os: MountOs): Promise<boolean> {
  switch (os) {
    case 'linux':
      return (await linuxLockHolder(profileDir)) !== undefined;
    case 'win32':
      return windowsLockHeld(profileDir);
    case 'darwin':
      return macosThunderbirdRunning();
  }
}
