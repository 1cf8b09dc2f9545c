import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runBounded } from '@core/verify/run-bounded';
import { VerifyFailure } from '@core/verify/verify-failure';

/** Work that, like a well-behaved adapter, closes and fails with the library's own error when told to stop. */
function failsWhenAborted(signal: AbortSignal, libraryError = new Error('socket closed')): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(libraryError);
    signal.addEventListener('abort', () => reject(libraryError), { once: true });
  });
}

/** Work that ignores its signal and never settles. */
const lingers = (): Promise<never> => new Promise(() => undefined);

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('runBounded', () => {
  it('resolves with the value of the work', async () => {
    await expect(runBounded(async () => ({ folders: 3 }), { timeoutMs: 1_000 })).resolves.toEqual({
      folders: 3,
    });
  });

  it('gives the work a signal that is not aborted, and does not abort it after success', async () => {
    let seen: AbortSignal | undefined;
    await runBounded(
      async (signal) => {
        seen = signal;
        return 'done';
      },
      { timeoutMs: 30 },
    );
    await delay(80);
    expect(seen?.aborted).toBe(false);
  });

  it('fails with TIMEOUT and aborts the work when it outlives the time allowed', async () => {
    let seen: AbortSignal | undefined;
    const error = await failureOf(
      runBounded(
        (signal) => {
          seen = signal;
          return failsWhenAborted(signal);
        },
        { timeoutMs: 50 },
      ),
    );
    expect(error).toBeInstanceOf(VerifyFailure);
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toMatchObject({ code: 'TIMEOUT' });
  });

  it('fails with TIMEOUT even when the work ignores its signal and never settles', async () => {
    const started = Date.now();
    await expect(runBounded(lingers, { timeoutMs: 50 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('fails with TIMEOUT when the work resolves only after the time allowed', async () => {
    const late = async (): Promise<string> => {
      await delay(100);
      return 'too late';
    };
    await expect(runBounded(late, { timeoutMs: 20 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('fails with CANCELLED and aborts the work when the caller cancels', async () => {
    const parent = new AbortController();
    let seen: AbortSignal | undefined;
    const running = runBounded(
      (signal) => {
        seen = signal;
        return failsWhenAborted(signal);
      },
      { parent: parent.signal, timeoutMs: 5_000 },
    );
    setTimeout(() => parent.abort(), 10);
    const error = await failureOf(running);
    expect(error).toBeInstanceOf(VerifyFailure);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(seen?.aborted).toBe(true);
  });

  it('fails with CANCELLED when the caller had cancelled before the start', async () => {
    const parent = new AbortController();
    parent.abort();
    await expect(
      runBounded((signal) => failsWhenAborted(signal), { parent: parent.signal, timeoutMs: 5_000 }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('fails with CANCELLED when the caller had cancelled before the start, whatever the work does', async () => {
    const parent = new AbortController();
    parent.abort();
    const ignoresSignal = async (): Promise<string> => {
      await delay(10);
      return 'value';
    };
    await expect(
      runBounded(ignoresSignal, { parent: parent.signal, timeoutMs: 5_000 }),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });

  it('keeps the first reason when a cancel comes after a timeout', async () => {
    const parent = new AbortController();
    setTimeout(() => parent.abort(), 60);
    await expect(runBounded(lingers, { parent: parent.signal, timeoutMs: 20 })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
  });

  it('reports why it stopped, not the error the library raised because of the abort', async () => {
    const libraryError = Object.assign(new Error('Connection closed'), { code: 'ECONNRESET' });
    const error = await failureOf(
      runBounded((signal) => failsWhenAborted(signal, libraryError), { timeoutMs: 30 }),
    );
    expect(error).not.toBe(libraryError);
    expect(error).toMatchObject({ code: 'TIMEOUT' });
  });

  it('reports why it stopped when the library error comes a little after the abort', async () => {
    const slowToClose = (signal: AbortSignal): Promise<never> =>
      new Promise((_, reject) => {
        signal.addEventListener('abort', () => setTimeout(() => reject(new Error('write after end')), 30));
      });
    const parent = new AbortController();
    setTimeout(() => parent.abort(), 10);
    await expect(runBounded(slowToClose, { parent: parent.signal, timeoutMs: 5_000 })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });

  it('passes an error from the work through unchanged when nothing was aborted', async () => {
    const libraryError = Object.assign(new Error('Invalid credentials'), { code: 'EAUTH' });
    const error = await failureOf(
      runBounded(
        async () => {
          await delay(5);
          throw libraryError;
        },
        { timeoutMs: 1_000 },
      ),
    );
    expect(error).toBe(libraryError);
  });

  it('passes a VerifyFailure from the work through unchanged', async () => {
    const failure = new VerifyFailure('AUTH_FAILED', 'Wrong password.', 'NO [AUTHENTICATIONFAILED]');
    await expect(runBounded(() => Promise.reject(failure), { timeoutMs: 1_000 })).rejects.toBe(failure);
  });

  it('is not affected by a cancel that comes after the work finished', async () => {
    const parent = new AbortController();
    await expect(runBounded(async () => 'done', { parent: parent.signal, timeoutMs: 1_000 })).resolves.toBe(
      'done',
    );
    expect(() => parent.abort()).not.toThrow();
  });
});
