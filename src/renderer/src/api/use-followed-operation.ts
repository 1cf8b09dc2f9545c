import { useCallback, useEffect, useRef, useState } from 'react';
import type { WireError } from '@shared/error-codes';
import { toWire } from './use-call';

interface Followed {
  operationId: string;
  version: number;
  done: boolean;
}

export type FollowedRun<S extends Followed> =
  | { phase: 'idle' }
  | { phase: 'running'; status: S; cancelling: boolean }
  | { phase: 'done'; status: S }
  | { phase: 'error'; error: WireError };

export interface OperationCalls<S extends Followed> {
  status(operationId: string, afterVersion: number): Promise<S>;
  cancel(operationId: string): Promise<unknown>;
}

/**
 * Follows a long operation core runs (a test PEC, an archive): each status call waits for the next change.
 * Leaving the screen cancels one still running. `calls` must be stable (a module-level object).
 */
export function useFollowedOperation<S extends Followed>(calls: OperationCalls<S>) {
  const [run, setRun] = useState<FollowedRun<S>>({ phase: 'idle' });
  const running = useRef<string | null>(null);

  useEffect(
    () => () => {
      const operationId = running.current;
      running.current = null;
      if (operationId) void calls.cancel(operationId).catch(() => undefined);
    },
    [calls],
  );

  const follow = useCallback(
    async (begin: () => Promise<S>) => {
      try {
        let status = await begin();
        running.current = status.operationId;
        setRun({ phase: 'running', status, cancelling: false });
        while (!status.done && running.current === status.operationId) {
          status = await calls.status(status.operationId, status.version);
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
    [calls],
  );

  const cancel = useCallback(() => {
    const operationId = running.current;
    if (!operationId) return;
    setRun((previous) => (previous.phase === 'running' ? { ...previous, cancelling: true } : previous));
    void calls.cancel(operationId).catch(() => undefined);
  }, [calls]);

  return { run, follow, cancel };
}
