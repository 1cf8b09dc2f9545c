import type { WireError } from './error-codes';

// Archiving old messages out of a small (PEC) mailbox: what the person asks, what they see while it runs, and
// the report. Each message is copied as .eml, read back and compared, and only then deleted from the server.

export type ArchiveDestination =
  | { kind: 'folder'; path: string }
  /** A folder on another saved account's WebDAV drive (kDrive, Nextcloud …), relative to its address. */
  | { kind: 'webdav'; accountId: string; path: string };

export interface ArchiveFolderPlan {
  folder: string;
  messages: number;
  bytes: number;
}

export interface ArchiveFailure {
  folder: string;
  uid: number;
  /** Why this message stayed on the server (English, for support); the others went on. */
  reason: string;
}

export interface ArchiveReport {
  dryRun: boolean;
  /** Messages that arrived before this day (server's date) are the old ones. */
  before: string;
  /** Where they went, as a person reads it: a folder, or the drive's address. */
  destination: string;
  folders: ArchiveFolderPlan[];
  /** Copied, verified and removed from the server in this run. */
  archived: number;
  bytes: number;
  failed: ArchiveFailure[];
  /** Where the list of what moved is (a full path or an address); null for a dry run or when nothing moved. */
  manifest: string | null;
  /** Stopped before the end (cancelled): what moved stays moved; run it again to go on. */
  stopped: boolean;
}

export type ArchiveProgress =
  { step: 'listing' } | { step: 'archiving'; done: number; total: number; bytes: number; totalBytes: number };

/** How many old messages the run found (all of them moved unless some failed or it stopped). */
export const plannedMessages = (report: ArchiveReport): number =>
  report.folders.reduce((sum, folder) => sum + folder.messages, 0);

/** `90d` (days) or a plain number of days; at least one. */
export function parseOlderThan(text: string): number | null {
  const match = /^(\d{1,5})d?$/.exec(text.trim());
  const days = match ? Number(match[1]) : NaN;
  return Number.isInteger(days) && days >= 1 ? days : null;
}

/** An archive as the app follows it (pec:archive-start / pec:archive-status). */
export interface ArchiveStatus {
  operationId: string;
  version: number;
  done: boolean;
  progress: ArchiveProgress | null;
  report: ArchiveReport | null;
  error: WireError | null;
}

/** Larger than any provider accepts for one message (25–100 MB); bounds what one copy holds in memory. */
export const MAX_ARCHIVED_MESSAGE_BYTES = 256 * 1024 * 1024;
