import { spawn } from 'node:child_process';

/**
 * Runs a program that prints one JSON document (the read-back scripts: EDS's registry, GLib, expat) and
 * parses it; a non-zero exit rejects with what the program said on stderr.
 */
export function runJsonProgram<T>(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options.env ? { env: options.env } : {});
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${args.at(-1) ?? command} exit ${code}: ${err}`));
      resolve(JSON.parse(out) as T);
    });
    child.stdin.end(options.stdin ?? '');
  });
}
