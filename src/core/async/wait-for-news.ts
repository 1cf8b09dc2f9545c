/**
 * For long polls: resolves when whoever changes the watched state calls every function in `waiters`, or after
 * `maxMs`, whichever comes first; the waiter removes itself either way.
 */
export function waitForNews(waiters: Set<() => void>, maxMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, maxMs);
    function done(): void {
      clearTimeout(timer);
      waiters.delete(done);
      resolve();
    }
    waiters.add(done);
  });
}
