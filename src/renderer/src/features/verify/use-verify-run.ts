import { useCallback, useMemo } from 'react';
import type { WireError } from '@shared/error-codes';
import type { VerifyProgress, VerifyRequest } from '@shared/verify';
import { call } from '../../api/ponte-client';
import { useFollowedOperation } from '../../api/use-followed-operation';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: VerifyProgress; cancelling: boolean }
  | { phase: 'done'; progress: VerifyProgress }
  | { phase: 'error'; error: WireError };

const calls = {
  status: (operationId: string, afterVersion: number) => call('verify:status', { operationId, afterVersion }),
  cancel: (operationId: string) => call('verify:cancel', { operationId }),
};

/**
 * Starts a check in core and follows it: each status call waits for the next change, so a row updates the
 * moment its service settles. Leaving the screen cancels a check still running.
 */
export function useVerifyRun() {
  const { run, follow, cancel } = useFollowedOperation(calls);
  const state = useMemo((): RunState => {
    if (run.phase === 'running')
      return { phase: 'running', progress: run.status, cancelling: run.cancelling };
    if (run.phase === 'done') return { phase: 'done', progress: run.status };
    return run;
  }, [run]);

  const start = useCallback(
    (
      request: VerifyRequest,
      secret: { password: string } | { loginFlowId: string },
      passwords: Record<string, string> = {},
    ) =>
      follow(() =>
        call('verify:start', {
          request,
          ...secret,
          ...(Object.keys(passwords).length > 0 ? { passwords } : {}),
        }),
      ),
    [follow],
  );

  return { state, start, follow, cancel };
}
