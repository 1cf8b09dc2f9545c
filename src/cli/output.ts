import type { Readable, Writable } from 'node:stream';

/** Where the CLI reads and writes; injected so tests read exactly what a person would see. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  stdin: Readable;
  /** True when a person is typing, so a hidden prompt makes sense. */
  stdinIsTty: boolean;
  /** Where a prompt is shown (stderr, so stdout stays clean for --json). */
  promptOutput: Writable;
  /** Calls back on Ctrl-C; returns the function that stops listening. */
  onInterrupt(listener: () => void): () => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  stdin: process.stdin,
  stdinIsTty: process.stdin.isTTY === true,
  promptOutput: process.stderr,
  onInterrupt: (listener) => {
    process.on('SIGINT', listener);
    return () => process.off('SIGINT', listener);
  },
};

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Runs work that Ctrl-C stops through its signal (the work then ends with what it has), not by killing it. */
export async function whileInterruptible<T>(
  io: CliIo,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const stop = io.onInterrupt(() => controller.abort());
  try {
    return await work(controller.signal);
  } finally {
    stop();
  }
}
