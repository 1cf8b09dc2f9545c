import type { MountInput, MountOs, MountPlan } from '@shared/targets';
import { PonteError } from '../../errors/ponte-error';
import { safeFileName } from '../formats/file-name';
import { exactValue, shownName } from '../written-text';
import { gvfsMount, gvfsUnmount } from './gvfs-drive';

// A drive mount, per OS, as a plan: the steps Ponte will take (tools it needs, commands it runs, files and
// keychain items it writes) and the steps that undo them. Pure data, computed without touching the machine, so
// it is shown to the person (and to IT with --dry-run) before anything happens, and unit-tested for every OS
// on any OS. No step ever carries the password: it goes on a command's stdin or into the OS keychain.

export function mountPlan(os: MountOs, given: MountInput): MountPlan {
  const url = new URL(given.url);
  if (url.protocol !== 'https:') throw new Error('only https drives are mounted');
  exactValue(url.href, 'address');
  const input = { ...given, username: exactValue(given.username, 'username') };
  switch (os) {
    case 'linux':
      return linuxPlan(url, input);
    case 'win32':
      return windowsPlan(url, input);
    case 'darwin':
      return macosPlan(url, input);
  }
}

const port = (url: URL): number => Number(url.port || 443);

/**
 * A GTK bookmarks line: the URI, a space, the label up to the end of the line. The label is one line (the
 * caller cleaned it); a URI with a blank or a label with a line break would make another bookmark.
 */
function bookmarkLine(uri: string, label: string): string {
  if (/\s/u.test(uri) || /[\r\n\0]/u.test(label)) {
    throw new PonteError('UNWRITABLE_VALUE', 'A bookmark would not be one line.', 'Nothing was changed.');
  }
  return `${uri} ${label}`;
}

/** A Windows drive letter as `net use` takes it; D: to Z: (A–C are floppies and the system disk). */
function driveLetter(value: string): string {
  const match = /^([D-Za-z]):?$/u.exec(value.trim());
  if (!match?.[1] || /^[a-cA-C]$/u.test(match[1])) {
    throw new PonteError('INVALID_INPUT', `${JSON.stringify(value)} is not a drive letter from D: to Z:.`);
  }
  return `${match[1].toUpperCase()}:`;
}

/**
 * GVfs: `gio mount` reads the password from stdin (user name in the URI, which is not secret); a GTK
 * bookmark puts the drive in the file manager's sidebar.
 */
function linuxPlan(url: URL, input: MountInput): MountPlan {
  const davs = `davs://${encodeURIComponent(input.username)}@${url.host}${url.pathname}`;
  const bookmark = bookmarkLine(davs, shownName(input.label, url.hostname, 'line').value);
  const bookmarks = `${input.home}/.config/gtk-3.0/bookmarks`;
  return {
    target: 'mount',
    os: 'linux',
    location: davs,
    steps: [
      { kind: 'require', program: 'gio', package: 'libglib2.0-bin' },
      { kind: 'require', program: '/usr/libexec/gvfsd-dav', package: 'gvfs-backends' },
      gvfsMount(davs),
      { kind: 'add-line', file: bookmarks, line: bookmark },
    ],
    undo: [{ kind: 'remove-line', file: bookmarks, line: bookmark }, gvfsUnmount(davs)],
    warnings: [],
  };
}

/**
 * The WebClient mini-redirector: checked first (service running, letter free), then the credential goes to
 * Credential Manager (never on `net use`'s command line) and the UNC form `\\host@SSL@port\path` is mapped to
 * a letter that survives a restart; Explorer then shows it.
 */
function windowsPlan(url: URL, input: MountInput): MountPlan {
  const letter = driveLetter(input.driveLetter ?? 'Z');
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, '').replaceAll('/', '\\');
  const unc = `\\\\${url.hostname}@SSL${url.port ? `@${url.port}` : ''}${path}`;
  return {
    target: 'mount',
    os: 'win32',
    location: letter,
    steps: [
      { kind: 'require-service', service: 'WebClient' },
      { kind: 'require-free-drive', letter },
      {
        kind: 'store-credential',
        store: 'windows-credential-manager',
        server: url.hostname,
        port: port(url),
        path: url.pathname,
        username: input.username,
      },
      { kind: 'run', command: ['net.exe', 'use', letter, unc, '/persistent:yes'], stdin: 'nothing' },
      { kind: 'run', command: ['explorer.exe', `${letter}\\`], stdin: 'nothing', optional: true },
    ],
    undo: [
      { kind: 'run', command: ['net.exe', 'use', letter, '/delete', '/y'], stdin: 'nothing' },
      {
        kind: 'remove-credential',
        store: 'windows-credential-manager',
        server: url.hostname,
        username: input.username,
      },
    ],
    warnings: ['windowsFileSizeLimit', 'windowsBasicAuthOverHttps'],
  };
}

/**
 * An Internet-password item in the login keychain (what Finder and mount_webdav look up for the server),
 * then `mount_webdav -s` (credentials only over TLS) on a folder under ~/Volumes named after the drive, then
 * Finder shows it.
 */
function macosPlan(url: URL, input: MountInput): MountPlan {
  // One folder under ~/Volumes named after the drive: never `..`, a separator or a hidden name.
  const mountPoint = `${input.home}/Volumes/${safeFileName(input.label, url.hostname).value}`;
  return {
    target: 'mount',
    os: 'darwin',
    location: mountPoint,
    steps: [
      {
        kind: 'store-credential',
        store: 'macos-internet-password',
        server: url.hostname,
        port: port(url),
        path: url.pathname,
        username: input.username,
      },
      { kind: 'run', command: ['mkdir', '-p', mountPoint], stdin: 'nothing' },
      { kind: 'run', command: ['mount_webdav', '-s', '-S', url.href, mountPoint], stdin: 'nothing' },
      { kind: 'run', command: ['open', mountPoint], stdin: 'nothing', optional: true },
    ],
    undo: [
      { kind: 'run', command: ['umount', mountPoint], stdin: 'nothing' },
      { kind: 'run', command: ['rmdir', mountPoint], stdin: 'nothing' },
      {
        kind: 'remove-credential',
        store: 'macos-internet-password',
        server: url.hostname,
        username: input.username,
      },
    ],
    warnings: ['macosFinderLimits'],
  };
}
