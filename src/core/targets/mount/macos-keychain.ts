import { PonteError } from '../../errors/ponte-error';
import { execute } from '../run-command';

// macOS: mount_webdav (and Finder) sign in with the Internet-password item the login keychain holds for the
// server (webdavfs' agent looks it up with SecKeychainFindInternetPassword). `security add-internet-password
// -w PASSWORD` would put the password on a command line, so Ponte runs `security -i` and types the command
// into it: security.c's split_line reads the line, where an argument in double quotes takes a backslash
// before `"` and `\`. One command per run, so the exit code is that command's.

/** kSecProtocolTypeHTTPS as the four-character code `security` takes. */
const HTTPS = 'htps';
/** The agent that mounts WebDAV volumes, trusted to read the item without asking each time. */
export const WEBDAV_AGENT = '/System/Library/Filesystems/webdav.fs/Support/webdavfs_agent';
/** security.c reads at most this many bytes per line in interactive mode. */
const MAX_LINE_BYTES = 4096;
/** errSecItemNotFound: deleting what is not there is what was wanted. */
const ITEM_NOT_FOUND = 44;

/** One argument for `security -i`'s line grammar; a line break cannot be in one (it ends the command). */
export function securityArgument(value: string): string {
  if (/[\r\n\0]/.test(value)) {
    throw new PonteError('INVALID_INPUT', 'A value for the keychain holds a line break.');
  }
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

export interface InternetPasswordItem {
  server: string;
  port: number;
  path: string;
  username: string;
}

/** The line `security -i` reads: add (or update, -U) the item, readable by the WebDAV agent. */
export function addInternetPasswordLine(item: InternetPasswordItem, password: string): string {
  const words = [
    'add-internet-password',
    '-a',
    securityArgument(item.username),
    '-s',
    securityArgument(item.server),
    '-P',
    String(item.port),
    '-r',
    HTTPS,
    '-p',
    securityArgument(item.path),
    '-T',
    securityArgument(WEBDAV_AGENT),
    '-U',
    '-w',
    securityArgument(password),
  ];
  const line = `${words.join(' ')}\n`;
  if (Buffer.byteLength(line) > MAX_LINE_BYTES) {
    throw new PonteError('INVALID_INPUT', 'The keychain item would be longer than `security` reads.');
  }
  return line;
}

export async function storeInternetPassword(item: InternetPasswordItem, password: string): Promise<void> {
  const result = await execute(['security', '-i'], { input: addInternetPasswordLine(item, password) });
  if (result.code !== 0) {
    throw new PonteError(
      'MOUNT_FAILED',
      `The login keychain did not take the password for ${item.server} (exit ${result.code}): ${result.output.trim()}`,
      'Unlock the login keychain (Keychain Access) if it is locked, then try again.',
    );
  }
}

/** Removes the item; its absence is success. No secret is involved, so plain arguments are fine. */
export async function removeInternetPassword(server: string, username: string): Promise<void> {
  const command = ['security', 'delete-internet-password', '-a', username, '-s', server, '-r', HTTPS];
  const result = await execute(command);
  if (result.code === 0 || result.code === ITEM_NOT_FOUND) return;
  throw new PonteError(
    'MOUNT_FAILED',
    `The keychain item for ${server} could not be removed (exit ${result.code}): ${result.output.trim()}`,
  );
}
