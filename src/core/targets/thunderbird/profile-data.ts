import { rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { PrefValue } from '@shared/targets';

// What Thunderbird itself makes for Ponte's entries once it has run: the IMAP account's local folder
// (mail.server.<id>.directory-rel, "[ProfD]ImapMail/host") and each CardDAV book's database
// (ldap_2.servers.<id>.filename). Its own account removal deletes them; so does Ponte's undo, or a later
// set-up would pick the old ones up again. Only paths inside the profile are ever touched.

const PROFILE_TOKEN = '[ProfD]';

/** The files and folders under Ponte's branches that Thunderbird keeps for them, inside `profile` only. */
export function profileDataPaths(
  prefs: ReadonlyMap<string, PrefValue>,
  branches: readonly string[],
  profile: string,
): string[] {
  const paths: string[] = [];
  for (const [key, value] of prefs) {
    if (typeof value !== 'string' || !branches.some((branch) => key.startsWith(branch))) continue;
    const name = key.slice(key.lastIndexOf('.') + 1);
    let path: string | undefined;
    if (key.endsWith('.directory-rel') && value.startsWith(PROFILE_TOKEN)) {
      path = join(profile, value.slice(PROFILE_TOKEN.length));
    } else if (key.endsWith('.directory') && isAbsolute(value)) {
      path = value;
    } else if (name === 'filename' && key.startsWith('ldap_2.servers.')) {
      path = join(profile, value);
    }
    if (path !== undefined && isInside(profile, path)) {
      paths.push(path);
      // SQLite's companions, when Thunderbird was stopped mid-write.
      if (name === 'filename') paths.push(`${path}-wal`, `${path}-shm`);
    }
  }
  return [...new Set(paths)];
}

function isInside(profile: string, path: string): boolean {
  const within = relative(resolve(profile), resolve(path));
  return within !== '' && !within.startsWith('..') && !isAbsolute(within);
}

export async function removeProfileData(paths: readonly string[]): Promise<void> {
  for (const path of paths) await rm(path, { recursive: true, force: true });
}
