import { useCallback, useEffect, useRef, useState } from 'react';
import type { WireError } from '@shared/error-codes';
import type { VerifyProgress, VerifyRequest } from '@shared/verify';
import { call } from '../../api/ponte-client';
import { toWire } from '../../api/use-call';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: VerifyProgress; cancelling: boolean }
  | { phase: 'done'; progress: VerifyProgress }
  | { phase: 'error'; error: WireError };

/**
 * Starts a check in core and follows it: each status call waits for the next change, so a row updates the
 * moment its service settles. Leaving the screen cancels a check still running.
 */
export function useVerifyRun() {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const running = useRef<string | null>(null);

  useEffect(
    () => () => {
      const operationId = running.current;
      running.current = null;
      if (operationId) void call('verify:cancel', { operationId }).catch(() => undefined);
    },
    [],
  );

  /** Follows a check that `begin` starts in core (a form's request, or a saved account). */
  const follow = useCallback(async (begin: () => Promise<VerifyProgress>) => {
    try {
      let progress = await begin();
      running.current = progress.operationId;
      setState({ phase: 'running', progress, cancelling: false });
      while (!progress.done && running.current === progress.operationId) {
        progress = await call('verify:status', {
          operationId: progress.operationId,
          afterVersion: progress.version,
        });
        if (running.current !== progress.operationId) return;
        const latest = progress;
        setState((previous) =>
          latest.done
            ? { phase: 'done', progress: latest }
            : {
                phase: 'running',
                progress: latest,
                cancelling: previous.phase === 'running' && previous.cancelling,
              },
        );
      }
      running.current = null;
    } catch (error) {
      running.current = null;
      setState({ phase: 'error', error: toWire(error) });
    }
  }, []);

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

  const cancel = useCallback(() => {
    const operationId = running.current;
    if (!operationId) return;
    setState((previous) => (previous.phase === 'running' ? { ...previous, cancelling: true } : previous));
    void call('verify:cancel', { operationId }).catch(() => undefined);
  }, []);

  return { state, start, follow, cancel };
}
