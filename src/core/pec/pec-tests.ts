import type { PecTestProgress, PecTestStatus } from '@shared/pec';
import type { AccountStore } from '../accounts/account-store';
import { type OperationRegistry, startReporting } from '../async/operation-registry';
import { type PecTestOptions, runPecTest } from './pec-test';

/** A test PEC started from the app, followed by polling: its steps as they come, then its report. */
export function startPecTest(
  tests: OperationRegistry<PecTestStatus>,
  store: AccountStore,
  accountId: string,
  options: Omit<PecTestOptions, 'signal' | 'onProgress'>,
): PecTestStatus {
  return startReporting(tests, { steps: [], report: null, error: null }, (handle) =>
    runPecTest(store, accountId, {
      ...options,
      signal: handle.signal,
      onProgress: (progress) =>
        handle.update((state) => ({ ...state, steps: withStep(state.steps, progress) })),
    }),
  );
}

/** The wait is one line that counts up, not a new line every poll. */
function withStep(steps: readonly PecTestProgress[], progress: PecTestProgress): PecTestProgress[] {
  const last = steps.at(-1);
  return last?.step === 'waiting' && progress.step === 'waiting'
    ? [...steps.slice(0, -1), progress]
    : [...steps, progress];
}
