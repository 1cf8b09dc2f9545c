import { readFileSync } from 'node:fs';

export interface SystemAccount {
  user: string;
  group: string;
  uid: number;
  gid: number;
}

function passwdEntry(user: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${user}:`));
  const fields = line?.split(':');
  if (!fields || fields.length < 4) throw new Error(`system user ${user} not found in /etc/passwd`);
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

function groupName(gid: number): string {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((entry) => entry.split(':')[2] === String(gid));
  const name = line?.split(':')[0];
  if (!name) throw new Error(`group ${gid} not found in /etc/group`);
  return name;
}

export function systemGroupId(name: string): number {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  const gid = line?.split(':')[2];
  if (gid === undefined) throw new Error(`group ${name} not found in /etc/group`);
  return Number(gid);
}

/** Looks up an existing system user (Node has no getpwnam) with its primary group. */
export function systemAccount(user: string): SystemAccount {
  const { uid, gid } = passwdEntry(user);
  return { user, group: groupName(gid), uid, gid };
}

/**
 * The account the daemons drop to for files they write (mail, WebDAV uploads). `nobody` exists on every
 * Debian; its primary group is `nogroup` there, looked up rather than assumed.
 */
export function unprivilegedAccount(): SystemAccount {
  return systemAccount('nobody');
}
