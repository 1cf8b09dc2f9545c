import type { ServiceResult, VerifyProgress } from '@shared/verify';
import { OperationRegistry } from '../async/operation-registry';
import { logFor } from '../log/logger';
import type { ServiceTarget } from './service-target';
import type { VerifyOptions } from './verify-services';

const log = logFor('verify');

/**
 * Checks started from the UI: a start returns at once with an id, the UI polls for progress (each poll
 * may wait for the next change, so rows update as soon as a service settles), and may cancel. The
 * password lives only in the running check's closure, never in what a poll returns.
 */
export class VerifyOperations {
  private readonly registry = new OperationRegistry<VerifyProgress>();

  start(
    targets: readonly ServiceTarget[],
    options: Omit<VerifyOptions, 'signal' | 'onResult'>,
    /** Runs before the check is reported done, so whoever polls sees its effect (a saved last check). */
    onFinished?: (results: ServiceResult[]) => Promise<void>,
  ): VerifyProgress {
    const pending = targets.map(
      (target) =>
        ({ service: target.service, status: 'pending', code: null, durationMs: 0 }) as ServiceResult,
    );
    return this.registry.start({ results: pending }, async (handle) => {
      // Loaded with the first check, not with every command that builds a core.
      const { verifyServices } = await import('./verify-services');
      const results = await verifyServices(targets, {
        ...options,
        signal: handle.signal,
        onResult: (result, index) =>
          handle.update((progress) => ({ ...progress, results: progress.results.with(index, result) })),
      });
      await onFinished?.(results).catch((error: unknown) =>
        log.warn('a finished check could not be recorded with its account', error),
      );
      handle.update((progress) => ({ ...progress, results }), true);
    });
  }

  /** The state now, or, with `afterVersion`, as soon as it is newer than that (bounded wait). */
  status(operationId: string, afterVersion?: number): Promise<VerifyProgress> {
    return this.registry.status(operationId, afterVersion);
  }

  cancel(operationId: string): VerifyProgress {
    return this.registry.cancel(operationId);
  }
}
