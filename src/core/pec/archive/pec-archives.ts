import type { ArchiveStatus } from '@shared/pec-archive';
import type { AccountStore } from '../../accounts/account-store';
import { OperationRegistry } from '../../async/operation-registry';
import { toWireError } from '../../errors/ponte-error';
import { archiveMailbox, type ArchiveOptions } from './archive-mailbox';

/** Archives (and their dry runs) started from the app, followed by polling. */
export class PecArchives {
  private readonly registry = new OperationRegistry<ArchiveStatus>();

  start(
    deps: { store: AccountStore; dataDir: string },
    accountId: string,
    options: Omit<ArchiveOptions, 'signal' | 'onProgress' | 'onPoint'>,
  ): ArchiveStatus {
    return this.registry.start({ progress: null, report: null, error: null }, async (handle) => {
      try {
        const report = await archiveMailbox(deps, accountId, {
          ...options,
          signal: handle.signal,
          onProgress: (progress) => handle.update((state) => ({ ...state, progress })),
        });
        handle.update((state) => ({ ...state, report }), true);
      } catch (error) {
        handle.update((state) => ({ ...state, error: toWireError(error) }), true);
      }
    });
  }

  status(operationId: string, afterVersion?: number): Promise<ArchiveStatus> {
    return this.registry.status(operationId, afterVersion);
  }

  cancel(operationId: string): ArchiveStatus {
    return this.registry.cancel(operationId);
  }
}
