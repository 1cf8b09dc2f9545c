import type { WireError } from '@shared/error-codes';
import { PonteError, toWireError } from '../errors/ponte-error';
import { forgetFinished } from './forget-finished';
import { waitForNews } from './wait-for-news';

/** What every long operation the UI follows carries: its id, a version bumped on each change, done. */
export interface OperationState {
  operationId: string;
  version: number;
  done: boolean;
}

export interface OperationHandle<S extends OperationState> {
  readonly signal: AbortSignal;
  /** Changes the state, bumps its version and wakes whoever waits for news. */
  update(change: (state: S) => S, done?: boolean): void;
}

interface Entry<S> {
  state: S;
  controller: AbortController;
  waiters: Set<() => void>;
  finishedAt?: number;
}

/** Finished operations are kept this long for a late poll, then forgotten. */
const KEEP_FINISHED_MS = 10 * 60_000;
/** A poll that waits for news gives up after this long and returns the state as it is. */
const MAX_WAIT_MS = 15_000;

/**
 * Operations started from the UI: a start returns at once with an id, the UI polls (each poll may wait for
 * the next change) and may cancel. Secrets stay in the running operation's closure, never in its state.
 */
export class OperationRegistry<S extends OperationState> {
  private readonly entries = new Map<string, Entry<S>>();

  start(initial: Omit<S, keyof OperationState>, run: (handle: OperationHandle<S>) => Promise<void>): S {
    this.forgetOld();
    const operationId = globalThis.crypto.randomUUID();
    const entry: Entry<S> = {
      controller: new AbortController(),
      waiters: new Set(),
      state: { ...initial, operationId, version: 0, done: false } as S,
    };
    this.entries.set(operationId, entry);
    const handle: OperationHandle<S> = {
      signal: entry.controller.signal,
      update: (change, done = false) => {
        if (entry.state.done) return;
        entry.state = { ...change(entry.state), version: entry.state.version + 1, done };
        if (done) entry.finishedAt = Date.now();
        for (const wake of [...entry.waiters]) wake();
      },
    };
    void run(handle);
    return structuredClone(entry.state);
  }

  /** The state now, or, with `afterVersion`, as soon as it is newer than that (bounded wait). */
  async status(operationId: string, afterVersion?: number): Promise<S> {
    const entry = this.find(operationId);
    if (afterVersion !== undefined && entry.state.version <= afterVersion && !entry.state.done) {
      await waitForNews(entry.waiters, MAX_WAIT_MS);
    }
    return structuredClone(entry.state);
  }

  cancel(operationId: string): S {
    const entry = this.find(operationId);
    entry.controller.abort();
    return structuredClone(entry.state);
  }

  private find(operationId: string): Entry<S> {
    const entry = this.entries.get(operationId);
    if (!entry) throw new PonteError('INVALID_INPUT', 'This operation is no longer known; start it again.');
    return entry;
  }

  private forgetOld(): void {
    forgetFinished(this.entries, KEEP_FINISHED_MS);
  }
}

/**
 * An operation that ends in a report, or in the error it failed with (as the window shows errors): the state
 * carries both, and `work` only has to return the report.
 */
export function startReporting<R, S extends OperationState & { report: R | null; error: WireError | null }>(
  registry: OperationRegistry<S>,
  initial: Omit<S, keyof OperationState>,
  work: (handle: OperationHandle<S>) => Promise<R>,
): S {
  return registry.start(initial, async (handle) => {
    try {
      const report = await work(handle);
      handle.update((state) => ({ ...state, report }), true);
    } catch (error) {
      handle.update((state) => ({ ...state, error: toWireError(error) }), true);
    }
  });
}
