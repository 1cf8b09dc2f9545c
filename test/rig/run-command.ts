import { execFile } from 'node:child_process';

export interface CommandOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/** Runs a short-lived tool (openssl, htpasswd, postconf, ss); throws with its stderr if it fails. */
export function runCommandOutput(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { env: options.env ?? process.env, timeout: options.timeoutMs ?? 15_000, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.trim() || stdout.trim();
          reject(
            new Error(`${command} ${args.join(' ')} failed: ${error.message}${detail ? `\n${detail}` : ''}`),
          );
          return;
        }
        resolve({ stdout, stderr });
      },
    );
    // A tool that exits without reading stdin (ss does) would make the write fail with EPIPE, an
    // unhandled error that kills the test process; the exit status above is what counts.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input);
  });
}

export async function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<string> {
  return (await runCommandOutput(command, args, options)).stdout;
}
