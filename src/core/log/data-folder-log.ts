import { addLogSink, type LogLevel } from './logger';
import { RotatingLogFile } from './rotating-log-file';

// ponte.log in the data folder, where the app, the browser preview and every `ponte` command append. Opened
// by each front end once it knows the folder; nothing is written (nor created) until something is logged.

let file: RotatingLogFile | undefined;
let stopSink: (() => void) | undefined;
let exitHooked = false;

/** Sends lines of `threshold` and more severe to `<dataDir>/ponte.log`, instead of any log opened before. */
export function openDataFolderLog(dataDir: string, threshold: LogLevel = 'info', maxBytes?: number): void {
  closeDataFolderLog();
  const opened = new RotatingLogFile(dataDir, maxBytes);
  file = opened;
  stopSink = addLogSink((line) => opened.append(line), threshold);
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => file?.flushSync());
  }
}

/** Waits until every line logged so far is in the file (the support report reads it back). */
export async function flushDataFolderLog(): Promise<void> {
  await file?.flush();
}

/** No more lines go to the file; those already queued are still written. */
export function closeDataFolderLog(): void {
  stopSink?.();
  stopSink = undefined;
}
