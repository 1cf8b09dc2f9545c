import { useCallback, useEffect, useRef, useState } from 'react';
import type { WireError } from '@shared/error-codes';
import type { PecTestStatus } from '@shared/pec';
import { call } from '../../api/ponte-client';
import { toWire } from '../../api/use-call';

export type PecTestRun =
  | { phase: 'idle' }
  | { phase: 'running'; status: PecTestStatus; cancelling: boolean }
  | { phase: 'done'; status: PecTestStatus }
  | { phase: 'error'; error: WireError };

/**
 * Starts a test PEC in core and follows it; each status call waits for the next step. Leaving the card
 * cancels a test still waiting (the message, once sent, stays sent: cancelling only stops the wait).
 */
export function usePecTest(accountId: string) {
  const [run, setRun] = useState<PecTestRun>({ phase: 'idle' });
  const running = useRef<string | null>(null);

  useEffect(
    () => () => {
      const operationId = running.current;
      running.current = null;
      if (operationId) void call('pec:test-cancel', { operationId }).catch(() => undefined);
    },
    [],
  );

  const start = useCallback(
    async (to: string | undefined, language: 'it' | 'fr' | 'de' | 'en') => {
      try {
        let status = await call('pec:test-start', { id: accountId, language, ...(to ? { to } : {}) });
        running.current = status.operationId;
        setRun({ phase: 'running', status, cancelling: false });
        while (!status.done && running.current === status.operationId) {
          status = await call('pec:test-status', {
            operationId: status.operationId,
            afterVersion: status.version,
          });
          if (running.current !== status.operationId) return;
          const latest = status;
          setRun((previous) =>
            latest.done
              ? { phase: 'done', status: latest }
              : {
                  phase: 'running',
                  status: latest,
                  cancelling: previous.phase === 'running' && previous.cancelling,
                },
          );
        }
        running.current = null;
      } catch (error) {
        running.current = null;
        setRun({ phase: 'error', error: toWire(error) });
      }
    },
    [accountId],
  );

  const cancel = useCallback(() => {
    const operationId = running.current;
    if (!operationId) return;
    setRun((previous) => (previous.phase === 'running' ? { ...previous, cancelling: true } : previous));
    void call('pec:test-cancel', { operationId }).catch(() => undefined);
  }, []);

  return { run, start, cancel };
}
