import { VerifyFailure } from './verify-failure';

/**
 * How long to let an adapter finish after it was told to stop. Adapters close their sockets synchronously
 * on abort; this only lets their promise settle, and a library that lingers is not waited for.
 */
const STOP_GRACE_MS = 200;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs one service check with a hard ceiling and the caller's cancel signal. The work gets its own signal;
 * when time is up or the caller cancels, that signal aborts, the work gets a moment to close its
 * connections, and the outcome is TIMEOUT or CANCELLED whatever the library said meanwhile.
 */
export async function runBounded<T>(
  work: (signal: AbortSignal) => Promise<T>,
  options: { parent?: AbortSignal; timeoutMs: number },
): Promise<T> {
  const controller = new AbortController();
  let stopCode: 'TIMEOUT' | 'CANCELLED' | undefined;
  // Listen before anything can abort, so a caller that cancelled already is seen at once.
  const stopped = new Promise<'stopped'>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve('stopped'), { once: true }),
  );
  const stop = (code: 'TIMEOUT' | 'CANCELLED'): void => {
    if (stopCode !== undefined) return;
    stopCode = code;
    controller.abort(new VerifyFailure(code, code === 'TIMEOUT' ? 'Timed out.' : 'Cancelled.'));
  };
  const timer = setTimeout(() => stop('TIMEOUT'), options.timeoutMs);
  const onParentAbort = (): void => stop('CANCELLED');
  if (options.parent?.aborted) onParentAbort();
  options.parent?.addEventListener('abort', onParentAbort, { once: true });

  try {
    // Through a promise, so a work function that throws synchronously is handled like one that rejects.
    const running = Promise.resolve().then(() => work(controller.signal));
    running.catch(() => undefined);
    const first = await Promise.race([running.then((value) => ({ value })), stopped]);
    if (first !== 'stopped') return first.value;
    await Promise.race([running.catch(() => undefined), sleep(STOP_GRACE_MS)]);
    throw controller.signal.reason as VerifyFailure;
  } catch (error) {
    // A library error raised because we aborted says less than why we aborted.
    if (stopCode !== undefined) throw controller.signal.reason as VerifyFailure;
    throw error;
  } finally {
    clearTimeout(timer);
    options.parent?.removeEventListener('abort', onParentAbort);
  }
}
