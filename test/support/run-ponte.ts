import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface PonteRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunPonteOptions {
  /** Added to (or overriding) the test's environment; PONTE_DATA_DIR belongs here. */
  env?: NodeJS.ProcessEnv;
  /** Typed into the command; null closes standard input at once. */
  stdin?: string | null;
  /** Called once the process runs, with a way to signal it (Ctrl-C tests). */
  onStart?: (kill: (signal: NodeJS.Signals) => void) => void;
}

const root = join(__dirname, '../..');

/** Runs the built `ponte` command as a person would, in English unless the test says otherwise. */
export function runPonte(args: readonly string[], options: RunPonteOptions = {}): Promise<PonteRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/ponte.js'), ...args], {
      env: { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: '', LC_ALL: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(options.stdin ?? undefined);
    options.onStart?.((signal) => child.kill(signal));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
