import { createHash } from 'node:crypto';
import type { ImapFlow } from 'imapflow';
import {
  type ArchiveDestination,
  type ArchiveFailure,
  type ArchiveFolderPlan,
  type ArchiveProgress,
  type ArchiveReport,
  MAX_ARCHIVED_MESSAGE_BYTES,
} from '@shared/pec-archive';
import { formatBytes } from '@shared/verify-summary';
import type { AccountStore } from '../../accounts/account-store';
import { accountServiceTargets } from '../../accounts/account-builders';
import { PonteError } from '../../errors/ponte-error';
import { connectImap, createImapClient } from '../../imap/imap-client';
import { unexpectedFailure } from '../../verify/adapter-errors';
import { DEFAULT_TIMEOUTS, type ServiceTarget } from '../../verify/service-target';
import { openArchiveTarget, type ArchiveTarget } from './archive-destination';
import { appendJournal, journalPath, readJournal, type JournalEntry } from './archive-journal';
import { archivePath } from './archive-paths';
import { logFor } from '../../log/logger';

const log = logFor('pec-archive');

/** Test hook points, in the order a message goes through them. */
export type ArchivePoint = 'written' | 'verified' | 'deleted';

export interface ArchiveOptions {
  olderThanDays: number;
  destination: ArchiveDestination;
  dryRun?: boolean;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (progress: ArchiveProgress) => void;
  onPoint?: (point: ArchivePoint) => void;
  /** Messages larger than this stay on the server, reported (default MAX_ARCHIVED_MESSAGE_BYTES). */
  largestMessageBytes?: number;
}

interface Candidate {
  folder: string;
  uidValidity: string;
  uid: number;
  size: number;
  internalDate: Date;
  subject: string;
  messageId?: string;
}

// Trash and junk are not worth keeping; everything else old goes, with the receipts beside their messages.
const skippedUses = new Set(['\\Trash', '\\Junk']);

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Moves the messages older than N days out of the account's mailbox: each is copied as .eml into a dated
 * folder, read back and compared (size and SHA-256), recorded, and only then deleted from the server. Run again
 * after an interruption, it finds the same names for the same messages and overwrites nothing that matches,
 * so nothing is lost and nothing is duplicated. A manifest of what moved is written beside the copies.
 */
export async function archiveMailbox(
  deps: { store: AccountStore; dataDir: string },
  accountId: string,
  options: ArchiveOptions,
): Promise<ArchiveReport> {
  const account = await deps.store.get(accountId);
  const { targets, trust } = await accountServiceTargets(
    account,
    (id) => deps.store.secret(account, id),
    (s) => s === 'imap',
  );
  const imap = targets.find(
    (target): target is Extract<ServiceTarget, { service: 'imap' }> => target.service === 'imap',
  );
  if (!imap)
    throw new PonteError('INVALID_INPUT', `${account.email} has no incoming mail (IMAP) to archive.`);
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - options.olderThanDays * 86_400_000);
  const beforeDay = before.toISOString().slice(0, 10);

  options.onProgress?.({ step: 'listing' });
  const target = options.dryRun ? null : await openArchiveTarget(deps.store, options.destination);
  const largest = options.largestMessageBytes ?? MAX_ARCHIVED_MESSAGE_BYTES;
  const client = createImapClient(imap, trust, DEFAULT_TIMEOUTS, largest);
  const close = (): void => client.close();
  options.signal?.addEventListener('abort', close, { once: true });
  let report: ArchiveReport | null = null;
  try {
    await connectImap(client, imap.credential.password);
    const candidates = await listOld(client, before);
    report = {
      dryRun: options.dryRun === true,
      before: beforeDay,
      destination: target?.label ?? describe(options.destination),
      folders: summarize(candidates),
      archived: 0,
      bytes: 0,
      failed: [],
      manifest: null,
      stopped: false,
    };
    if (!target) return report;
    // Copies verified by an interrupted run whose message is gone from the server were moved then.
    const finished = await finishInterrupted(client, deps.dataDir, accountId);
    report.archived += finished.length;
    report.bytes += finished.reduce((sum, entry) => sum + entry.size, 0);
    // Fetching a message past the literal bound would end the connection, and the run with it: those stay.
    const fits = candidates.filter((candidate) => candidate.size <= largest);
    for (const candidate of candidates.filter((candidate) => candidate.size > largest)) {
      const reason = `larger than the ${formatBytes(largest, 'en')} Ponte archives; it stays on the server`;
      report.failed.push({ folder: candidate.folder, uid: candidate.uid, reason });
    }
    await moveAll(client, target, fits, deps.dataDir, accountId, options, report);
    report.manifest = await writeManifest(target, journalPath(deps.dataDir, accountId), account.email);
    await client.logout();
    return report;
  } catch (error) {
    if (error instanceof PonteError) throw error;
    // Stopped by the person: what moved stays moved, the message under way is still on the server.
    if (options.signal?.aborted && report && target) {
      report.stopped = true;
      report.manifest = await writeManifest(target, journalPath(deps.dataDir, accountId), account.email);
      return report;
    }
    const failure = unexpectedFailure(error, imap.credential.password);
    throw new PonteError('CHECK_FAILED', `The archive stopped: ${failure.message}`, failure.detail);
  } finally {
    options.signal?.removeEventListener('abort', close);
    client.close();
    target?.close();
  }
}

const describe = (destination: ArchiveDestination): string =>
  destination.kind === 'folder' ? destination.path : `webdav:${destination.accountId}/${destination.path}`;

function summarize(candidates: readonly Candidate[]): ArchiveFolderPlan[] {
  const byFolder = new Map<string, ArchiveFolderPlan>();
  for (const candidate of candidates) {
    const plan = byFolder.get(candidate.folder) ?? { folder: candidate.folder, messages: 0, bytes: 0 };
    plan.messages += 1;
    plan.bytes += candidate.size;
    byFolder.set(candidate.folder, plan);
  }
  return [...byFolder.values()];
}

async function listOld(client: ImapFlow, before: Date): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for (const folder of await client.list()) {
    if (folder.flags.has('\\Noselect') || (folder.specialUse && skippedUses.has(folder.specialUse))) continue;
    const mailbox = await client.mailboxOpen(folder.path, { readOnly: true });
    const uids = (await client.search({ before }, { uid: true })) || [];
    if (uids.length === 0) continue;
    for await (const message of client.fetch(
      uids,
      { uid: true, size: true, internalDate: true, envelope: true },
      { uid: true },
    )) {
      candidates.push({
        folder: folder.path,
        uidValidity: String(mailbox.uidValidity),
        uid: message.uid,
        size: message.size ?? 0,
        internalDate:
          message.internalDate instanceof Date ? message.internalDate : new Date(message.internalDate ?? 0),
        subject: message.envelope?.subject ?? '',
        ...(message.envelope?.messageId ? { messageId: message.envelope.messageId } : {}),
      });
    }
  }
  return candidates;
}

/**
 * The destination's list of every message archived there, rewritten whole at the end of each run from the
 * journal, so runs that were interrupted are in it too and no message is listed twice.
 */
async function writeManifest(target: ArchiveTarget, journal: string, email: string): Promise<string | null> {
  const moved = new Map<string, Omit<JournalEntry, 'state' | 'destination'>>();
  for (const { state, destination, ...entry } of await readJournal(journal)) {
    if (state === 'deleted' && destination === target.label) moved.set(entry.path, entry);
  }
  if (moved.size === 0) return null;
  const manifest = {
    account: email,
    destination: target.label,
    updated: new Date().toISOString(),
    messages: [...moved.values()],
  };
  await target.write(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return target.locate(MANIFEST);
}

const MANIFEST = 'ponte-archive-manifest.json';

/**
 * Entries an interrupted run recorded as verified but not as deleted: when the server no longer has the message
 * (same folder, same UIDVALIDITY, that UID gone) it was deleted just before the interruption; say so now.
 */
async function finishInterrupted(
  client: ImapFlow,
  dataDir: string,
  accountId: string,
): Promise<JournalEntry[]> {
  const file = journalPath(dataDir, accountId);
  const entries = await readJournal(file);
  const deleted = new Set(
    entries.filter((e) => e.state === 'deleted').map((e) => `${e.folder}\n${e.uidValidity}\n${e.uid}`),
  );
  const pending = entries.filter(
    (e) => e.state === 'verified' && !deleted.has(`${e.folder}\n${e.uidValidity}\n${e.uid}`),
  );
  const finished: JournalEntry[] = [];
  for (const entry of pending) {
    const mailbox = await client.mailboxOpen(entry.folder, { readOnly: true }).catch((error: unknown) => {
      log.warn(`an interrupted archive run: folder ${entry.folder} cannot be opened to finish it`, error);
      return null;
    });
    if (!mailbox || String(mailbox.uidValidity) !== entry.uidValidity) continue;
    const still = (await client.search({ uid: String(entry.uid) }, { uid: true })) || [];
    if (still.includes(entry.uid)) continue;
    const done: JournalEntry = { ...entry, state: 'deleted', at: new Date().toISOString() };
    await appendJournal(file, done);
    finished.push(done);
  }
  return finished;
}

async function moveAll(
  client: ImapFlow,
  target: ArchiveTarget,
  candidates: readonly Candidate[],
  dataDir: string,
  accountId: string,
  options: ArchiveOptions,
  report: ArchiveReport,
): Promise<void> {
  const journal = journalPath(dataDir, accountId);
  const totalBytes = candidates.reduce((sum, candidate) => sum + candidate.size, 0);
  let open: string | null = null;
  for (const [index, candidate] of candidates.entries()) {
    if (options.signal?.aborted) {
      report.stopped = true;
      break;
    }
    if (open !== candidate.folder) {
      await client.mailboxOpen(candidate.folder);
      open = candidate.folder;
    }
    const failed = (reason: string): void => {
      const failure: ArchiveFailure = { folder: candidate.folder, uid: candidate.uid, reason };
      report.failed.push(failure);
    };
    const message = await client.fetchOne(String(candidate.uid), { source: true }, { uid: true });
    if (!message || !message.source) {
      failed('the server no longer has it');
      continue;
    }
    const source = message.source;
    const digest = sha256(source);
    const path = archivePath(candidate);
    // A copy left by an interrupted run is kept when it is exactly this message.
    const existing = await target.read(path);
    if (!existing || sha256(existing) !== digest) {
      try {
        await target.write(path, source);
      } catch (error) {
        failed(`could not write the copy: ${(error as Error).message}`);
        continue;
      }
      options.onPoint?.('written');
    }
    const back = await target.read(path).catch((error: unknown) => {
      log.warn(`reading back the archived copy ${path} failed`, error);
      return null;
    });
    if (!back || back.length !== source.length || sha256(back) !== digest) {
      failed('the copy read back differs from the message; the message stays on the server');
      continue;
    }
    const entry: JournalEntry = {
      state: 'verified',
      folder: candidate.folder,
      uidValidity: candidate.uidValidity,
      uid: candidate.uid,
      ...(candidate.messageId ? { messageId: candidate.messageId } : {}),
      size: source.length,
      sha256: digest,
      path,
      destination: target.label,
      at: new Date().toISOString(),
    };
    await appendJournal(journal, entry);
    options.onPoint?.('verified');
    if (!(await client.messageDelete(String(candidate.uid), { uid: true }))) {
      failed('the server did not delete it; the copy is kept');
      continue;
    }
    options.onPoint?.('deleted');
    const deleted: JournalEntry = { ...entry, state: 'deleted', at: new Date().toISOString() };
    await appendJournal(journal, deleted);
    report.archived += 1;
    report.bytes += source.length;
    options.onProgress?.({
      step: 'archiving',
      done: index + 1,
      total: candidates.length,
      bytes: report.bytes,
      totalBytes,
    });
  }
}
