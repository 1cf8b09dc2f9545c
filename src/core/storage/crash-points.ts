// Test hook: the points inside a save where a test stops the process with SIGKILL, as a power cut would, to
// prove a file is always the old version or the new one. Nothing happens unless the CLI installed a hook
// (only when PONTE_TEST_CRASH_AT is set).

export type StoragePoint = 'temp-written' | 'temp-synced' | 'renamed';

let hook: ((point: string) => void) | undefined;

export function setStorageCrashHook(next: ((point: string) => void) | undefined): void {
  hook = next;
}

export function storagePoint(point: StoragePoint): void {
  hook?.(`storage:${point}`);
}
