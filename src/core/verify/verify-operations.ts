import { randomUUID } from 'node:crypto';
import type { ServiceResult, VerifyProgress } from '@shared/verify';
import { waitForNews } from '../async/wait-for-news';
import { PonteError } from '../errors/ponte-error';
import type { ServiceTarget } from './service-target';
import { type VerifyOptions, verifyServices } from './verify-services';

interface Operation {
  progress: VerifyProgress;
  controller: AbortController;
  waiters: Set<() => void>;
  finishedAt?: number;
}

/** Finished checks are kept this long for a late poll, then forgotten. */
const KEEP_FINISHED_MS = 10 * 60_000;
/** A poll that waits for news gives up after this long and returns the state as it is. */
const MAX_WAIT_MS = 15_000;

/**
 * Checks started from the UI: a start returns at once with an id, the UI polls for progress (each poll
 * may wait for the next change, so rows update as soon as a service settles), and may cancel. The
 * password lives only in the running check's closure, never in what a poll returns.
 */
export class VerifyOperations {
  private readonly operations = new Map<string, Operation>();

  start(
    targets: readonly ServiceTarget[],
    options: Omit<VerifyOptions, 'signal' | 'onResult'>,
    /** Runs before the check is reported done, so whoever polls sees its effect (a saved last check). */
    onFinished?: (results: ServiceResult[]) => Promise<void>,
  ): VerifyProgress {
    this.forgetOld();
    const operationId = randomUUID();
    const controller = new AbortController();
    const operation: Operation = {
      controller,
      waiters: new Set(),
      progress: {
        operationId,
        done: false,
        version: 0,
        results: targets.map(
          (target) =>
            ({ service: target.service, status: 'pending', code: null, durationMs: 0 }) as ServiceResult,
        ),
      },
    };
    this.operations.set(operationId, operation);
    void verifyServices(targets, {
      ...options,
      signal: controller.signal,
      onResult: (result, index) => this.update(operation, (results) => results.with(index, result)),
    }).then(async (results) => {
      await onFinished?.(results).catch(() => undefined);
      operation.finishedAt = Date.now();
      this.update(operation, () => results, true);
    });
    return structuredClone(operation.progress);
  }

  /** The state now, or, with `afterVersion`, as soon as it is newer than that (bounded wait). */
  async status(operationId: string, afterVersion?: number): Promise<VerifyProgress> {
    const operation = this.find(operationId);
    if (
      afterVersion !== undefined &&
      operation.progress.version <= afterVersion &&
      !operation.progress.done
    ) {
      await waitForNews(operation.waiters, MAX_WAIT_MS);
    }
    return structuredClone(operation.progress);
  }

  cancel(operationId: string): VerifyProgress {
    const operation = this.find(operationId);
    operation.controller.abort();
    return structuredClone(operation.progress);
  }

  private find(operationId: string): Operation {
    const operation = this.operations.get(operationId);
    if (!operation) throw new PonteError('INVALID_INPUT', 'This check is no longer known; start it again.');
    return operation;
  }

  private update(
    operation: Operation,
    change: (results: ServiceResult[]) => ServiceResult[],
    done = false,
  ): void {
    operation.progress = {
      ...operation.progress,
      results: change(operation.progress.results),
      version: operation.progress.version + 1,
      done: operation.progress.done || done,
    };
    for (const wake of [...operation.waiters]) wake();
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [id, operation] of this.operations) {
      if (operation.finishedAt !== undefined && now - operation.finishedAt > KEEP_FINISHED_MS) {
        this.operations.delete(id);
      }
    }
  }
}
