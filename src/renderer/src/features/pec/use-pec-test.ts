import { useCallback } from 'react';
import type { Language } from '@shared/i18n/languages';
import { call } from '../../api/ponte-client';
import { useFollowedOperation } from '../../api/use-followed-operation';

const calls = {
  status: (operationId: string, afterVersion: number) =>
    call('pec:test-status', { operationId, afterVersion }),
  cancel: (operationId: string) => call('pec:test-cancel', { operationId }),
};

/** A test PEC followed step by step; cancelling only stops the wait (a sent message stays sent). */
export function usePecTest(accountId: string) {
  const { run, follow, cancel } = useFollowedOperation(calls);
  const start = useCallback(
    (to: string | undefined, language: Language) =>
      follow(() => call('pec:test-start', { id: accountId, language, ...(to ? { to } : {}) })),
    [accountId, follow],
  );
  return { run, start, cancel };
}
