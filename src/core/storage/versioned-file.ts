import { readFile } from 'node:fs/promises';
import { copyPrivate } from './copy-private';
import { parse, safeParse } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { PonteError } from '../errors/ponte-error';
import { writeFileAtomic } from './atomic-write';

/** A JSON document of ours on disk: `{ "schemaVersion": n, "data": … }`. */
export interface VersionedFile<T> {
  path: string;
  /** What the file holds, in English, for messages ("settings", "accounts"). */
  label: string;
  version: number;
  /** Classic zod or zod/mini: both are zod's core types. */
  schema: $ZodType<T>;
  defaults: () => T;
  /** Upgrades older documents: `migrations[n]` turns version n data into version n+1 data. */
  migrations?: Record<number, (data: unknown) => unknown>;
}

export async function readVersionedFile<T>(file: VersionedFile<T>): Promise<T> {
  let text: string;
  try {
    text = await readFile(file.path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return file.defaults();
    throw new PonteError(
      'STORAGE_UNREADABLE',
      `Cannot read the ${file.label} file ${file.path}.`,
      'Check that your user owns the Ponte data folder and can read it.',
      { cause: error },
    );
  }

  const document = parseDocument(text);
  if (!document) return rejectCorrupt(file, 'it is not a Ponte data file');
  if (document.schemaVersion > file.version) {
    const backup = await keepBackup(file.path, 'newer');
    throw new PonteError(
      'STORAGE_FUTURE_VERSION',
      `The ${file.label} file was written by a newer Ponte (format ${document.schemaVersion}, this one reads up to ${file.version}). A copy was kept at ${backup}.`,
      'Update Ponte to the latest version; nothing was changed.',
    );
  }

  let data = document.data;
  for (let version = document.schemaVersion; version < file.version; version++) {
    const migrate = file.migrations?.[version];
    if (!migrate) return rejectCorrupt(file, `no upgrade from format ${version}`);
    data = migrate(data);
  }
  const parsed = safeParse(file.schema, data);
  if (!parsed.success) return rejectCorrupt(file, 'its content does not match the expected format');
  return parsed.data;
}

export async function writeVersionedFile<T>(file: VersionedFile<T>, value: T): Promise<void> {
  const data = parse(file.schema, value);
  const text = `${JSON.stringify({ schemaVersion: file.version, data }, null, 2)}\n`;
  try {
    await writeFileAtomic(file.path, text);
  } catch (error) {
    const full = isErrno(error, 'ENOSPC') || isErrno(error, 'EDQUOT');
    throw new PonteError(
      'STORAGE_NOT_WRITABLE',
      `Cannot save the ${file.label} file ${file.path}${full ? ': the disk is full' : ''}. The previous version is unchanged.`,
      full
        ? 'Free some disk space and try again.'
        : 'Check that your user owns the Ponte data folder and can write to it.',
      { cause: error },
    );
  }
}

function parseDocument(text: string): { schemaVersion: number; data: unknown } | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { schemaVersion, data } = value as { schemaVersion?: unknown; data?: unknown };
    if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1)
      return null;
    return { schemaVersion, data };
  } catch {
    return null;
  }
}

async function rejectCorrupt(file: VersionedFile<unknown>, reason: string): Promise<never> {
  const backup = await keepBackup(file.path, 'corrupt');
  throw new PonteError(
    'STORAGE_CORRUPT',
    `The ${file.label} file ${file.path} cannot be used: ${reason}. A copy was kept at ${backup}.`,
    'Ponte did not overwrite it. Restore a backup or move the file away to start afresh.',
  );
}

async function keepBackup(path: string, kind: 'corrupt' | 'newer'): Promise<string> {
  const backup = `${path}.${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await copyPrivate(path, backup);
  return backup;
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
