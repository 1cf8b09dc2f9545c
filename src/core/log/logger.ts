import { describeError } from './describe-error';
import { scrubLogText } from './scrub-log-text';

// The process's one log: code that catches a failure it will not rethrow says so here, and sinks (ponte.log,
// --verbose's stderr, a test) decide what to keep. Module state on purpose: a failure deep in core should not
// need a logger threaded through every call to reach the file.

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  error(message: string, error?: unknown): void;
  warn(message: string, error?: unknown): void;
  info(message: string, error?: unknown): void;
  debug(message: string, error?: unknown): void;
}

/** Receives each line already formatted and scrubbed, one record per line, without its line break. */
export type LogSink = (line: string, level: LogLevel) => void;

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };
/** A library that dumps a whole response into an error message would otherwise fill the file. */
const MAX_LINE_CHARS = 4000;
/** Secrets remembered for scrubbing: enough for every credential of every account a person has. */
const MAX_SECRETS = 200;

const sinks = new Set<{ write: LogSink; threshold: LogLevel }>();
const secrets = new Set<string>();

/** Starts sending lines of `threshold` and more severe to `write`; returns the function that stops it. */
export function addLogSink(write: LogSink, threshold: LogLevel = 'info'): () => void {
  const sink = { write, threshold };
  sinks.add(sink);
  return () => void sinks.delete(sink);
}

/** A password (or token) this process handles: from now on it is masked in every line, in every form. */
export function rememberSecret(secret: string): void {
  if (secrets.has(secret)) return;
  secrets.add(secret);
  if (secrets.size > MAX_SECRETS) secrets.delete(secrets.values().next().value as string);
}

/** Text scrubbed as log lines are: for anything else that leaves the process for support (the report). */
export function scrubForSupport(text: string): string {
  return scrubLogText(text, secrets);
}

/** A logger whose lines name where they come from (`reminders`, `rotation`). */
export function logFor(scope: string): Logger {
  const at =
    (level: LogLevel) =>
    (message: string, error?: unknown): void =>
      emit(level, scope, message, error);
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

function emit(level: LogLevel, scope: string, message: string, error: unknown): void {
  try {
    const wanted = [...sinks].filter((sink) => RANK[level] <= RANK[sink.threshold]);
    if (wanted.length === 0) return;
    const line = formatLine(level, scope, message, error);
    for (const sink of wanted) {
      try {
        sink.write(line, level);
      } catch {
        // A broken sink must not turn a logged failure into a thrown one; the other sinks still get it.
      }
    }
  } catch {
    // Logging never throws into the code that only wanted to report something.
  }
}

function formatLine(level: LogLevel, scope: string, message: string, error: unknown): string {
  const detail = error === undefined ? message : `${message}: ${describeError(error)}`;
  // One record per line, so the report's "last lines" are whole records.
  const flat = detail.replace(/\s*[\r\n]+\s*/g, ' | ');
  const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${scope}] ${flat}`;
  // Scrubbed before cutting: a cut could split a secret so that it no longer matches.
  const scrubbed = scrubLogText(line, secrets);
  return scrubbed.length > MAX_LINE_CHARS ? `${scrubbed.slice(0, MAX_LINE_CHARS)}…` : scrubbed;
}
