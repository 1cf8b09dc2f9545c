import type { ArchiveStatus } from '@shared/pec-archive';
import type { AccountStore } from '../../accounts/account-store';
import { type OperationRegistry, startReporting } from '../../async/operation-registry';
import { archiveMailbox, type ArchiveOptions } from './archive-mailbox';

/** An archive (or its dry run) started from the app, followed by polling: its progress, then its report. */
export function startPecArchive(
  archives: OperationRegistry<ArchiveStatus>,
  deps: { store: AccountStore; dataDir: string },
  accountId: string,
  options: Omit<ArchiveOptions, 'signal' | 'onProgress' | 'onPoint'>,
): ArchiveStatus {
  return startReporting(archives, { progress: null, report: null, error: null }, (handle) =>
    archiveMailbox(deps, accountId, {
      ...options,
      signal: handle.signal,
      onProgress: (progress) => handle.update((state) => ({ ...state, progress })),
    }),
  );
}
