import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import { AuthType, createClient, type WebDAVClient } from 'webdav';
import { type ArchiveDestination, MAX_ARCHIVED_MESSAGE_BYTES } from '@shared/pec-archive';
import type { AccountStore } from '../../accounts/account-store';
import { parseHttpsUrl } from '../../dav/host-policy';
import { PonteError } from '../../errors/ponte-error';
import { writeFileAtomic } from '../../storage/atomic-write';
import { makeDirectories } from '../../storage/make-directories';
import { DEFAULT_TIMEOUTS } from '../../verify/service-target';
import { createGuardedAgents } from '../../webdav/guarded-agents';
import { MAX_DAV_RESPONSE_BYTES } from '../../dav/guarded-fetch';

/** Where archived messages are written and read back from; paths are relative, with `/`. */
export interface ArchiveTarget {
  /** As a person reads it. */
  label: string;
  /** Where a relative path is, as a person reads it (a full path, or an address). */
  locate(path: string): string;
  write(path: string, bytes: Uint8Array): Promise<void>;
  /** The bytes stored there, or null when there is nothing. */
  read(path: string): Promise<Buffer | null>;
  close(): void;
}

const safeRelative = (path: string): boolean =>
  path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');

/** A folder on this computer: each file written whole (temp, flush, rename), so a crash leaves no half file. */
async function folderTarget(path: string): Promise<ArchiveTarget> {
  if (!isAbsolute(path))
    throw new PonteError('INVALID_INPUT', `The archive folder must be a full path: ${path}`);
  try {
    await makeDirectories(path);
  } catch (error) {
    throw new PonteError(
      'STORAGE_NOT_WRITABLE',
      `Cannot create the archive folder ${path}: ${(error as Error).message}`,
      'Choose a folder you can write to.',
    );
  }
  const root = await realpath(path);
  const inside = (relative: string): string => {
    const full = resolve(root, ...relative.split('/'));
    if (!safeRelative(relative) || !full.startsWith(root + sep))
      throw new Error(`bad archive path ${relative}`);
    return full;
  };
  return {
    label: root,
    locate: (relative) => inside(relative),
    write: (relative, bytes) => writeFileAtomic(inside(relative), bytes),
    read: async (relative) => {
      try {
        return await readFile(inside(relative));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    close: () => undefined,
  };
}

/** A folder on a saved account's WebDAV drive, with that account's password and trust. */
async function webdavTarget(store: AccountStore, accountId: string, path: string): Promise<ArchiveTarget> {
  const account = await store.get(accountId);
  const webdav = account.services.webdav;
  if (!webdav) throw new PonteError('INVALID_INPUT', `${account.email} has no WebDAV drive to archive to.`);
  const credential = account.credentials.find((entry) => entry.id === webdav.credential);
  if (!credential) throw new PonteError('INVALID_INPUT', `${account.email} has no password for its drive.`);
  const base = path.split('/').filter((part) => part !== '');
  if (!safeRelative(base.join('/') || 'x'))
    throw new PonteError('INVALID_INPUT', `Not a folder path: ${path}`);
  const origin = parseHttpsUrl(webdav.url);
  const agents = createGuardedAgents(
    origin,
    {
      signal: new AbortController().signal,
      trust: account.trust,
      timeouts: DEFAULT_TIMEOUTS,
      confirmedHosts: [],
    },
    MAX_ARCHIVED_MESSAGE_BYTES + MAX_DAV_RESPONSE_BYTES,
  );
  const client: WebDAVClient = createClient(origin.href, {
    username: credential.username,
    password: await store.secret(account, credential.id),
    authType: AuthType.Password,
    httpAgent: agents.httpAgent,
    httpsAgent: agents.httpsAgent,
  });
  const remote = (relative: string): string => {
    if (!safeRelative(relative)) throw new Error(`bad archive path ${relative}`);
    return `/${[...base, relative].join('/')}`;
  };
  const made = new Set<string>();
  const root = origin.href.endsWith('/') ? origin.href : `${origin.href}/`;
  const label = new URL(base.map((part) => `${encodeURIComponent(part)}/`).join(''), root).href;
  return {
    label,
    locate: (relative) => new URL(relative.split('/').map(encodeURIComponent).join('/'), label).href,
    write: async (relative, bytes) => {
      const file = remote(relative);
      const folder = file.slice(0, file.lastIndexOf('/'));
      if (folder && !made.has(folder)) {
        await client.createDirectory(folder, { recursive: true });
        made.add(folder);
      }
      await client.putFileContents(file, Buffer.from(bytes), { overwrite: true });
    },
    read: async (relative) => {
      try {
        const data = await client.getFileContents(remote(relative), { format: 'binary' });
        return Buffer.from(data as ArrayBuffer);
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null;
        throw error;
      }
    },
    close: () => agents.destroy(),
  };
}

export function openArchiveTarget(
  store: AccountStore,
  destination: ArchiveDestination,
): Promise<ArchiveTarget> {
  return destination.kind === 'folder'
    ? folderTarget(destination.path)
    : webdavTarget(store, destination.accountId, destination.path);
}

/** `DIR` or `webdav:ACCOUNT/PATH`, as the CLI takes it. */
export function parseArchiveDestination(text: string): ArchiveDestination | null {
  const webdav = /^webdav:([0-9a-f-]{36})(?:\/(.*))?$/i.exec(text);
  if (webdav) return { kind: 'webdav', accountId: webdav[1] ?? '', path: webdav[2] ?? '' };
  return text.startsWith('webdav:') ? null : { kind: 'folder', path: resolve(text) };
}
