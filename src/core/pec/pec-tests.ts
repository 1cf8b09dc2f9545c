import type { PecTestProgress, PecTestStatus } from '@shared/pec';
import type { AccountStore } from '../accounts/account-store';
import { OperationRegistry } from '../async/operation-registry';
import { toWireError } from '../errors/ponte-error';
import { type PecTestOptions, runPecTest } from './pec-test';

/** Test PECs started from the app, followed by polling; each keeps its steps and, at the end, its report. */
export class PecTests {
  private readonly registry = new OperationRegistry<PecTestStatus>();

  start(
    store: AccountStore,
    accountId: string,
    options: Omit<PecTestOptions, 'signal' | 'onProgress'>,
  ): PecTestStatus {
    return this.registry.start({ steps: [], report: null, error: null }, async (handle) => {
      const onProgress = (progress: PecTestProgress): void =>
        handle.update((state) => ({ ...state, steps: withStep(state.steps, progress) }));
      try {
        const report = await runPecTest(store, accountId, { ...options, signal: handle.signal, onProgress });
        handle.update((state) => ({ ...state, report }), true);
      } catch (error) {
        handle.update((state) => ({ ...state, error: toWireError(error) }), true);
      }
    });
  }

  status(operationId: string, afterVersion?: number): Promise<PecTestStatus> {
    return this.registry.status(operationId, afterVersion);
  }

  cancel(operationId: string): PecTestStatus {
    return this.registry.cancel(operationId);
  }
}

/** The wait is one line that counts up, not a new line every poll. */
function withStep(steps: readonly PecTestProgress[], progress: PecTestProgress): PecTestProgress[] {
  const last = steps.at(-1);
  return last?.step === 'waiting' && progress.step === 'waiting'
    ? [...steps.slice(0, -1), progress]
    : [...steps, progress];
}
