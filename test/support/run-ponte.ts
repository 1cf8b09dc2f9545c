import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface PonteRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunPonteOptions {
  /** The data folder (PONTE_DATA_DIR): the test's own, never the developer's. */
  dataDir?: string;
  /** HOME: where the command looks for Thunderbird's profiles, the file manager's bookmarks and the like. */
  home?: string;
  /** Added to (or overriding) the test's environment and the two above. */
  env?: NodeJS.ProcessEnv;
  /** Typed into the command; null closes standard input at once. */
  stdin?: string | null;
  /** Called once the process runs, with a way to signal it (Ctrl-C tests). */
  onStart?: (kill: (signal: NodeJS.Signals) => void) => void;
}

/** A `ponte` command to run: the arguments, and what this run adds to the test's usual options. */
export type Ponte = (args: readonly string[], options?: RunPonteOptions) => Promise<PonteRun>;

const root = join(__dirname, '../..');

/** Runs the built `ponte` command as a person would, in English unless the test says otherwise. */
export function runPonte(args: readonly string[], options: RunPonteOptions = {}): Promise<PonteRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/ponte.js'), ...args], {
      env: {
        ...process.env,
        LANG: 'en_US.UTF-8',
        LANGUAGE: '',
        LC_ALL: '',
        ...(options.dataDir === undefined ? {} : { PONTE_DATA_DIR: options.dataDir }),
        ...(options.home === undefined ? {} : { HOME: options.home }),
        ...options.env,
      },
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

/**
 * A test file's `ponte`: runPonte with the file's own options (read at each run, so folders made by hooks
 * are there) and each call's added on top, environments merged.
 */
export function ponteWith(fileOptions: () => RunPonteOptions): Ponte {
  return (args, options = {}) => {
    const base = fileOptions();
    return runPonte(args, { ...base, ...options, env: { ...base.env, ...options.env } });
  };
}
