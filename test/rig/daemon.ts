import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { logTails } from './log-tail';
import { waitForTcpListen } from './ports';
import { runningGroupMembers } from './proc-scan';

export interface DaemonOptions {
  /** Names the server in errors, e.g. `dovecot`. */
  name: string;
  command: string;
  args: readonly string[];
  /** Receives the daemon's stdout and stderr. */
  outputLog: string;
  /** Logs the daemon writes itself, shown with outputLog when it fails to start. */
  otherLogs?: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** TCP ports on 127.0.0.1 that mean the daemon is ready once all are in LISTEN state. */
  readyPorts: readonly number[];
  readyTimeoutMs?: number;
}

export interface Daemon {
  readonly name: string;
  /** The process group holding the guard shell, the daemon and every worker it forks. */
  readonly pgid: number;
  /** Stops the daemon and every process it forked; resolves once none of them runs. */
  stop(): Promise<void>;
}

/**
 * The group leader every daemon runs under: when the test process ends however it ends (a vitest
 * worker is killed without running 'exit' handlers), the kernel sends this shell SIGTERM (setpriv
 * --pdeathsig) and it passes that on to the whole group. The daemon itself cannot hold that signal:
 * Linux clears it when a process changes credentials, as dnsmasq and Postfix's master do.
 */
const guardScript = `trap 'trap - TERM; kill -TERM 0' TERM
"$@" &
wait $!`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  // kill(-1) would signal every process we may signal; only ever address a real group.
  if (!(pgid > 1)) throw new Error(`refusing to signal process group ${pgid}`);
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group has no members left.
  }
}

async function waitUntilGone(pgid: number, hasExited: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited() && runningGroupMembers(pgid).length === 0) return true;
    await sleep(25);
  }
  return false;
}

export class DaemonStartError extends Error {
  constructor(
    readonly server: string,
    reason: string,
    readonly logTail: string,
  ) {
    super(`${server} did not start: ${reason}\n${logTail}`);
    this.name = 'DaemonStartError';
  }
}

/**
 * Starts a server in the foreground in a process group of its own (under the guard shell), so that
 * stopping it reaches the workers it forks (Postfix, Dovecot and Apache all fork), and waits until
 * its ports listen.
 */
export async function startDaemon(options: DaemonOptions): Promise<Daemon> {
  const command = [options.command, ...options.args];
  const output = openSync(options.outputLog, 'a');
  const child = spawn(
    'setpriv',
    ['--pdeathsig', 'TERM', '--', 'sh', '-c', guardScript, 'rig-guard', ...command],
    {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', output, output],
    },
  );
  closeSync(output);
  let exitReason: string | undefined;
  child.once('exit', (code, signal) => {
    exitReason = `exited (${signal ?? `code ${code}`})`;
  });
  try {
    await once(child, 'spawn');
  } catch (error) {
    throw new DaemonStartError(options.name, String(error), '');
  }
  // detached: the guard called setsid(), so its PID is also the group's ID.
  const pgid = child.pid;
  if (pgid === undefined) throw new DaemonStartError(options.name, 'spawned without a PID', '');
  const logs = [options.outputLog, ...(options.otherLogs ?? [])];

  const stop = async (): Promise<void> => {
    // The whole group at once, workers included even if the daemon already died: the test data is
    // thrown away, so nothing needs an orderly drain, and Dovecot's master alone takes a second to
    // wind its children down where this takes milliseconds.
    signalGroup(pgid, 'SIGTERM');
    const hasExited = (): boolean => exitReason !== undefined;
    if (!(await waitUntilGone(pgid, hasExited, 5_000))) {
      signalGroup(pgid, 'SIGKILL');
      if (!(await waitUntilGone(pgid, hasExited, 3_000))) {
        throw new Error(`${options.name} (process group ${pgid}) still running after SIGKILL`);
      }
    }
  };

  try {
    await waitForTcpListen(options.readyPorts, {
      timeoutMs: options.readyTimeoutMs ?? 15_000,
      failureReason: () => exitReason,
    });
  } catch (error) {
    await stop().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DaemonStartError(options.name, reason, logTails(logs));
  }
  return { name: options.name, pgid, stop };
}
