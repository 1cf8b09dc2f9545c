/**
 * Test hook: PONTE_TEST_CRASH_AT=<point> (or <point>#<n>, the n-th time it is reached) kills this process there
 * with SIGKILL, as a power cut would, to prove the next run leaves a working machine and loses nothing. Has no
 * effect unless that variable is set.
 */
export function crashHook<P extends string>(env: NodeJS.ProcessEnv): ((point: P) => void) | undefined {
  const spec = env.PONTE_TEST_CRASH_AT;
  if (!spec) return undefined;
  const [at, nth] = spec.split('#');
  let seen = 0;
  return (point) => {
    if (point !== at) return;
    seen += 1;
    if (seen >= Number(nth ?? 1)) process.kill(process.pid, 'SIGKILL');
  };
}
