import { homedir } from 'node:os';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { writeFileAtomic } from '../storage/atomic-write';

// Start at login on Linux desktops: an XDG autostart entry (the freedesktop "Desktop Application Autostart"
// spec, read by GNOME, KDE, Xfce …). macOS and Windows use Electron's login-item setting instead.

export function autostartFile(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), 'autostart', 'ponte.desktop');
}

/** One Exec argument as the Desktop Entry spec wants it: quoted when needed, with its reserved characters escaped. */
export function quoteExecArgument(argument: string): string {
  if (argument !== '' && /^[A-Za-z0-9_\-./=:@+,]+$/.test(argument)) return argument;
  return `"${argument.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Ponte',
    'Comment=Reminds you before app passwords expire',
    `Exec=${command.map(quoteExecArgument).join(' ').replaceAll('%', '%%')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes (atomically) or removes Ponte's autostart entry; removing one that is not there is fine. */
export async function setLinuxAutostart(
  enabled: boolean,
  command: readonly string[],
  path = autostartFile(),
) {
  if (enabled) await writeFileAtomic(path, autostartEntry(command), 0o644);
  else await rm(path, { force: true });
}
