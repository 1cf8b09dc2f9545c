import { useCallback } from 'react';
import type { ArchiveDestination } from '@shared/pec-archive';
import { call } from '../../api/ponte-client';
import { useFollowedOperation } from '../../api/use-followed-operation';

const calls = {
  status: (operationId: string, afterVersion: number) =>
    call('pec:archive-status', { operationId, afterVersion }),
  cancel: (operationId: string) => call('pec:archive-cancel', { operationId }),
};

/** An archive (or its dry run) followed message by message; stopping keeps what already moved. */
export function usePecArchive(accountId: string) {
  const { run, follow, cancel } = useFollowedOperation(calls);
  const start = useCallback(
    (olderThanDays: number, destination: ArchiveDestination, dryRun: boolean) =>
      follow(() => call('pec:archive-start', { id: accountId, olderThanDays, destination, dryRun })),
    [accountId, follow],
  );
  return { run, start, cancel };
}
