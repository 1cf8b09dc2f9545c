import { spawn } from 'node:child_process';
import { PonteError } from '../errors/ponte-error';

// Running one program for a plan: what it is given on stdin (a password, commands for `security -i`) goes
// there and nowhere else — never on its command line, never in its environment.

export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last 4000 characters it printed (stdout and stderr): never the password, which went in. */
  output: string;
}

export function execute(
  command: readonly string[],
  options: { input?: string; timeoutMs?: number } = {},
): Promise<CommandResult> {
  const [program, ...args] = command;
  if (!program) return Promise.resolve({ code: 0, signal: null, output: '' });
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new PonteError('MOUNT_FAILED', `${program} could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
    // A program that exits before reading its input must not crash Ponte with EPIPE.
    child.stdin.on('error', () => undefined);
    // A second prompt (e.g. "accept this certificate?") gets end-of-input, never an answer made up here.
    child.stdin.end(options.input ?? '');
  });
}

/** Runs a plan's command; anything but exit 0 is MOUNT_FAILED with what the program said. */
export async function runChecked(
  command: readonly string[],
  options: { input?: string; timeoutMs?: number } = {},
): Promise<void> {
  const result = await execute(command, options);
  if (result.code === 0) return;
  throw commandFailed(command, result);
}

export function commandFailed(command: readonly string[], result: CommandResult): PonteError {
  const said = result.output.replace(/Password:\s*/g, '').trim();
  return new PonteError(
    'MOUNT_FAILED',
    `${command.slice(0, 2).join(' ')} failed (${result.signal ? `stopped by ${result.signal}` : `exit ${result.code}`})${said ? `: ${said}` : ''}`,
    'Check the drive address and the password, and that the server is reachable.',
  );
}
